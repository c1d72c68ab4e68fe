'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { VisuallyHidden } from '@/ui/visually-hidden';
import { NAV_ITEMS, isNavItemActive } from './nav-items';
import styles from './bottom-nav.module.css';

/** The app's main navigation: a tab bar on phones, a side rail on wide screens. */
export function BottomNav() {
  const pathname = usePathname();

  return (
    <nav className={styles.nav} aria-label="Main">
      <ul className={styles.list}>
        {NAV_ITEMS.map(({ label, href, Icon }) => {
          if (href === null) {
            return (
              <li key={label} className={styles.item}>
                <span className={`${styles.link} ${styles.disabled}`} aria-disabled="true">
                  <span className={styles.iconWrap}>
                    <Icon />
                  </span>
                  <span className={styles.label}>{label}</span>
                  <span className={styles.soon} aria-hidden="true">
                    Soon
                  </span>
                  <VisuallyHidden>(coming soon)</VisuallyHidden>
                </span>
              </li>
            );
          }
          const isActive = isNavItemActive(href, pathname);
          return (
            <li key={label} className={styles.item}>
              <Link
                href={href}
                className={styles.link}
                aria-current={isActive ? 'page' : undefined}
              >
                <span className={styles.iconWrap}>
                  <Icon />
                </span>
                <span className={styles.label}>{label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
