import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field names whose values never reach a log line, at the top level or one level down. */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'hash',
  'token',
  'accessToken',
  'refreshToken',
  'resetToken',
  'secret',
  'key',
  'privateKey',
  'email',
  'params',
  'parameters',
  'variables',
  'authorization',
  'cookie',
];

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

const EMAIL = /[^\s@"'(),;<>=]+@[^\s@"'(),;<>=]+\.[a-z]{2,}/gi;
/** A failed statement's text carries its parameters after "params:"; so does a driver's "Key (…)=(…)" detail. */
const STATEMENT_PARAMS = /\n?params:[^\n]*/g;
const KEY_DETAIL = /\)=\([^)]*\)/g;
const DROPPED_ERROR_FIELDS = new Set([
  'params',
  'parameters',
  'values',
  'detail',
  'where',
  'query',
  'internalQuery',
]);

function scrub(text: string): string {
  return text
    .replace(STATEMENT_PARAMS, '')
    .replace(KEY_DETAIL, ')=([redacted])')
    .replace(EMAIL, '[email]');
}

function scrubError(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => scrubError(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (DROPPED_ERROR_FIELDS.has(field) || SECRET_FIELDS.includes(field)) continue;
    out[field] = scrubError(inner, depth + 1);
  }
  return out;
}

/** pino's error serializer, then statement text, parameters, driver details and e-mails removed. */
export function serializeError(err: unknown): unknown {
  const serialized = err instanceof Error ? stdSerializers.err(err) : err;
  return scrubError(serialized, 0);
}

/**
 * JSON logs on stdout (or the given stream); one logger per process, children carry request ids.
 * Redaction is the logger's job, not each call site's: secret-named fields are removed and errors are
 * serialized without statement parameters.
 */
export function createLogger(options: {
  level: string;
  nodeId: string;
  destination?: DestinationStream;
}): Logger {
  const settings = {
    level: options.level,
    base: { node: options.nodeId },
    redact: { paths: REDACT_PATHS, remove: true },
    serializers: { err: serializeError, error: serializeError, errors: serializeError },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
