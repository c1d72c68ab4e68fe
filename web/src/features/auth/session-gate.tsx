'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { AUTH_ROUTES, isPublicRoute, safeNext, withSlash } from './routes';
import { useSession } from './session-runtime';
import { useOnboarded } from './use-onboarded';
import styles from './auth.module.css';

/**
 * Sends each person where they belong: signed out → sign-in (then back), signed in without a
 * plan → onboarding, signed in on a sign-in screen → Today. Renders the screen only once it is
 * the right one.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const status = useSession();
  const pathname = withSlash(usePathname());
  const router = useRouter();
  const userId = status.kind === 'signed-in' ? status.session.user.id : null;
  const onboarded = useOnboarded(userId);
  const target = redirectOf(status.kind, pathname, onboarded);

  useEffect(() => {
    if (target) router.replace(target);
  }, [target, router]);

  // The account screens are in the static page (a new visitor sees sign-in before any script);
  // the others wait until the session is known.
  if (status.kind === 'loading') return isPublicRoute(pathname) ? children : <GateWait />;
  if (target) return <GateWait />;
  return children;
}

function redirectOf(
  kind: 'loading' | 'signed-in' | 'signed-out',
  pathname: string,
  onboarded: boolean | 'unknown',
): string | null {
  if (kind === 'loading') return null;
  const isPublic = isPublicRoute(pathname);
  if (kind === 'signed-out')
    return isPublic
      ? null
      : `${AUTH_ROUTES.signIn}?next=${encodeURIComponent(pathname + carriedSearchOf(pathname))}`;
  if (pathname === AUTH_ROUTES.signIn || pathname === AUTH_ROUTES.signUp)
    return safeNext(new URLSearchParams(window.location.search).get('next'));
  // A verification link opened before onboarding verifies first (its token would be lost).
  if (
    onboarded === false &&
    pathname !== AUTH_ROUTES.onboarding &&
    pathname !== AUTH_ROUTES.verifyEmail &&
    pathname !== HOUSEHOLD_ACCEPT_ROUTE
  )
    return AUTH_ROUTES.onboarding;
  if (onboarded === true && pathname === AUTH_ROUTES.onboarding) return '/';
  return null;
}

/** A household invitation joins a shared plan: no onboarding first, and its link survives sign-in. */
const HOUSEHOLD_ACCEPT_ROUTE = '/household/accept/';

function carriedSearchOf(pathname: string): string {
  return pathname === HOUSEHOLD_ACCEPT_ROUTE ? window.location.search : '';
}

function GateWait() {
  const t = useTranslations('auth');
  return (
    <p role="status" className={styles.wait}>
      {t('loading')}
    </p>
  );
}
