import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

export const processSystemCheckJob: JobSpec<{ checkId: string }> = {
  name: 'system.processCheck',
  version: 1,
  queue: 'system',
  payload: z.object({ checkId: z.uuid() }),
  attempts: 3,
};
