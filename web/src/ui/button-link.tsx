import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './button-link.module.css';

export type ButtonLinkVariant = 'primary' | 'secondary';

/** A link that looks like a button: for navigation that is the main action of a screen. */
export function ButtonLink({
  href,
  variant = 'primary',
  children,
}: {
  href: string;
  variant?: ButtonLinkVariant;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={`${styles.button} ${styles[variant]}`}>
      {children}
    </Link>
  );
}
