'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from '@/features/auth';
import { NAV_ITEMS, isNavItemActive } from './nav-items';
import styles from './bottom-nav.module.css';

/** The app's main navigation: a tab bar on phones, a side rail on wide screens. */
export function BottomNav() {
  const t = useTranslations('shell.nav');
  const pathname = usePathname();
  // The screens need an account and a plan: sign-in and onboarding stand alone.
  const isSignedIn = useSession().kind === 'signed-in';
  if (!isSignedIn || pathname.startsWith('/onboarding')) return null;

  return (
    <nav className={styles.nav} aria-label={t('label')} data-main-nav>
      <ul className={styles.list}>
        {NAV_ITEMS.map(({ labelKey, href, Icon }) => {
          const isActive = isNavItemActive(href, pathname);
          return (
            <li key={labelKey} className={styles.item}>
              <Link
                href={href}
                className={styles.link}
                aria-current={isActive ? 'page' : undefined}
              >
                <span className={styles.iconWrap}>
                  <Icon />
                </span>
                <span className={styles.label}>{t(labelKey)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
