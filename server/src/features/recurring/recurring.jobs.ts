import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/** Posts every due occurrence of every recurring transaction; safe to run twice. `slot` names the run. */
export const postRecurringJob: JobSpec<{ slot: string }> = {
  name: 'recurring.postDue',
  version: 1,
  queue: 'scheduler',
  payload: z.object({ slot: z.string() }),
  attempts: 3,
};
