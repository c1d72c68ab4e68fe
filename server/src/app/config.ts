import { z } from 'zod';
import { parseKeyEntry } from '../infra/crypto/keyring';

/** Accepts a URL whose protocol is one of the given ones. */
function urlWithProtocol(protocols: string[]) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
}

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const DURATION_UNITS_S = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A rate limit written `points/duration`, e.g. `10/15m`: 10 requests per 15 minutes. */
function rateLimit(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const match = /^(\d+)\/(\d+)([smhd])$/.exec(value);
      if (!match) {
        ctx.addIssue({
          code: 'custom',
          message: 'must look like 10/15m (points/duration with s, m, h or d)',
        });
        return z.NEVER;
      }
      const [, points, amount, unit] = match as unknown as [
        string,
        string,
        string,
        keyof typeof DURATION_UNITS_S,
      ];
      return { points: Number(points), durationS: Number(amount) * DURATION_UNITS_S[unit] };
    });
}

const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    urlWithProtocol(['postgres:', 'postgresql:']).optional(),
  ),
  REDIS_URL: z.preprocess(emptyAsUndefined, urlWithProtocol(['redis:', 'rediss:']).optional()),
  /**
   * How long a request waits on one Redis command (rate limit, revocation check, publish, enqueue)
   * before it degrades or fails: Redis down never hangs a request.
   */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(500),
  /** How often API nodes and workers check that the scheduled jobs are registered (and re-register them). */
  PACE_SCHEDULE_CHECK_MS: z.coerce.number().int().min(200).default(60_000),
  PACE_DATA_DIR: z.string().min(1).default('./.data'),
  PACE_WEB_DIR: z.string().min(1).optional(),
  PACE_NODE_ID: z.string().min(1).optional(),
  PACE_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]*$/i, 'only letters, digits, _ and -')
    .default('pace'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /**
   * apq: automatic persisted queries (any query); allowlist: also refuse operations outside
   * PERSISTED_QUERIES_MANIFEST unless the caller uses a personal access token; off: no APQ.
   */
  PERSISTED_QUERIES: z.enum(['apq', 'allowlist', 'off']).default('apq'),
  /** JSON of sha256 → operation (`npm run persisted:manifest -w web`); needed by allowlist. */
  PERSISTED_QUERIES_MANIFEST: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(1).default(2_000),
  /** Caps checked before a document is validated: its size in bytes and its lexical tokens. */
  GRAPHQL_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(32 * 1024),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(1).default(5_000),
  /** Operations one websocket may hold open at once. */
  GRAPHQL_WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(20),
  /** A websocket whose connection_init carried no token is closed after this long. */
  GRAPHQL_WS_ANONYMOUS_MS: z.coerce.number().int().min(1).default(10_000),
  /** A socket's token is checked again (revoked? expired?) before an event, at most this often. */
  GRAPHQL_WS_RECHECK_MS: z.coerce.number().int().min(0).default(1_000),
  /** Origins allowed to call the API from a browser on another origin; same-origin always works. */
  CORS_ORIGINS: commaList,
  /**
   * People made admins when they sign up or sign in (bootstrapping the first admin); lower-cased.
   * Removing an address later does not demote anyone.
   */
  ADMIN_EMAILS: commaList.transform((list) => list.map((email) => email.toLowerCase())),
  /** Where links in e-mails point (password reset). */
  PUBLIC_URL: urlWithProtocol(['http:', 'https:']).default('http://localhost:4000'),
  SMTP_URL: z.preprocess(emptyAsUndefined, urlWithProtocol(['smtp:', 'smtps:']).optional()),
  MAIL_FROM: z.string().min(3).default('Pace <no-reply@pace.local>'),
  /** Without SMTP: write each mail as a JSON file here (development, browser tests) besides logging it. */
  MAIL_OUTBOX_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(10).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  /** argon2id memory cost; OWASP: 19 MiB with t=2, p=1. Tests may lower it (one test keeps it). */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(256).default(19_456),
  RATE_LIMIT_LOGIN: rateLimit('10/15m'),
  /** Wrong passwords and unknown e-mails from one address, across every e-mail. */
  RATE_LIMIT_LOGIN_FAILURES: rateLimit('30/15m'),
  RATE_LIMIT_REGISTER: rateLimit('5/1h'),
  RATE_LIMIT_PASSWORD_RESET: rateLimit('3/30m'),
  /** Per IP across every anonymous mutation and every e-mail (sign-in, register, resets, passkeys, refresh). */
  RATE_LIMIT_ANONYMOUS: rateLimit('100/15m'),
  /** Per client IP: every GraphQL and API request without a valid token (sliding window). */
  RATE_LIMIT_ANONYMOUS_REQUESTS: rateLimit('120/1m'),
  /**
   * Which proxies' X-Forwarded-For names the client IP (Express `trust proxy`): `loopback` (the
   * default), `false`, `true` (any: only behind a proxy that overwrites the header), a hop count,
   * or addresses and subnets separated by commas.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value): boolean | number | string => {
      const trimmed = value.trim();
      if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
      return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    }),
  RATE_LIMIT_API_STANDARD: rateLimit('100/1m'),
  RATE_LIMIT_API_PREMIUM: rateLimit('1000/1m'),
  /** The ECB euro reference-rate feed (docs/currencies.md); empty switches the fetch off. */
  FX_ECB_URL: z
    .string()
    .default('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml')
    .pipe(z.union([z.literal(''), urlWithProtocol(['https:', 'http:'])])),
  GOOGLE_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  GOOGLE_JWKS_URL: urlWithProtocol(['https:', 'http:']).default(
    'https://www.googleapis.com/oauth2/v3/certs',
  ),
  GOOGLE_ISSUERS: commaList.transform((list) =>
    list.length > 0 ? list : ['https://accounts.google.com', 'accounts.google.com'],
  ),
  /**
   * WebAuthn relying party; unset, both come from the request's Origin header outside production.
   * In production an unset WEBAUTHN_RP_ID disables passkeys (PASSKEYS_NOT_CONFIGURED).
   */
  WEBAUTHN_RP_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  WEBAUTHN_ORIGINS: commaList,
  WEBAUTHN_RP_NAME: z.string().min(1).default('Pace'),
  /**
   * AI advice through any OpenAI-compatible server (local ones included). Without a key the
   * rule-based advisor writes the advice from the same facts.
   */
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  OPENAI_BASE_URL: z.preprocess(
    emptyAsUndefined,
    urlWithProtocol(['https:', 'http:']).default('https://api.openai.com/v1'),
  ),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Error tracking: unexpected errors go to this Sentry DSN, scrubbed of personal data. */
  SENTRY_DSN: z.preprocess(emptyAsUndefined, urlWithProtocol(['https:', 'http:']).optional()),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  /** Web Push (VAPID): both keys turn the push channel on; unset, notifications stay in-app and e-mail. */
  VAPID_PUBLIC_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  VAPID_PRIVATE_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  VAPID_SUBJECT: z.string().min(1).default('mailto:no-reply@pace.local'),
  /** FCM for the mobile app: a Firebase service-account JSON key file; unset, no device push. */
  FIREBASE_SERVICE_ACCOUNT_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /**
   * Webhooks may reach http:// URLs and private, loopback and link-local addresses: for tests and
   * local development only (never in production: it opens the server to SSRF).
   */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** How long one webhook attempt may take (connect, send, first 1 KB of the answer). */
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** The wait before a failed delivery's first retry; each next retry waits 4× longer (≤ 12 h). */
  WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(1).default(60_000),
  /** Attempts of one delivery (first try and retries) before it counts as failed. */
  WEBHOOKS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(10),
  /** Days a finished (succeeded or failed) webhook delivery and its attempts are kept before the hourly clean-up deletes them. */
  WEBHOOKS_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Premium bought with Stripe: all three turn payments on; unset, only admins grant premium. */
  STRIPE_SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  STRIPE_PRICE_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /** Stripe's API address; a local stand-in (stripe-mock) in development and tests. */
  STRIPE_API_URL: z.preprocess(emptyAsUndefined, urlWithProtocol(['https:', 'http:']).optional()),
  /**
   * Premium bought in the iOS app: the App Store Server API's in-app purchase key (issuer id, key
   * id, .p8 file), the app's bundle id and Apple's root CA file; all five turn the App Store on.
   */
  APPLE_IAP_ISSUER_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  APPLE_IAP_KEY_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  APPLE_IAP_PRIVATE_KEY_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  APPLE_BUNDLE_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  APPLE_ROOT_CA_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /** Which App Store environment purchases come from: production or sandbox (TestFlight, Xcode). */
  APPLE_IAP_ENVIRONMENT: z.enum(['production', 'sandbox']).default('production'),
  /** The App Store Server API's address; unset, Apple's host of the environment (tests: a fake). */
  APPLE_IAP_API_URL: z.preprocess(
    emptyAsUndefined,
    urlWithProtocol(['https:', 'http:']).optional(),
  ),
  /** Premium bought in the Android app: both turn Google Play on (a service account of the app). */
  GOOGLE_PLAY_PACKAGE_NAME: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  GOOGLE_PLAY_SERVICE_ACCOUNT_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /** The Android Publisher API's address; unset, Google's (tests: a local fake). */
  GOOGLE_PLAY_API_URL: z.preprocess(
    emptyAsUndefined,
    urlWithProtocol(['https:', 'http:']).optional(),
  ),
  /** The OAuth token endpoint of the service account; unset, the key file's token_uri. */
  GOOGLE_PLAY_TOKEN_URL: z.preprocess(
    emptyAsUndefined,
    urlWithProtocol(['https:', 'http:']).optional(),
  ),
  /** Store product ids (App Store and Google Play) that are premium subscriptions. */
  STORE_PREMIUM_PRODUCT_IDS: commaList.default(['pace.premium.monthly', 'pace.premium.yearly']),
  /**
   * Receipt OCR: paddle (local PaddleOCR, the default), tesseract (local, lighter, weaker) or vision
   * (Google Cloud Vision). Unset: vision when GOOGLE_APPLICATION_CREDENTIALS is set, else paddle.
   */
  OCR_PROVIDER: z.preprocess(
    emptyAsUndefined,
    z.enum(['paddle', 'tesseract', 'vision']).optional(),
  ),
  /** A Google service-account key file; turns Cloud Vision on as the receipt OCR provider. */
  GOOGLE_APPLICATION_CREDENTIALS: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /** Longest time one receipt image may spend in OCR before the attempt fails (and is retried). */
  OCR_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  /** PaddleOCR runs in a child process, replaced after this many images or this much memory. */
  OCR_PADDLE_MAX_IMAGES_PER_PROCESS: z.coerce.number().int().min(1).default(200),
  OCR_PADDLE_MAX_RSS_MB: z.coerce.number().int().min(256).default(1024),
  /**
   * Where receipt images are kept: `directory` (PACE_DATA_DIR/receipts, the default) or `database`
   * (a table; for API nodes and workers that share no directory, e.g. the compose file and k8s).
   */
  RECEIPT_STORAGE: z.enum(['directory', 'database']).default('directory'),
  /**
   * Keys encrypting data at rest (notes, merchants, push keys, webhook secrets, signing keys, receipt
   * images): comma-separated `id:base64key` (32 bytes each). Required in production; unset
   * elsewhere, a key is generated once into PACE_DATA_DIR/encryption.key.
   */
  ENCRYPTION_KEYS: commaList.superRefine((entries, ctx) => {
    for (const entry of entries) {
      const parsed = parseKeyEntry(entry);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
    }
  }),
  /** The id in ENCRYPTION_KEYS that new writes use (default: the last one listed). */
  ENCRYPTION_ACTIVE_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
});

