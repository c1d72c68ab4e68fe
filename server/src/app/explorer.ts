import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type * as esbuild from 'esbuild';
import { Router, type Request, type Response } from 'express';

/**
 * The GraphQL explorer page (`GET /graphql` in a browser): a small shell around graphql-js and
 * graphql-ws (server/src/explorer-client), bundled by esbuild into one script and one stylesheet
 * that the API serves itself, pre-compressed, so it works with no internet access (~35 KB gzip where
 * GraphiQL with Monaco inlined weighed 9 MB, 2.4 MB gzip). Its first tab explains how to get a token
 * (sign in → `issuePersonalAccessToken`) with ready operations; the docs panel shows each
 * operation's description, which ends with the scopes it needs. That GraphiQL, with autocompletion,
 * stays one click away at `?ide=graphiql`, rendered only when asked for.
 */

/** Where the built assets are: server/dist/explorer, beside the bundled main.js. */
export const EXPLORER_ASSET_DIR = 'explorer';
const ENTRY = 'explorer-client/main.ts';

/** The esbuild options of the browser bundle, shared by server/scripts/build.mjs. */
export const EXPLORER_BUILD = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  // graphql-js skips its development-only checks when it sees a production Node.js process.
  define: { 'process.env.NODE_ENV': '"production"', 'globalThis.process': 'true' },
  legalComments: 'none',
  logLevel: 'warning',
} as const;

export const DEFAULT_EXPLORER_QUERY = [
  '# Welcome to the Pace API explorer: everything here is served by Pace itself.',
  '#',
  '# How to get a token',
  '# 1. Sign in: put your e-mail address and password in SignIn below, pick',
  '#    SignIn next to Run (or click inside it) and press Run. Its accessToken',
  '#    lasts 15 minutes; "Use this token" puts it in the Headers as',
  '#      { "Authorization": "Bearer <accessToken>" }',
  '# 2. For an integration, run CreateToken: a personal access token with only',
  '#    the scopes it needs, shown once. Send it the same way (Bearer pace_pat_…).',
  '#',
  '# Docs (beside Run) shows every operation; each description ends with the',
  '# scopes it needs. Scopes lists them all and needs no token. Answers carry',
  '# RateLimit-* headers; a refused one also Retry-After (seconds).',
  '# Subscriptions run over graphql-ws with the same Authorization header.',
  '',
  'query Scopes {',
  '  scopes {',
  '    name',
  '    description',
  '    operations',
  '  }',
  '}',
  '',
  'mutation SignIn {',
  '  login(email: "you@example.com", password: "your password") {',
  '    accessToken',
  '    accessTokenExpiresAt',
  '  }',
  '}',
  '',
  'mutation CreateToken {',
  '  issuePersonalAccessToken(',
  '    input: { name: "My app", scopes: ["read:transactions"], expiresInDays: 90 }',
  '  ) {',
  '    token',
  '    personalAccessToken {',
  '      name',
  '      scopes',
  '      expiresAt',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

interface Asset {
  name: string;
  type: string;
  raw: Buffer;
  gzip: Buffer;
  /** Absent for the large former GraphiQL page: compressing 9 MB with brotli takes seconds. */
  brotli?: Buffer;
}

const TYPES = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Compressed once: the small files with brotli at its best (~0.15 s), a large one with gzip only. */
function asset(base: string, ext: keyof typeof TYPES, raw: Buffer): Asset {
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  const small = raw.length < 1_000_000;
  return {
    name: `${base}-${hash}.${ext}`,
    type: TYPES[ext],
    raw,
    gzip: gzipSync(raw, { level: small ? 9 : 6 }),
    ...(small
      ? {
          brotli: brotliCompressSync(raw, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
          }),
        }
      : {}),
  };
}

/**
 * The built script and stylesheet: from server/dist/explorer after `npm run build`; when running
 * from source (tsx, vitest) esbuild, a development dependency, builds them in memory.
 */
function loadAssets(): { js: Buffer; css: Buffer } {
  const built = path.join(import.meta.dirname, EXPLORER_ASSET_DIR);
  if (existsSync(path.join(built, 'explorer.js')))
    return {
      js: readFileSync(path.join(built, 'explorer.js')),
      css: readFileSync(path.join(built, 'explorer.css')),
    };
  const require = createRequire(import.meta.url);
  const { buildSync } = require('esbuild') as typeof esbuild;
  const result = buildSync({
    ...EXPLORER_BUILD,
    target: [...EXPLORER_BUILD.target],
    entryPoints: { explorer: path.resolve(import.meta.dirname, '..', ENTRY) },
    outdir: '/explorer',
    write: false,
  });
  const file = (ext: string): Buffer => {
    const output = result.outputFiles.find((candidate) => candidate.path.endsWith(ext));
    if (!output) throw new Error(`the explorer build made no ${ext} file`);
    return Buffer.from(output.contents);
  };
  return { js: file('.js'), css: file('.css') };
}

