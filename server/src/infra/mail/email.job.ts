import { z } from 'zod';
import type { JobSpec } from '../queue/job';
import type { MailMessage } from './mailer';

/** Sends one e-mail. The payload is the rendered message, so a retry sends the same text. */
export const sendEmailJob: JobSpec<MailMessage> = {
  name: 'email.send',
  version: 1,
  queue: 'email',
  payload: z.object({ to: z.email(), subject: z.string().min(1), text: z.string().min(1) }),
  attempts: 5,
};
