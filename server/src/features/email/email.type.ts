import { Field, InputType, ObjectType } from 'type-graphql';
import type { EmailPreferences as Preferences } from './email-preferences.service';

@ObjectType({
  description:
    'Which optional mails the person receives. Security mails (address verification, password reset, slowed sign-in) are always sent and cannot be switched off.',
})
export class EmailPreferences {
  @Field(() => Boolean, {
    description:
      'Notifications by e-mail (budget alerts, pace, milestones …): the same switch as NotificationSettings.emailEnabled; which types notify is chosen there.',
  })
  notifications!: boolean;

  @Field(() => Boolean, {
    description: 'Occasional news about Pace (new features). Off until the person turns it on.',
  })
  productNews!: boolean;
}

export function toEmailPreferences(value: Preferences): EmailPreferences {
  return Object.assign(new EmailPreferences(), value);
}

@InputType({ description: 'A change to the e-mail preferences: an absent field stays as it is.' })
export class UpdateEmailPreferencesInput {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Notifications by e-mail on or off (also NotificationSettings.emailEnabled).',
  })
  notifications?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Product news on or off.' })
  productNews?: boolean;
}

@ObjectType({ description: 'What updateEmailPreferences stored.' })
export class UpdateEmailPreferencesPayload {
  @Field(() => EmailPreferences, { description: 'All the preferences after the change.' })
  emailPreferences!: EmailPreferences;
}

@ObjectType({ description: 'The outcome of verifyEmail.' })
export class VerifyEmailPayload {
  @Field(() => String, { description: 'The address now verified (lower-cased).' })
  email!: string;

  @Field(() => Date, { description: 'When it was verified (UTC).' })
  verifiedAt!: Date;
}

@ObjectType({ description: 'The outcome of resendVerification.' })
export class ResendVerificationPayload {
  @Field(() => Boolean, {
    description: 'True when the address was verified already; then no mail was sent.',
  })
  alreadyVerified!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The address a new link (valid 48 hours) was mailed to; null when none was sent.',
  })
  sentTo!: string | null;
}
