import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit } from 'graphql';
import type { NextFunction, Request, Response } from 'express';

/**
 * Persisted queries. Automatic persisted queries (APQ, Apollo's protocol) are on in every mode
 * but `off`: a client sends `extensions.persistedQuery.sha256Hash`, and the query text only when
 * the server does not know the hash yet. `allowlist` also refuses any operation outside a
 * manifest (the PWA's operations, `npm run persisted:manifest -w web`) unless the caller uses a
 * personal access token: integrators and the explorer with a token write their own queries.
 */
export type PersistedQueriesMode = 'apq' | 'allowlist' | 'off';

/** sha256 (hex) of an operation's normalised text → that text. */
export type PersistedQueryManifest = ReadonlyMap<string, string>;

/**
 * The text an operation is known by: printed canonically, without `__typename` selections (Apollo
 * Client adds them to what it sends), so the manifest matches whatever spacing a client uses.
 */
export function normaliseOperation(query: string): string | null {
  try {
    const document = visit(parse(query, { noLocation: true }), {
      Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
    });
    // An emptied selection set (only `__typename` selected) keeps its field: print cannot do `{}`.
    const restored = visit(document, {
      SelectionSet: (node) =>
        node.selections.length > 0
          ? undefined
          : {
              ...node,
              selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
            },
    });
    return print(restored);
  } catch {
    return null;
  }
}

/** The manifest key of an operation: sha256 of its normalised text, or null when it does not parse. */
export function operationHash(query: string): string | null {
  const normalised = normaliseOperation(query);
  return normalised === null ? null : createHash('sha256').update(normalised).digest('hex');
}

/** Reads the manifest file (JSON object of hash → query); fails fast on anything else. */
export function loadManifest(file: string): PersistedQueryManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `PERSISTED_QUERIES_MANIFEST ${file} cannot be read as JSON (${(error as Error).message}); generate it with \`npm run persisted:manifest -w web\`.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`PERSISTED_QUERIES_MANIFEST ${file} is not a JSON object of sha256 → query.`);
  const manifest = new Map<string, string>();
  for (const [hash, query] of Object.entries(parsed)) {
    if (typeof query !== 'string' || operationHash(query) !== hash)
      throw new Error(
        `PERSISTED_QUERIES_MANIFEST ${file}: ${hash} is not the sha256 of its query.`,
      );
    manifest.set(hash, query);
  }
  return manifest;
}

/**
 * Apollo's APQ cache: the manifest's operations are known from the start (a client may send their
 * hash alone); others registered are kept in memory, the oldest dropped first. With
 * `manifestOnly` (allowlist mode) nothing else is kept, so a hash registered by a token holder
 * can never run for a caller the allow-list binds.
 */
export function persistedQueryCache(
  manifest: PersistedQueryManifest,
  options: { manifestOnly: boolean; capacity?: number },
) {
  const registered = new Map<string, string>();
  const capacity = options.capacity ?? 2_000;
  const hashOf = (key: string) => key.replace(/^apq:/, '');
  return {
    get: (key: string) => Promise.resolve(manifest.get(hashOf(key)) ?? registered.get(hashOf(key))),
    set: (key: string, value: string) => {
      if (options.manifestOnly) return Promise.resolve();
      registered.delete(hashOf(key));
      registered.set(hashOf(key), value);
      const oldest = registered.keys().next();
      if (registered.size > capacity && !oldest.done) registered.delete(oldest.value);
      return Promise.resolve();
    },
    delete: (key: string) => Promise.resolve(registered.delete(hashOf(key))),
  };
}

interface GraphQLBody {
  query?: unknown;
}

/**
 * Express middleware for `allowlist`: runs after authentication, before Apollo parses. Anonymous
 * and session callers (the PWA) may run only the manifest's operations; a personal access token
 * may run anything its scopes allow. A request with a hash and no text goes on to Apollo, whose
 * cache (manifest-only in this mode) knows only allowed operations.
 */
export function allowlistGate(manifest: PersistedQueryManifest) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.authentication?.viewer?.tokenKind === 'pat') return next();
    const body = (req.method === 'GET' ? req.query : req.body) as GraphQLBody | undefined;
    if (body?.query === undefined || body.query === null || body.query === '') return next();
    const hash = typeof body.query === 'string' ? operationHash(body.query) : null;
    if (hash !== null && manifest.has(hash)) return next();
    res.status(400).json({
      errors: [
        {
          message:
            'This server runs only the operations of its own apps. Integrations use a personal access token (issuePersonalAccessToken) to send their own queries.',
          extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
        },
      ],
    });
  };
}
