import type { Logger } from './logger';

/** Where unexpected errors are reported besides the log (Sentry when SENTRY_DSN is set). */
export interface ErrorTracker {
  readonly enabled: boolean;
  /** Reports an unexpected error; `where` names the place (graphql, job:<name>). */
  capture(error: unknown, context: { where: string; requestId?: string }): void;
  /** Sends what is queued (on shutdown). */
  flush(timeoutMs: number): Promise<void>;
}

export const noErrorTracking: ErrorTracker = {
  enabled: false,
  capture: () => undefined,
  flush: () => Promise.resolve(),
};

const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/g;
const LONG_NUMBER = /\b\d{6,}\b/g;
const TOKEN = /\b(?:eyJ[\w-]+\.[\w-]+\.[\w-]+|[A-Za-z0-9_-]{32,})\b/g;

/** Takes personal data out of free text: e-mail addresses, long numbers, token-like strings. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(TOKEN, '[token]').replace(LONG_NUMBER, '[number]');
}

/** The parts of a Sentry event this product sends: never a person, a request body or headers. */
interface SentryEventLike {
  user?: unknown;
  request?: unknown;
  breadcrumbs?: unknown;
  extra?: unknown;
  contexts?: Record<string, unknown>;
  server_name?: string;
  exception?: { values?: { value?: string }[] };
  message?: string;
}

/** Strips an event down to the error, its stack and our own tags (Sentry's beforeSend). */
export function scrubEvent<T extends SentryEventLike>(event: T): T {
  delete event.user;
  delete event.request;
  delete event.breadcrumbs;
  delete event.extra;
  delete event.server_name;
  if (event.contexts) {
    // Keep the runtime; drop anything else a default integration might have filled in.
    event.contexts = { runtime: event.contexts.runtime };
  }
  for (const value of event.exception?.values ?? [])
    if (value.value) value.value = scrubText(value.value);
  if (event.message) event.message = scrubText(event.message);
  return event;
}

/**
 * With a DSN, reports through the official `@sentry/node` client (loaded only then, with no
 * default integrations: nothing reads requests, consoles or modules), every event scrubbed of
 * personal data; without one, nothing is sent anywhere.
 */
export async function createErrorTracker(options: {
  dsn: string | undefined;
  environment: string;
  nodeId: string;
  logger: Logger;
}): Promise<ErrorTracker> {
  if (!options.dsn) return noErrorTracking;
  const Sentry = await import('@sentry/node');
  // One Sentry client per process (the SDK's global); a second container in the same process
  // (tests start an API and a worker together) replaces it with the same settings.
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    defaultIntegrations: false,
    integrations: [],
    tracesSampleRate: 0,
    maxBreadcrumbs: 0,
    beforeSend: (event) => scrubEvent(event),
  });
  options.logger.info('error tracking on (Sentry)');
  return {
    enabled: true,
    capture(error, context) {
      Sentry.withScope((scope) => {
        scope.setTag('where', context.where);
        scope.setTag('node', options.nodeId);
        if (context.requestId) scope.setTag('requestId', context.requestId);
        Sentry.captureException(error);
      });
    },
    async flush(timeoutMs) {
      await Sentry.flush(timeoutMs);
    },
  };
}
