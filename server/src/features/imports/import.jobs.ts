import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/** Runs one large import (`import_jobs`); safe to run twice, a finished one is left as it is. */
export const runImportJob: JobSpec<{ importId: string }> = {
  name: 'imports.run',
  version: 1,
  queue: 'imports',
  payload: z.object({ importId: z.string().uuid() }),
  attempts: 3,
};
