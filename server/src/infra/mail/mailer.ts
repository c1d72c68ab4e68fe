import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger';

/**
 * What a mail is about: `security` mails (sign-in, password, address verification) are always
 * sent; the others only while the person's e-mail preferences want them.
 */
export const MAIL_KINDS = ['security', 'notifications', 'product_news'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Absent: a security mail (mails queued before kinds existed were all security mails). */
  kind?: MailKind;
  /** The person it is for; needed for every kind but `security`, to read their preferences. */
  userId?: string;
  /** The person's locale (BCP 47), for the words the mail job adds; English when absent. */
  locale?: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058). */
  headers?: Record<string, string>;
}

/** The border to e-mail: SMTP in production, the log otherwise, a capturing fake in tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    send: async (message) => {
      await transport.sendMail({ from: options.from, ...message });
    },
  };
}

/** Without SMTP the message is rendered by nodemailer's JSON transport and logged (dev only). */
export function createLogMailer(options: {
  logger: Logger;
  from: string;
  /** Also kept as `<time>-<id>.json` files here (MAIL_OUTBOX_DIR), for a developer to open. */
  outboxDir?: string;
}): Mailer {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    send: async (message) => {
      const info = await transport.sendMail({ from: options.from, ...message });
      if (options.outboxDir) {
        await mkdir(options.outboxDir, { recursive: true });
        // Written aside, then renamed: a reader never sees half a mail.
        const name = path.join(options.outboxDir, `${Date.now()}-${randomUUID()}.json`);
        await writeFile(`${name}.part`, JSON.stringify({ from: options.from, ...message }));
        await rename(`${name}.part`, name);
      }
      options.logger.info(
        { mail: { to: message.to, subject: message.subject }, messageId: info.messageId },
        'mail (no SMTP_URL configured)',
      );
      options.logger.debug({ text: message.text }, 'mail body');
    },
  };
}
