'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiRequest, syncAndWait } from '@/features/sync/sync-runtime';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { RULE_CREATE, RULE_SUGGESTION, type RuleSuggestionData } from './rules.operations';
import styles from './rules.module.css';
import { useRuleCategories } from './use-rule-categories';

type Suggestion = NonNullable<RuleSuggestionData['ruleSuggestion']>;

/**
 * After a transaction was recategorised: "Always put “pizza place” in Dining out?" and one tap
 * makes the rule. Shows nothing when the server has no suggestion (or the device is offline).
 */
export function RuleSuggestionOffer({
  transactionId,
  onClose,
}: {
  transactionId: string;
  onClose: () => void;
}) {
  const t = useTranslations('rules');
  const { nameOf } = useRuleCategories();
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [created, setCreated] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // The edit reaches the server first (it may wait in the outbox a moment).
    void syncAndWait()
      .then(() => apiRequest<RuleSuggestionData>(RULE_SUGGESTION, { transactionId }))
      .then((data) => {
        if (live) setSuggestion(data.ruleSuggestion);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transactionId]);

  if (!suggestion) return null;
  const category = nameOf(suggestion.setCategoryId);
  const values = { pattern: suggestion.textPattern, category };

  async function create(offer: Suggestion) {
    try {
      await apiRequest(RULE_CREATE, {
        input: {
          textPattern: offer.textPattern,
          textMatch: offer.textMatch,
          setCategoryId: offer.setCategoryId,
        },
      });
      setCreated(true);
      setError(null);
      await syncAndWait();
    } catch (failure) {
      setError(
        failure instanceof NetworkUnavailableError
          ? t('offline')
          : t('failed', {
              code: failure instanceof GraphqlRequestError ? failure.code : 'UNKNOWN',
            }),
      );
    }
  }

  return (
    <div className={styles.offer} role="status">
      {created ? (
        <p>{t('suggestionCreated', values)}</p>
      ) : (
        <>
          <p>{t('suggestion', values)}</p>
          <button type="button" className={styles.primary} onClick={() => void create(suggestion)}>
            {t('suggestionCreate')}
          </button>
          <button type="button" className={styles.button} onClick={onClose}>
            {t('suggestionDismiss')}
          </button>
        </>
      )}
      {error ? <p className={styles.error}>{error}</p> : null}
    </div>
  );
}
