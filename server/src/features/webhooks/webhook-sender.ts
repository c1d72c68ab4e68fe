import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isForbiddenAddress } from './webhook-target.rules';

/** What one HTTP attempt gave: a status code, or an error before or instead of one. */
export interface SendOutcome {
  statusCode: number | null;
  /** At most the first 1 KB of the response body. */
  responseSnippet: string | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** The HTTP border of webhooks; the test suite may hand in another one. */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<SendOutcome>;
  /** Resolves the URL's host; rejects with TargetForbiddenError when any address is forbidden. */
  checkTarget(url: string): Promise<void>;
}

/** The host is, or resolves to, an address webhooks may not reach (or does not resolve). */
export class TargetForbiddenError extends Error {
  override name = 'TargetForbiddenError';
}

export const SNIPPET_MAX = 1024;

/**
 * Sends with Node's http(s) and a lookup that refuses forbidden addresses at connect time, so a
 * name that resolved to a public address at registration and to 127.0.0.1 now (DNS rebinding)
 * is refused too. Redirects are never followed: a 3xx is a failed attempt.
 */
export function createWebhookSender(options: {
  allowPrivateTargets: boolean;
  timeoutMs: number;
}): WebhookSender {
  const { allowPrivateTargets, timeoutMs } = options;
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const list = Array.isArray(addresses) ? addresses : [];
      if (
        list.length === 0 ||
        (!allowPrivateTargets && list.some((a) => isForbiddenAddress(a.address)))
      )
        return callback(
          new TargetForbiddenError(`${hostname} resolves to a forbidden address`),
          '',
          0,
        );
      if (lookupOptions.all) return callback(null, list);
      const first = list[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };

  const checkTarget = async (raw: string): Promise<void> => {
    if (allowPrivateTargets) return;
    const host = hostOf(new URL(raw));
    if (isIP(host)) {
      if (isForbiddenAddress(host)) throw new TargetForbiddenError(`${host} is forbidden`);
      return;
    }
    const addresses = await new Promise<LookupAddress[]>((resolve, reject) => {
      dnsLookup(host, { all: true }, (err, found) => (err ? reject(err) : resolve(found)));
    }).catch(() => {
      throw new TargetForbiddenError(`${host} does not resolve`);
    });
    if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address)))
      throw new TargetForbiddenError(`${host} resolves to a forbidden address`);
  };

  return {
    checkTarget,
    send: async (request) => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        // IP literals skip the lookup: check them here.
        await checkTarget(request.url);
      } catch (error) {
        return { statusCode: null, responseSnippet: null, error: messageOf(error), durationMs: 0 };
      }
      return new Promise<SendOutcome>((resolve) => {
        const url = new URL(request.url);
        const client = url.protocol === 'https:' ? https : http;
        let settled = false;
        const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ ...outcome, durationMs: elapsed() });
        };
        const req = client.request(
          url,
          {
            method: 'POST',
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(request.body)),
            },
            lookup: guardedLookup,
            agent: false,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            const done = () =>
              finish({
                statusCode: res.statusCode ?? null,
                responseSnippet: Buffer.concat(chunks).toString('utf8').slice(0, SNIPPET_MAX),
                error: null,
              });
            res.on('data', (chunk: Buffer) => {
              if (size >= SNIPPET_MAX) return;
              chunks.push(chunk);
              size += chunk.length;
              // Enough read: the rest of a large answer is not worth waiting for.
              if (size >= SNIPPET_MAX) {
                done();
                res.destroy();
              }
            });
            res.on('end', done);
            res.on('error', done);
          },
        );
        const timer = setTimeout(() => {
          finish({
            statusCode: null,
            responseSnippet: null,
            error: `timed out after ${timeoutMs} ms`,
          });
          req.destroy();
        }, timeoutMs);
        req.on('error', (error) =>
          finish({ statusCode: null, responseSnippet: null, error: messageOf(error) }),
        );
        req.end(request.body);
      });
    },
  };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
