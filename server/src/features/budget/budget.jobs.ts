import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/** Creates each user's plan for their local current month when it is missing; safe to run twice. */
export const createMonthPlansJob: JobSpec<{ slot: string }> = {
  name: 'budget.createMonthPlans',
  version: 1,
  queue: 'scheduler',
  payload: z.object({ slot: z.string() }),
  attempts: 3,
};
