import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/**
 * Computes and stores one person's spending clusters. Safe to run twice: a stored result of the
 * current ledger revision ends it at once.
 */
export const computeSpendingClustersJob: JobSpec<{ userId: string }> = {
  name: 'clusters.compute',
  version: 1,
  queue: 'insights',
  payload: z.object({ userId: z.string().uuid() }),
  attempts: 3,
};
