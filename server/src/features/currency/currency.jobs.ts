import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/** Fetches the ECB's reference rates and stores them; safe to run twice (a day is overwritten). */
export const fetchReferenceRatesJob: JobSpec<{ slot?: string | undefined }> = {
  name: 'currency.fetchReferenceRates',
  version: 1,
  queue: 'scheduler',
  payload: z.object({ slot: z.string().optional() }),
  attempts: 3,
};
