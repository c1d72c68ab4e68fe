import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../infra/logger';

/** Written by the web build next to the pages (web/scripts/csp-manifest.mjs). */
export const CSP_MANIFEST = 'csp-manifest.json';

const hashSource = z.string().regex(/^'sha256-[A-Za-z0-9+/]+=*'$/);
const manifestSchema = z.object({
  version: z.literal(1),
  connectSrc: z.array(z.string().regex(/^(https?|wss?):\/\/[^\s;,']+$/)),
  pages: z.record(
    z.string(),
    z.object({ scripts: z.array(hashSource), styles: z.array(hashSource) }),
  ),
});

type CspManifest = z.infer<typeof manifestSchema>;

/** Google Identity Services, as Google documents its sources, for the "Continue with Google" button. */
const GOOGLE_SIGN_IN = 'https://accounts.google.com/gsi/';

/**
 * The PWA's Content-Security-Policy for one page: its own files, the inline scripts and styles the
 * export put in that page by hash (never 'unsafe-inline' or 'unsafe-eval'), requests to itself and
 * the API origin the build names, and Google's sign-in script only where it is configured.
 */
export function webContentSecurityPolicy(options: {
  scripts: readonly string[];
  styles: readonly string[];
  connectSrc: readonly string[];
  googleSignIn: boolean;
}): string {
  const google = options.googleSignIn ? [GOOGLE_SIGN_IN] : [];
  const sources = (...list: ReadonlyArray<string | readonly string[]>) => list.flat().join(' ');
  return [
    "default-src 'self'",
    `script-src ${sources("'self'", options.scripts, options.googleSignIn ? [`${GOOGLE_SIGN_IN}client`] : [])}`,
    `style-src ${sources("'self'", options.styles, options.googleSignIn ? [`${GOOGLE_SIGN_IN}style`] : [])}`,
    "img-src 'self' data: blob:",
    `connect-src ${sources("'self'", options.connectSrc, google)}`,
    // The receipt reader's tesseract worker comes from /ocr/ on this origin.
    "worker-src 'self'",
    `frame-src ${sources("'self'", google)}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The policy of each exported page (by its path under the web directory, e.g. `month/index.html`),
 * from the build's manifest. A web build without one gets no policy, and a warning: its pages
 * would not run under a policy that does not list their inline scripts.
 */
export function loadWebCsp(
  webDir: string,
  options: { googleSignIn: boolean; logger: Logger },
): (page: string) => string | undefined {
  const file = path.join(webDir, CSP_MANIFEST);
  if (!existsSync(file)) {
    options.logger.warn(
      { file },
      'the web build has no CSP manifest: its pages are sent without a Content-Security-Policy',
    );
    return () => undefined;
  }
  const manifest: CspManifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const policies = new Map<string, string>();
  const policyOf = (page: string) => {
    const known = policies.get(page);
    if (known) return known;
    const inline = manifest.pages[page] ?? { scripts: [], styles: [] };
    const policy = webContentSecurityPolicy({
      ...inline,
      connectSrc: manifest.connectSrc,
      googleSignIn: options.googleSignIn,
    });
    policies.set(page, policy);
    return policy;
  };
  return (page) => (page.endsWith('.html') ? policyOf(page) : undefined);
}
