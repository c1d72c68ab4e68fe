/** Where the account screens live (trailing slashes: the export's routes). */
export const AUTH_ROUTES = {
  signIn: '/sign-in/',
  signUp: '/sign-up/',
  resetPassword: '/reset-password/',
  onboarding: '/onboarding/',
  verifyEmail: '/verify-email/',
} as const;

/** Screens a signed-out person may see. */
export function isPublicRoute(path: string): boolean {
  const pathname = withSlash(path);
  return (
    pathname.startsWith(AUTH_ROUTES.signIn) ||
    pathname.startsWith(AUTH_ROUTES.signUp) ||
    pathname.startsWith(AUTH_ROUTES.resetPassword) ||
    pathname.startsWith(AUTH_ROUTES.verifyEmail) ||
    pathname.startsWith('/offline/')
  );
}

/** A `next` parameter that stays inside the app (never another origin), or Today. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next;
}

/** The path with its trailing slash, however the router reported it. */
export function withSlash(pathname: string): string {
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}
