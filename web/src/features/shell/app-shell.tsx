import type { ReactNode } from 'react';
import { AppHeader } from './app-header';
import { BottomNav } from './bottom-nav';
import styles from './app-shell.module.css';

export const MAIN_CONTENT_ID = 'main';

/** Header, main landmark and navigation around every screen. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader />
      <main id={MAIN_CONTENT_ID} className={styles.main} tabIndex={-1}>
        {children}
      </main>
      <BottomNav />
    </>
  );
}
