import {
  applyCooldowns,
  GOAL_CATEGORY_PREFIX,
  monthOf,
  type LedgerTransaction,
  type LocalDate,
  type LocalMonth,
  type MonthState,
} from '@pace/engine';
import type { Db } from '../../infra/db/database';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { TransactionAlertEvent } from './alert.events';
import type { AlertRepository } from './alert.repository';
import {
  detectAlerts,
  goalMilestoneAlerts,
  type AlertCandidate,
  type GoalSavings,
} from './alert.rules';

/**
 * Transaction alerts (domain §5): after a write's recompute, what newly happened is filtered by
 * what was already sent (under the user's lock, in the write's transaction), recorded, and
 * published after commit, so a replay or a later recompute never notifies twice.
 */
export class TransactionAlertService {
  constructor(
    private readonly deps: {
      repository: AlertRepository;
      pubsub: PubSub;
      /** Told of every alert sent, after commit (the notifications feature queues its own). */
      onSent?: (events: readonly TransactionAlertEvent[]) => Promise<void>;
    },
  ) {}

  async detect(
    tx: Db,
    input: {
      userId: string;
      previous: MonthState | null;
      state: MonthState;
      transactionId: string | null;
      /** The transaction the write left (null when it deleted one, or for other writes). */
      transaction: LedgerTransaction | null;
      now: Date;
      /** Above it an expense is a large transaction; null: no such alert. */
      largeThresholdMinor: number | null;
    },
  ): Promise<TransactionAlertEvent[]> {
    const { userId, state, now } = input;
    const { transaction } = input;
    const candidates = detectAlerts({
      previous: input.previous,
      state,
      transaction,
      largeThresholdMinor: input.largeThresholdMinor,
    });
    return this.sendOnce(tx, candidates, {
      userId,
      now,
      month: state.month,
      currency: state.currency,
      transactionId: input.transactionId,
      nameOf: (categoryId) => state.categoryInfo(categoryId)?.name ?? categoryId,
    });
  }

  /** Milestones of the goals a ledger write changed (domain §5), sent once each. */
  async detectGoalMilestones(
    tx: Db,
    input: {
      userId: string;
      goals: readonly GoalSavings[];
      now: Date;
      today: LocalDate;
      currency: string;
      transactionId: string | null;
    },
  ): Promise<TransactionAlertEvent[]> {
    const names = new Map(input.goals.map((g) => [`${GOAL_CATEGORY_PREFIX}${g.goalId}`, g.name]));
    return this.sendOnce(tx, goalMilestoneAlerts(input.goals, input.today), {
      userId: input.userId,
      now: input.now,
      month: monthOf(input.today),
      currency: input.currency,
      transactionId: input.transactionId,
      nameOf: (categoryId) => names.get(categoryId) ?? categoryId,
    });
  }

  /** Keeps the candidates not sent yet (nor cooling down), records them, and makes their events. */
  private async sendOnce(
    tx: Db,
    candidates: readonly AlertCandidate[],
    meta: {
      userId: string;
      now: Date;
      month: LocalMonth;
      currency: string;
      transactionId: string | null;
      nameOf: (categoryId: string) => string;
    },
  ): Promise<TransactionAlertEvent[]> {
    if (candidates.length === 0) return [];
    const { userId, now } = meta;
    const repository = this.deps.repository.with(tx);
    const sentAt = await repository.findSentAt(
      userId,
      candidates.map((c) => c.key),
    );
    const once = candidates.filter((c) => c.cooldownMs === null && sentAt[c.key] === undefined);
    const cooled = applyCooldowns(
      candidates.flatMap((c) =>
        c.cooldownMs === null ? [] : [{ ...c, cooldownKey: c.key, cooldownMs: c.cooldownMs }],
      ),
      sentAt,
      now.getTime(),
    );
    const freshKeys = new Set([...once, ...cooled].map((c) => c.key));
    const fresh = candidates.filter((c) => freshKeys.has(c.key));
    await repository.markSent(
      userId,
      fresh.map((c) => c.key),
      now,
    );
    return fresh.map(({ cooldownMs: _cooldownMs, ...alert }) => ({
      ...alert,
      userId,
      month: meta.month,
      currency: meta.currency,
      transactionId: meta.transactionId,
      categoryName: alert.categoryId ? meta.nameOf(alert.categoryId) : null,
    }));
  }

  async publish(events: readonly TransactionAlertEvent[]): Promise<void> {
    await Promise.all(
      events.map((event) => this.deps.pubsub.publish('budget.alert', event.userId, event)),
    );
    if (events.length > 0) await this.deps.onSent?.(events);
  }

  subscribe(userId: string): AsyncIterableIterator<TransactionAlertEvent> {
    return this.deps.pubsub.subscribe('budget.alert', userId);
  }
}
