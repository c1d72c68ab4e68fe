import { addDays, type LedgerTransaction, type LocalDate } from '@pace/engine';
import {
  CLUSTER_METHOD_VERSION,
  CLUSTER_WINDOW_DAYS,
  computeSpendingClusters,
  type SpendingClusters,
} from '@pace/engine/clusters';
import type { JobQueue } from '../../infra/queue/job';
import { computeSpendingClustersJob } from './spending-cluster.jobs';
import type { SpendingClusterRepository } from './spending-cluster.repository';

export interface SpendingClusterDeps {
  repository: SpendingClusterRepository;
  queue: Pick<JobQueue, 'enqueue'>;
  /** The budget's currency (throws ONBOARDING_REQUIRED before onboarding). */
  currencyOf: (userId: string) => Promise<string>;
  /** Changes whenever the person's ledger does. */
  ledgerRevision: (userId: string) => Promise<string>;
  latestExpenseOn: (userId: string) => Promise<LocalDate | null>;
  expensesBetween: (userId: string, from: LocalDate, to: LocalDate) => Promise<LedgerTransaction[]>;
  /** Display names of the person's categories (plan, own and built-in). */
  categoryNames: (userId: string) => Promise<ReadonlyMap<string, string>>;
  now: () => Date;
}

/** `ready`: the result is of the current ledger; `computing`: a job is computing it. */
export type SpendingClustersState = 'ready' | 'computing';

export interface SpendingClustersView {
  state: SpendingClustersState;
  currency: string;
  /** The stored result (of an older ledger while computing), or null before the first one. */
  result: SpendingClusters | null;
  computedAt: Date | null;
  categoryNames: ReadonlyMap<string, string>;
}

/**
 * Spending clusters (domain §8). k-means never runs on a request: a read answers the stored result
 * when it is of the current ledger, else enqueues the job that computes it and answers `computing`.
 */
export class SpendingClusterService {
  constructor(private readonly deps: SpendingClusterDeps) {}

  async read(userId: string): Promise<SpendingClustersView> {
    const currency = await this.deps.currencyOf(userId);
    const [revision, row, categoryNames] = await Promise.all([
      this.revisionOf(userId, currency),
      this.deps.repository.find(userId),
      this.deps.categoryNames(userId),
    ]);
    const usable = row?.methodVersion === CLUSTER_METHOD_VERSION ? row : null;
    const view = {
      currency,
      result: usable?.result ?? null,
      computedAt: usable?.computedAt ?? null,
    };
    if (usable?.ledgerRevision === revision) return { ...view, state: 'ready', categoryNames };
    // One job per person and revision: asking again while it runs queues nothing more.
    await this.deps.queue.enqueue(
      computeSpendingClustersJob,
      { userId },
      { jobId: `clusters-${userId}-m${CLUSTER_METHOD_VERSION}-${revision}` },
    );
    return { ...view, state: 'computing', categoryNames };
  }

  /** The job: computes the clusters of the current ledger and stores them, unless already done. */
  async computeAndStore(userId: string): Promise<void> {
    const currency = await this.deps.currencyOf(userId);
    // Read before the ledger: a change landing meanwhile leaves an older revision, recomputed later.
    const revision = await this.revisionOf(userId, currency);
    const stored = await this.deps.repository.find(userId);
    if (stored?.ledgerRevision === revision && stored.methodVersion === CLUSTER_METHOD_VERSION) {
      return;
    }
    const latest = await this.deps.latestExpenseOn(userId);
    const [ledger, categoryNames] = await Promise.all([
      latest === null
        ? Promise.resolve([])
        : this.deps.expensesBetween(userId, addDays(latest, -(CLUSTER_WINDOW_DAYS - 1)), latest),
      this.deps.categoryNames(userId),
    ]);
    const result = computeSpendingClusters({ ledger, currency, categoryNames });
    await this.deps.repository.save({
      userId,
      ledgerRevision: revision,
      methodVersion: CLUSTER_METHOD_VERSION,
      result,
      computedAt: this.deps.now(),
    });
  }

  private async revisionOf(userId: string, currency: string): Promise<string> {
    return `${currency}-${await this.deps.ledgerRevision(userId)}`;
  }
}
