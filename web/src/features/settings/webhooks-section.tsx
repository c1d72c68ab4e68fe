'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { sessionTransport } from '@/features/auth';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync/transport';
import {
  CREATE_WEBHOOK_ENDPOINT,
  DELETE_WEBHOOK_ENDPOINT,
  SEND_TEST_WEBHOOK,
  WEBHOOK_DELIVERIES,
  WEBHOOK_ENDPOINTS,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from './webhooks.operations';
import styles from './settings.module.css';

/** The event type as the receiver reads it in the body's `type` (`TRANSACTION_CREATED` → `transaction.created`). */
const wireEventType = (type: string): string => type.toLowerCase().replace('_', '.');

/** How often, and how many times per opening, a shown list with a pending delivery is read again. */
const PENDING_REFRESH_MS = 2000;
const PENDING_REFRESH_LIMIT = 15;

type ErrorKey = 'url' | 'target' | 'eventTypes' | 'limit' | 'offline' | 'unknown';

const BY_REASON: Record<string, ErrorKey> = {
  WEBHOOK_URL_INVALID: 'url',
  WEBHOOK_TARGET_FORBIDDEN: 'target',
  WEBHOOK_EVENT_TYPES_INVALID: 'eventTypes',
  WEBHOOK_ENDPOINT_LIMIT: 'limit',
};

function errorKeyOf(error: unknown): ErrorKey {
  if (error instanceof NetworkUnavailableError) return 'offline';
  if (error instanceof GraphqlRequestError) return BY_REASON[error.reason ?? ''] ?? 'unknown';
  return 'unknown';
}

/** Webhooks for developers: add an endpoint, see its secret once, its recent deliveries, test it. */
export function WebhooksSection() {
  const t = useTranslations('settings.webhooks');
  const format = useFormatter();
  const id = useId();
  const [endpoints, setEndpoints] = useState<WebhookEndpointView[] | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [isCopied, setCopied] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; deliveries: WebhookDeliveryView[] } | null>(null);

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const load = useCallback(async () => {
    const data = await sessionTransport()<{ webhookEndpoints: WebhookEndpointView[] }>(
      WEBHOOK_ENDPOINTS,
    );
    setEndpoints(data.webhookEndpoints);
  }, []);

  useEffect(() => {
    void run(load);
  }, [run, load]);

  const readDeliveries = useCallback(async (endpointId: string) => {
    const data = await sessionTransport()<{
      webhookDeliveries: { nodes: WebhookDeliveryView[] };
    }>(WEBHOOK_DELIVERIES, { endpointId });
    return data.webhookDeliveries.nodes;
  }, []);

  const refreshes = useRef(0);

  async function showDeliveries(endpointId: string) {
    const deliveries = await readDeliveries(endpointId);
    refreshes.current = 0;
    setOpen({ id: endpointId, deliveries });
  }

  // While a shown delivery is still pending, the list is read again every few seconds (a bounded
  // number of times), so a test event turns from "Pending" into "Delivered" or "Failed" by itself.
  useEffect(() => {
    if (!open || !open.deliveries.some((delivery) => delivery.status === 'PENDING')) return;
    if (refreshes.current >= PENDING_REFRESH_LIMIT) return;
    const endpointId = open.id;
    const timer = setTimeout(() => {
      refreshes.current += 1;
      readDeliveries(endpointId).then(
        (deliveries) =>
          setOpen((current) =>
            current?.id === endpointId ? { id: endpointId, deliveries } : current,
          ),
        () => undefined, // offline or signed out: the list stays as it was shown
      );
    }, PENDING_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [open, readDeliveries]);

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const url = form.get('url');
    const description = form.get('description');
    const eventTypes = form.getAll('eventType').filter((v): v is string => typeof v === 'string');
    if (eventTypes.length === 0) {
      setError('eventTypes');
      return;
    }
    void run(async () => {
      const data = await sessionTransport()<{ createWebhookEndpoint: { secret: string } }>(
        CREATE_WEBHOOK_ENDPOINT,
        {
          input: {
            url: typeof url === 'string' ? url : '',
            eventTypes,
            description: typeof description === 'string' && description ? description : null,
          },
        },
      );
      setSecret(data.createWebhookEndpoint.secret);
      setCopied(false);
      formElement.reset();
      await load();
    });
  }

  return (
    <section className={styles.card} aria-labelledby="webhooks-title">
      <h2 id="webhooks-title" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('lead')}</p>
      {secret ? (
        <div role="status" className={styles.notice}>
          <p>{t('once')}</p>
          <p className={styles.secret} data-testid="new-webhook-secret">
            {secret}
          </p>
          <button
            type="button"
            className={styles.secondary}
            onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
          >
            {isCopied ? t('copied') : t('copy')}
          </button>
        </div>
      ) : null}
      <form className={styles.list} aria-label={t('add')} onSubmit={create}>
        <div className={styles.field}>
          <label htmlFor={`${id}-url`}>{t('url')}</label>
          <input
            id={`${id}-url`}
            className={styles.input}
            name="url"
            type="url"
            required
            maxLength={1000}
            placeholder="https://example.com/pace/webhooks"
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-description`}>{t('description')}</label>
          <input
            id={`${id}-description`}
            className={styles.input}
            name="description"
            maxLength={200}
          />
        </div>
        <fieldset className={styles.choices}>
          <legend>{t('eventTypes')}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className={styles.choice}>
              <input type="checkbox" name="eventType" value={type} />
              <span>{t(`types.${type}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className={styles.row}>
          <button type="submit" className={styles.primary} disabled={isBusy}>
            {t('add')}
          </button>
        </div>
      </form>
      {endpoints === null ? null : endpoints.length === 0 ? (
        <p className={styles.muted}>{t('empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('listLabel')}>
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className={styles.item}>
              <span>
                <code>{endpoint.url}</code>{' '}
                <span className={styles.muted}>
                  {endpoint.enabled ? t('enabled') : t('disabled')} ·{' '}
                  {endpoint.eventTypes.map((type) => t(`types.${type}`)).join(', ')}
                </span>
              </span>
              <span className={styles.row}>
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={isBusy}
                  onClick={() =>
                    void run(async () => {
                      await sessionTransport()(SEND_TEST_WEBHOOK, { endpointId: endpoint.id });
                      setNotice(t('testSent'));
                      await showDeliveries(endpoint.id);
                    })
                  }
                >
                  {t('sendTest')}
                </button>
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={isBusy}
                  aria-expanded={open?.id === endpoint.id}
                  onClick={() =>
                    void run(async () => {
                      if (open?.id === endpoint.id) setOpen(null);
                      else await showDeliveries(endpoint.id);
                    })
                  }
                >
                  {t('deliveries')}
                </button>
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={isBusy}
                  aria-label={t('delete', { url: endpoint.url })}
                  onClick={() =>
                    void run(async () => {
                      await sessionTransport()(DELETE_WEBHOOK_ENDPOINT, { id: endpoint.id });
                      if (open?.id === endpoint.id) setOpen(null);
                      await load();
                    })
                  }
                >
                  {t('remove')}
                </button>
              </span>
              {open?.id === endpoint.id ? (
                open.deliveries.length === 0 ? (
                  <p className={styles.muted}>{t('noDeliveries')}</p>
                ) : (
                  <ul className={styles.list} aria-label={t('deliveriesLabel')} aria-live="polite">
                    {open.deliveries.map((delivery) => (
                      <li key={delivery.id} data-testid="webhook-delivery">
                        <code>{wireEventType(delivery.eventType)}</code> ·{' '}
                        {t(`status.${delivery.status}`)}
                        {delivery.lastStatusCode === null
                          ? null
                          : ` · ${t('httpStatus', { code: String(delivery.lastStatusCode) })}`}{' '}
                        <span className={styles.muted}>
                          {format.dateTime(new Date(delivery.createdAt), {
                            dateStyle: 'short',
                            timeStyle: 'short',
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {notice ? (
        <p role="status" className={styles.muted}>
          {notice}
        </p>
      ) : null}
      <p role="alert" className={styles.error}>
        {error ? t(`errors.${error}`) : null}
      </p>
    </section>
  );
}
