import Link from 'next/link';
import { PaceMark } from '@/ui/icons';
import { ConnectionIndicator } from './connection-indicator';
import styles from './app-header.module.css';

export function AppHeader() {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <PaceMark size={30} />
          <span className={styles.name}>Pace</span>
        </Link>
        <ConnectionIndicator />
      </div>
    </header>
  );
}
