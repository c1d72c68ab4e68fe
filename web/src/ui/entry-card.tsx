import Link from 'next/link';
import styles from './entry-card.module.css';

interface EntryCardProps {
  /** The landmark's accessible name: the feature's name. */
  label: string;
  /** The card's lead words. */
  title: string;
  /** One sentence on what the person finds there. */
  text: string;
  /** The link's words. */
  link: string;
  href: string;
}

/** A way in to one feature from another screen: its name, a sentence and a link. */
export function EntryCard({ label, title, text, link, href }: EntryCardProps) {
  return (
    <section className={styles.entry} aria-label={label}>
      <p>
        <strong>{title}</strong> {text}
      </p>
      <Link href={href} className={styles.link}>
        {link}
      </Link>
    </section>
  );
}
