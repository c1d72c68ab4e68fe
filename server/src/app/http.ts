import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import helmet from 'helmet';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLServer } from '../graphql/server';
import { MAX_IMPORT_BYTES } from '../features/imports';
import { createContext, type GraphQLContext } from '../graphql/context';
import type { Authentication } from '../features/auth';
import type { Container } from './container';
import { explorerRouter } from './explorer';
import { paymentsRouter } from '../features/payments';
import { emailRouter } from '../features/email';
import { receiptRoutes } from '../features/receipts';
import { documentSizeError } from '../graphql/limits';
import { allowlistGate } from '../graphql/persisted-queries';
import { pingRedis } from '../infra/redis';
import { RATE_LIMIT_HEADERS } from '../graphql/rate-limit-headers';
import { loadWebCsp } from './web-csp';
import { anonymousRequestLimit } from './anonymous-limit';

export const GRAPHQL_PATH = '/graphql';

/**
 * The largest GraphQL request body: room for a bank file of the import limit sent as a JSON string
 * (escaping makes it longer). Every other request is far smaller.
 */
export const GRAPHQL_BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 1.5) / 1024) * 1024 + 64 * 1024;

/** The largest body of a request without a valid access token. */
export const ANONYMOUS_BODY_LIMIT = 1024 * 1024;

const viewerJson = express.json({ limit: GRAPHQL_BODY_LIMIT });
const anonymousJson = express.json({ limit: ANONYMOUS_BODY_LIMIT });

/** /health/redis answers 503 within this, whatever Redis is doing. */
const REDIS_HEALTH_TIMEOUT_MS = 800;

