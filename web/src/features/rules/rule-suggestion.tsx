'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiRequest, syncAndWait } from '@/features/sync/sync-runtime';
import { paceDatabase } from '@/lib/db';
import { createRule } from './rule-outbox';
import { RULE_SUGGESTION, type RuleSuggestionData } from './rules.operations';
import styles from './rules.module.css';
import { useRuleCategories } from './use-rule-categories';

type Suggestion = NonNullable<RuleSuggestionData['ruleSuggestion']>;

/**
 * After a transaction was recategorised: "Always put “pizza place” in Dining out?" and one tap
 * makes the rule. Shows nothing when the server has no suggestion (or the device is offline).
 */
export function RuleSuggestionOffer({
  transactionId,
  onClose,
}: {
  transactionId: string;
  onClose: () => void;
}) {
  const t = useTranslations('rules');
  const { nameOf } = useRuleCategories();
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [created, setCreated] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // The edit reaches the server first (it may wait in the outbox a moment).
    void syncAndWait()
      .then(() => apiRequest<RuleSuggestionData>(RULE_SUGGESTION, { transactionId }))
      .then((data) => {
        if (live) setSuggestion(data.ruleSuggestion);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transactionId]);

  if (!suggestion) return null;
  const category = nameOf(suggestion.setCategoryId);
  const values = { pattern: suggestion.textPattern, category };

  // Written on the device and queued, like every rule write: a lost connection loses nothing.
  async function create(offer: Suggestion) {
    const db = paceDatabase();
    const currency = (await db.settings.get('budget'))?.currency;
    if (!currency) {
      setError(t('noPlan'));
      return;
    }
    await createRule(
      db,
      {
        textPattern: offer.textPattern,
        textMatch: offer.textMatch,
        minAmount: null,
        maxAmount: null,
        setCategoryId: offer.setCategoryId,
        renameMerchant: null,
        addTags: [],
      },
      currency,
    );
    setCreated(true);
    setError(null);
  }

  return (
    <div className={styles.offer} role="status">
      {created ? (
        <p>{t('suggestionCreated', values)}</p>
      ) : (
        <>
          <p>{t('suggestion', values)}</p>
          <button type="button" className={styles.primary} onClick={() => void create(suggestion)}>
            {t('suggestionCreate')}
          </button>
          <button type="button" className={styles.button} onClick={onClose}>
            {t('suggestionDismiss')}
          </button>
        </>
      )}
      {error ? <p className={styles.error}>{error}</p> : null}
    </div>
  );
}