export type Config = z.infer<typeof configSchema>;

/** Every variable the server reads (each has its row in the README's configuration table). */
export const CONFIG_KEYS = Object.keys(configSchema.shape) as Array<keyof Config>;

/** Thrown when the environment does not describe a runnable server; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; the only place that reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const value = env[key];
      const shown = value === undefined ? '' : ` (got ${JSON.stringify(redact(key, value))})`;
      return `${key}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const encryptionProblems = encryptionKeyProblems(parsed.data);
  if (encryptionProblems.length > 0) throw new ConfigError(encryptionProblems);
  return parsed.data;
}

/** Production never runs on a generated key; the active key must be one of the configured ones. */
function encryptionKeyProblems(config: Config): string[] {
  const ids = config.ENCRYPTION_KEYS.map((entry) => entry.slice(0, entry.indexOf(':')));
  if (config.ENCRYPTION_KEYS.length === 0)
    return config.NODE_ENV === 'production'
      ? ['ENCRYPTION_KEYS: required in production (id:base64key, see docs/operations.md)']
      : [];
  const active = config.ENCRYPTION_ACTIVE_KEY;
  if (active !== undefined && !ids.includes(active))
    return [`ENCRYPTION_ACTIVE_KEY: ${active} is not one of the ids in ENCRYPTION_KEYS`];
  return new Set(ids).size === ids.length ? [] : ['ENCRYPTION_KEYS: a key id is listed twice'];
}

function redact(key: string, value: string): string {
  if (key === 'ENCRYPTION_KEYS') return '***';
  if (!key.endsWith('_URL') || key === 'PUBLIC_URL') return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}