/** Routes of the one HTTP port: GraphQL + explorer, health, metrics and the built PWA. */
export function createHttpApp(options: {
  container: Container;
  graphql: GraphQLServer;
  webDir?: string;
}): Express {
  const { container, graphql, webDir } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', container.config.TRUST_PROXY);
  app.use(requestIds(container));
  // Content-Security-Policy is per page: the PWA's pages get theirs in serveWeb (web-csp.ts), the
  // explorer its own; the other helmet headers (nosniff, frame and referrer policies, HSTS …) apply
  // to every response.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.use(compression());

  app.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      node: container.nodeId,
      mode: container.mode,
      uptimeS: Math.round(process.uptime()),
    });
  });
  app.get('/health/db', async (_req, res) => {
    const started = performance.now();
    try {
      await container.database.ping();
      res.json({ status: 'ok', kind: container.database.kind, latencyMs: elapsed(started) });
    } catch {
      res.status(503).json({ status: 'error', kind: container.database.kind });
    }
  });
  app.get('/health/redis', async (_req, res) => {
    if (!container.redis) return void res.json({ status: 'embedded' });
    const started = performance.now();
    try {
      await pingRedis(container.redis, REDIS_HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok', latencyMs: elapsed(started) });
    } catch {
      res.status(503).json({ status: 'error' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', container.metrics.registry.contentType);
    res.send(await container.metrics.registry.metrics());
  });

  // The explorer (GET /graphql from a browser) and its assets, built and compressed once: ~35 KB
  // gzip, served with its own Content-Security-Policy (explorer.ts).
  // Preflights skip it: a Router answers OPTIONS for its GET routes itself, before CORS below.
  const explorer = explorerRouter(GRAPHQL_PATH);
  app.use((req, res, next) => (req.method === 'OPTIONS' ? next() : explorer(req, res, next)));
  app.use(paymentsRouter(container.services.payments));
  app.use(
    emailRouter(container.services.emailPreferences, (userId) =>
      container.services.accounts.getUser(userId).then(
        (user) => user.locale,
        () => null,
      ),
    ),
  );
  app.use(
    '/api/receipts',
    cors({
      origin: (origin, done) =>
        done(null, origin !== undefined && container.config.CORS_ORIGINS.includes(origin)),
      maxAge: 600,
    }),
    anonymousRequestLimit({
      rateLimiters: container.rateLimiters,
      isAnonymous: async (req) => {
        const authorization = req.get('authorization');
        return !authorization || !(await container.services.auth.isStillValid(authorization));
      },
    }),
    receiptRoutes({
      receipts: container.services.receipts.receipts,
      auth: container.services.auth,
      audit: container.services.audit,
      logger: container.logger,
      households: container.services.households,
    }),
  );
  const allowedOrigins = new Set(container.config.CORS_ORIGINS);
  app.use(
    GRAPHQL_PATH,
    // Other origins only when listed; Apollo's CSRF prevention refuses simple (non-JSON) requests.
    cors({
      origin: (origin, done) => done(null, origin !== undefined && allowedOrigins.has(origin)),
      maxAge: 600,
      exposedHeaders: RATE_LIMIT_HEADERS,
    }),
    // The caller is known before the body is read: only a signed-in viewer may send up to a
    // bank file's size; anyone else gets the small limit.
    (req: Request, _res: Response, next: NextFunction) => {
      container.services.auth.authenticate(req.get('authorization')).then((authentication) => {
        req.authentication = authentication;
        next();
      }, next);
    },
    anonymousRequestLimit({
      rateLimiters: container.rateLimiters,
      isAnonymous: async (req) => !req.authentication?.viewer,
    }),
    (req: Request, res: Response, next: NextFunction) =>
      (req.authentication?.viewer ? viewerJson : anonymousJson)(req, res, next),
    (req: Request, res: Response, next: NextFunction) => {
      const tooLarge = documentSizeError((req.body as { query?: unknown } | undefined)?.query, {
        maxBytes: container.config.GRAPHQL_MAX_DOCUMENT_BYTES,
        maxTokens: container.config.GRAPHQL_MAX_TOKENS,
      });
      if (tooLarge) return void res.status(400).json({ errors: [tooLarge.toJSON()] });
      next();
    },
    (req: Request, res: Response, next: NextFunction) =>
      graphql.allowlist ? allowlistGate(graphql.allowlist)(req, res, next) : next(),
    (_req: Request, res: Response, next: NextFunction) => {
      // Answers are per viewer: never kept by a browser or a shared cache.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    expressMiddleware<GraphQLContext>(graphql.apollo, {
      context: async ({ req }) =>
        createContext(
          { requestId: req.requestId, logger: req.log, services: container.services },
          {
            authorization: req.get('authorization'),
            authentication: req.authentication,
            clientIp: req.ip,
            origin: req.get('origin'),
          },
        ),
    }),
  );

  // A body the JSON parser refused (too large, not JSON): a GraphQL-shaped error, never a page.
  app.use(GRAPHQL_PATH, (error: unknown, req: Request, res: Response, next: NextFunction) => {
    const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
    if (res.headersSent) return next(error);
    if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') {
      req.log.error({ err: error }, 'graphql request failed before execution');
      res.status(500).json({
        errors: [
          { message: 'Something went wrong.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      });
      return;
    }
    const tooLarge = type === 'entity.too.large';
    res.status(status).json({
      errors: [
        {
          message: tooLarge
            ? `The request is larger than ${Math.floor((req.authentication?.viewer ? GRAPHQL_BODY_LIMIT : ANONYMOUS_BODY_LIMIT) / 1024 / 1024)} MB.`
            : 'The request body is not valid JSON.',
          extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
        },
      ],
    });
  });

  if (webDir && existsSync(path.join(webDir, 'index.html')))
    serveWeb(app, webDir, {
      cspOf: loadWebCsp(webDir, {
        googleSignIn: container.config.GOOGLE_CLIENT_ID !== undefined,
        logger: container.logger,
      }),
    });
  else
    app.get(
      '/',
      (_req, res) =>
        void res
          .type('text/plain')
          .send('Pace API. The web app is not built: run `npm run build -w web`.'),
    );
  return app;
}

/** Static export of the PWA: hashed assets are immutable, everything else revalidates. */
function serveWeb(
  app: Express,
  webDir: string,
  options: { cspOf: (page: string) => string | undefined },
): void {
  app.use(
    express.static(webDir, {
      index: 'index.html',
      redirect: true,
      setHeaders: (res, filePath) => {
        const relative = path.relative(webDir, filePath).split(path.sep).join('/');
        if (relative.startsWith('_next/static/'))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
        if (relative === 'sw.js') res.setHeader('Service-Worker-Allowed', '/');
        // Each page's own policy (its inline scripts by hash); the service worker caches it with the page.
        const csp = options.cspOf(relative);
        if (csp) res.setHeader('Content-Security-Policy', csp);
      },
    }),
  );
  const notFound = path.join(webDir, '404.html');
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !existsSync(notFound)) return next();
    res.status(404).setHeader('Cache-Control', 'no-cache');
    const csp = options.cspOf('404.html');
    if (csp) res.setHeader('Content-Security-Policy', csp);
    res.sendFile(notFound);
  });
}

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Container['logger'];
    /** Who the Authorization header names (GraphQL requests), read before the body. */
    authentication?: Authentication;
  }
}

function requestIds(container: Container) {
  const { metrics } = container;
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('x-request-id');
    req.requestId = header && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    req.log = container.logger.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);
    const started = performance.now();
    res.on('finish', () => {
      const route = routeLabel(req.originalUrl.split('?')[0] ?? '/');
      const status = `${Math.floor(res.statusCode / 100)}xx`;
      metrics.httpRequests.inc({ method: req.method, route, status });
      metrics.httpDuration.observe(
        { method: req.method, route },
        (performance.now() - started) / 1000,
      );
      req.log.debug(
        { method: req.method, url: req.originalUrl, status: res.statusCode, ms: elapsed(started) },
        'request',
      );
    });
    next();
  };
}

/** Keeps the label set small: known routes by name, every web path as `web`. */
function routeLabel(pathname: string): string {
  if (pathname === '/graphql' || pathname.startsWith('/health') || pathname === '/metrics')
    return pathname;
  if (pathname.startsWith('/api/receipts')) return '/api/receipts';
  return 'web';
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
