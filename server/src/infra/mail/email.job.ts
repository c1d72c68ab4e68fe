import { z } from 'zod';
import type { JobSpec } from '../queue/job';
import { MAIL_KINDS, type MailMessage } from './mailer';

/**
 * Sends one e-mail. The payload is the rendered message, so a retry sends the same text; mails of
 * a kind the person switched off are dropped when the job runs (see the email feature).
 */
export const sendEmailJob: JobSpec<MailMessage> = {
  name: 'email.send',
  version: 1,
  queue: 'email',
  payload: z.object({
    to: z.email(),
    subject: z.string().min(1),
    text: z.string().min(1),
    kind: z.enum(MAIL_KINDS).optional(),
    userId: z.uuid().optional(),
    locale: z.string().max(35).optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  attempts: 5,
};