/** The explorer's Content-Security-Policy: its own script and styles, requests to itself only. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const FAVICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b6bcb"/><path d="M5 12V4h3.5a2.5 2.5 0 0 1 0 5H5" fill="none" stroke="#fff" stroke-width="1.8"/></svg>',
  );

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: markup only, its script and stylesheet by URL, its settings as a JSON data block. */
export function renderExplorer(
  endpoint: string,
  assets: { script: string; style: string },
  options: { fullEditorUrl?: string } = {},
): string {
  const config = {
    endpoint,
    defaultTitle: 'Get a token',
    defaultQuery: DEFAULT_EXPLORER_QUERY,
    ...options,
  };
  // `<` escaped so that the JSON cannot close its <script> element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pace API explorer</title>
<meta name="description" content="Explore and try the Pace GraphQL API">
<link rel="icon" href="${escapeHtml(FAVICON)}">
<link rel="stylesheet" href="${escapeHtml(assets.style)}">
<script type="application/json" id="pace-explorer-config">${json}</script>
<script defer src="${escapeHtml(assets.script)}"></script>
</head>
<body>
<noscript>The explorer needs JavaScript. The API itself is POST ${escapeHtml(endpoint)}.</noscript>
<div id="root"></div>
</body>
</html>
`;
}

function send(req: Request, res: Response, item: Asset, cache: string): void {
  // The explorer's path also answers JSON: its HTML varies with Accept too.
  const vary = item.type.startsWith('text/html') ? 'Accept, Accept-Encoding' : 'Accept-Encoding';
  res.set({ 'Content-Type': item.type, 'Cache-Control': cache, Vary: vary });
  const encoding = req.acceptsEncodings(...(item.brotli ? ['br'] : []), 'gzip', 'identity');
  if (encoding === 'br' && item.brotli) res.set('Content-Encoding', 'br').send(item.brotli);
  else if (encoding === 'gzip') res.set('Content-Encoding', 'gzip').send(item.gzip);
  else res.send(item.raw);
}

/**
 * `GET <endpoint>` for browsers (an HTML Accept and no `query` parameter) and the explorer's
 * assets under `<endpoint>/explorer/`. Everything is built and compressed once, at start-up.
 */
export function explorerRouter(endpoint: string): Router {
  const built = loadAssets();
  const script = asset('explorer', 'js', built.js);
  const style = asset('explorer', 'css', built.css);
  const base = `${endpoint}/${EXPLORER_ASSET_DIR}/`;
  const html = asset(
    'index',
    'html',
    Buffer.from(
      renderExplorer(
        endpoint,
        { script: base + script.name, style: base + style.name },
        { fullEditorUrl: `${endpoint}?ide=graphiql` },
      ),
    ),
  );
  let graphiql: Promise<Asset> | undefined;
  const router = Router();
  router.get(endpoint, (req, res, next) => {
    if (req.accepts(['json', 'html']) !== 'html' || req.query.query !== undefined) return next();
    if (req.query.ide === 'graphiql') {
      // The former explorer, GraphiQL with Monaco (~2.4 MB gzip, inline scripts, so no CSP).
      graphiql ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => {
        const raw = Buffer.from(
          renderGraphiQL({
            title: 'Pace API explorer (GraphiQL)',
            endpoint,
            subscriptionsProtocol: 'WS',
            isHeadersEditorEnabled: true,
            defaultEditorToolsVisibility: 'headers',
            method: 'POST',
            shouldPersistHeaders: true,
            defaultQuery: DEFAULT_EXPLORER_QUERY,
          }),
        );
        return asset('graphiql', 'html', raw);
      });
      return void graphiql.then(
        (page) => send(req, res, page, 'no-cache'),
        (error: unknown) => next(error),
      );
    }
    res.set('Content-Security-Policy', EXPLORER_CSP);
    send(req, res, html, 'no-cache');
  });
  for (const item of [script, style])
    router.get(base + item.name, (req, res) =>
      send(req, res, item, 'public, max-age=31536000, immutable'),
    );
  return router;
}

/** The bytes a browser downloads for the explorer page, gzip-compressed (for docs and tests). */
export function explorerSizes(): { raw: number; gzip: number; brotli: number } {
  const built = loadAssets();
  const page = Buffer.from(
    renderExplorer('/graphql', { script: 'x.js', style: 'x.css' }, { fullEditorUrl: '/x' }),
  );
  const items = [
    asset('i', 'html', page),
    asset('e', 'js', built.js),
    asset('e', 'css', built.css),
  ];
  const sum = (key: 'raw' | 'gzip' | 'brotli'): number =>
    items.reduce((total, item) => total + (item[key]?.length ?? 0), 0);
  return { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}
