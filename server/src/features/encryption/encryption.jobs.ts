import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/** Re-encrypts every stored value under the active key; safe to run twice or resume. */
export const rotateEncryptionKeysJob: JobSpec<{ requestedBy: string | null }> = {
  name: 'encryption.rotateKeys',
  version: 1,
  queue: 'system',
  payload: z.object({ requestedBy: z.string().uuid().nullable() }),
  attempts: 3,
};
