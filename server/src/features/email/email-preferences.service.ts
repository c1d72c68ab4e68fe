import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import type { Logger } from '../../infra/logger';
import type { MailKind, Mailer, MailMessage } from '../../infra/mail/mailer';
import { mailWords } from '../accounts';
import type { AuditService } from '../audit';
import { EmailError } from './email.errors';
import type { EmailRepository } from './email.repository';
import type { EmailPreferencesRow } from './email.table';

/**
 * Notification e-mails are switched where the other notification channels are
 * (`notification_settings.email_enabled`); the preferences read and write that same switch.
 */
export interface NotificationEmailSwitch {
  isOn(userId: string): Promise<boolean>;
  set(userId: string, on: boolean): Promise<void>;
}

export interface EmailPreferences {
  notifications: boolean;
  productNews: boolean;
}

export type OptionalMailKind = Exclude<MailKind, 'security'>;

/** Which mails a person receives, the one-click unsubscribe links, and the gate every mail passes. */
export class EmailPreferencesService {
  constructor(
    private readonly deps: {
      repository: EmailRepository;
      notificationEmails: NotificationEmailSwitch;
      mailer: Mailer;
      audit: AuditService;
      clock: Clock;
      publicUrl: string;
      logger?: Logger;
    },
  ) {}

  async get(userId: string): Promise<EmailPreferences> {
    const row = await this.deps.repository.findPreferences(userId);
    return {
      notifications: await this.deps.notificationEmails.isOn(userId),
      productNews: row?.productNews ?? false,
    };
  }

  /** Changes the switches given (absent: unchanged) and returns all of them. */
  async update(userId: string, change: Partial<EmailPreferences>): Promise<EmailPreferences> {
    if (change.notifications !== undefined)
      await this.deps.notificationEmails.set(userId, change.notifications);
    if (change.productNews !== undefined) {
      await this.rowOf(userId);
      await this.deps.repository.updatePreferences(userId, {
        productNews: change.productNews,
        updatedAt: this.deps.clock.now(),
      });
    }
    return this.get(userId);
  }

  /**
   * The email job: sends a security mail always, any other kind only while the person wants it,
   * with a one-click unsubscribe link. Runs when the job runs, so a switch turned off after the
   * mail was queued still holds.
   */
  async deliver(message: MailMessage): Promise<'sent' | 'suppressed'> {
    const { to, subject, text, locale } = message;
    const kind = message.kind ?? 'security';
    if (kind === 'security') {
      const footer = mailWords(locale, 'securityFooter');
      await this.deps.mailer.send({ to, subject, text: `${text}\n\n--\n${footer}` });
      return 'sent';
    }
    if (!message.userId) throw new Error(`a ${kind} mail needs the userId of its recipient`);
    if (!(await this.wants(message.userId, kind))) {
      this.deps.logger?.info({ kind, userId: message.userId }, 'mail not sent: switched off');
      return 'suppressed';
    }
    const url = await this.unsubscribeUrl(message.userId, kind);
    await this.deps.mailer.send({
      to,
      subject,
      text: `${text}\n\n--\n${mailWords(locale, 'preferencesFooter', { unsubscribe: url, settings: `${this.deps.publicUrl}/settings/` })}`,
      headers: {
        'List-Unsubscribe': `<${url}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    return 'sent';
  }

  /** Whether a token from an unsubscribe link is this server's; its kind, or null. */
  async checkUnsubscribeToken(
    token: string,
  ): Promise<{ userId: string; kind: OptionalMailKind } | null> {
    const [userId, kind, mac] = token.split('.');
    if (!userId || !mac || !isOptionalKind(kind)) return null;
    if (!/^[0-9a-f-]{36}$/.test(userId)) return null;
    const row = await this.deps.repository.findPreferences(userId);
    if (!row) return null;
    const expected = Buffer.from(macOf(row.unsubscribeSecret, userId, kind));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, kind };
  }

  /** One click from a mail: switches that kind off (idempotent); UNSUBSCRIBE_LINK_INVALID otherwise. */
  async unsubscribe(token: string, ip: string | null): Promise<OptionalMailKind> {
    const checked = await this.checkUnsubscribeToken(token);
    if (!checked) throw new EmailError('UNSUBSCRIBE_LINK_INVALID');
    const { userId, kind } = checked;
    await this.update(
      userId,
      kind === 'notifications' ? { notifications: false } : { productNews: false },
    );
    await this.deps.audit.record({ event: 'email.unsubscribed', userId, ip, details: { kind } });
    return kind;
  }

  private async wants(userId: string, kind: OptionalMailKind): Promise<boolean> {
    const preferences = await this.get(userId);
    switch (kind) {
      case 'notifications':
        return preferences.notifications;
      case 'product_news':
        return preferences.productNews;
    }
  }

  private async unsubscribeUrl(userId: string, kind: OptionalMailKind): Promise<string> {
    const row = await this.rowOf(userId);
    const token = `${userId}.${kind}.${macOf(row.unsubscribeSecret, userId, kind)}`;
    return `${this.deps.publicUrl}/api/email/unsubscribe?token=${token}`;
  }

  private rowOf(userId: string): Promise<EmailPreferencesRow> {
    return this.deps.repository.ensurePreferences({
      userId,
      // Product news is opt-in.
      productNews: false,
      unsubscribeSecret: randomBytes(32).toString('base64url'),
      updatedAt: this.deps.clock.now(),
    });
  }
}

function macOf(secret: string, userId: string, kind: OptionalMailKind): string {
  return createHmac('sha256', secret).update(`unsubscribe|${userId}|${kind}`).digest('base64url');
}

function isOptionalKind(value: string | undefined): value is OptionalMailKind {
  return value === 'notifications' || value === 'product_news';
}
