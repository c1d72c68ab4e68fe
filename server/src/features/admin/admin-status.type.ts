import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FailedJob } from '../../infra/queue/job';
import type { StatementStat, TableSize } from './admin-database.repository';
import type { DatabaseView, ExternalServiceView, QueueView } from './admin-status.service';

export enum JobQueueName {
  SYSTEM = 'system',
  NOTIFICATIONS = 'notifications',
  EMAIL = 'email',
  OCR = 'ocr',
  INSIGHTS = 'insights',
  SCHEDULER = 'scheduler',
  IMPORTS = 'imports',
  WEBHOOKS = 'webhooks',
}
registerEnumType(JobQueueName, {
  name: 'JobQueueName',
  description: 'A job queue (each can get its own workers when scaled out).',
  valuesConfig: {
    SYSTEM: { description: 'System checks.' },
    NOTIFICATIONS: { description: 'Notifications to people.' },
    EMAIL: { description: 'E-mails (password resets and others).' },
    OCR: { description: 'Receipt reading.' },
    INSIGHTS: { description: 'Computed insights.' },
    SCHEDULER: { description: 'Periodic jobs: due recurring transactions, month plans.' },
    IMPORTS: { description: 'Bank-file imports.' },
    WEBHOOKS: { description: 'Webhook deliveries to integrators’ endpoints.' },
  },
});

export enum ExternalServiceName {
  OPENAI = 'openai',
  SMTP = 'smtp',
  GOOGLE_SIGN_IN = 'google_sign_in',
  WEB_PUSH = 'web_push',
  FCM = 'fcm',
  VISION = 'vision',
}
registerEnumType(ExternalServiceName, {
  name: 'ExternalServiceName',
  description: 'A service outside Pace the server depends on.',
  valuesConfig: {
    OPENAI: { description: 'The OpenAI-compatible model writing the day’s advice (OPENAI_*).' },
    SMTP: { description: 'The mail relay (SMTP_URL); without it mail is logged (and filed).' },
    GOOGLE_SIGN_IN: { description: 'Continue with Google (GOOGLE_CLIENT_ID, GOOGLE_JWKS_URL).' },
    WEB_PUSH: { description: 'Web Push notifications (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY).' },
    FCM: { description: 'Push to the mobile app through FCM (FIREBASE_SERVICE_ACCOUNT_FILE).' },
    VISION: {
      description:
        'Receipt OCR through Google Cloud Vision (OCR_PROVIDER=vision, or GOOGLE_APPLICATION_CREDENTIALS with OCR_PROVIDER unset); the last error is the last receipt job that failed.',
    },
  },
});

@ObjectType({ description: 'A job that used up its attempts (or could never run), kept 7 days.' })
export class AdminFailedJob {
  @Field(() => String, { description: 'The job’s id in its queue, for retryFailedJob.' })
  id!: string;
  @Field(() => String, { description: 'The job’s name, e.g. email.send.' }) name!: string;
  @Field(() => String, { description: 'The last error’s message (at most 500 characters).' })
  reason!: string;
  @Field(() => Int, { description: 'Attempts made before it failed.' }) attemptsMade!: number;
  @Field(() => Date, { nullable: true, description: 'When it failed; null when unknown.' })
  failedAt!: Date | null;
}

@ObjectType({ description: 'One job queue’s jobs by state.' })
export class AdminQueue {
  @Field(() => JobQueueName, { description: 'The queue.' }) name!: JobQueueName;
  @Field(() => Int, { description: 'Jobs waiting for a worker.' }) waiting!: number;
  @Field(() => Int, { description: 'Jobs running now.' }) active!: number;
  @Field(() => Int, {
    description: 'Jobs waiting for their time: retries in back-off and delayed jobs.',
  })
  delayed!: number;
  @Field(() => Int, { description: 'Failed jobs kept (7 days; the newest 200 when embedded).' })
  failed!: number;
  @Field(() => [AdminFailedJob], { description: 'The newest failed jobs (at most 20).' })
  recentFailures!: AdminFailedJob[];
}

@ObjectType({ description: 'How a service outside Pace stands, checked when read.' })
export class AdminExternalService {
  @Field(() => ExternalServiceName, { description: 'The service.' }) name!: ExternalServiceName;
  @Field(() => Boolean, { description: 'Whether its configuration is set.' })
  isConfigured!: boolean;
  @Field(() => String, { description: 'How it runs, in an operator’s words.' }) mode!: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether it answered a cheap check (a TCP connection or one GET, 3 s at most); null when not checked (not configured, or nothing single to check).',
  })
  isReachable!: boolean | null;
  @Field(() => Date, { description: 'When this status was read.' }) checkedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'The newest error known: the check’s, else the last recorded (the advice fallback reason, the newest failed e-mail job); null when none.',
  })
  lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When lastError happened, when known.' })
  lastErrorAt!: Date | null;
}

@ObjectType({ description: 'A table of the database with its size.' })
export class AdminTableSize {
  @Field(() => String, { description: 'The table’s name.' }) name!: string;
  @Field(() => Float, { description: 'Bytes on disk, indexes and TOAST included.' })
  totalBytes!: number;
  @Field(() => Float, {
    description: 'Rows, as the planner’s statistics estimate them (not an exact count).',
  })
  rowEstimate!: number;
}

@ObjectType({ description: 'A statement from pg_stat_statements, its parameters left out.' })
export class AdminSlowStatement {
  @Field(() => String, { description: 'The statement text with $n placeholders.' }) query!: string;
  @Field(() => Float, { description: 'Times it ran since the statistics were reset.' })
  calls!: number;
  @Field(() => Float, { description: 'Average run time in milliseconds.' }) meanMs!: number;
  @Field(() => Float, { description: 'Total run time in milliseconds.' }) totalMs!: number;
}

@ObjectType({ description: 'Database statistics for operators.' })
export class AdminDatabase {
  @Field(() => String, { description: '`postgres` or `pglite` (the embedded database).' })
  kind!: string;
  @Field(() => Float, { description: 'The whole database’s size in bytes.' }) totalBytes!: number;
  @Field(() => [AdminTableSize], { description: 'The tables, largest first.' })
  tables!: AdminTableSize[];
  @Field(() => Boolean, { description: 'Whether pg_stat_statements can be read here.' })
  isStatementStatisticsAvailable!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why slow statements are not listed; null when they are.',
  })
  statementStatisticsNote!: string | null;
  @Field(() => [AdminSlowStatement], {
    description: 'The slowest statements on average (at most 10); empty when not available.',
  })
  slowStatements!: AdminSlowStatement[];
}

const failedJobOf = (job: FailedJob) => Object.assign(new AdminFailedJob(), job);

export function toAdminQueue(view: QueueView): AdminQueue {
  return Object.assign(new AdminQueue(), {
    ...view,
    name: view.name as JobQueueName,
    recentFailures: view.recentFailures.map(failedJobOf),
  });
}

export function toAdminExternalService(view: ExternalServiceView): AdminExternalService {
  return Object.assign(new AdminExternalService(), {
    ...view,
    name: view.name as ExternalServiceName,
  });
}

export function toAdminDatabase(view: DatabaseView): AdminDatabase {
  return Object.assign(new AdminDatabase(), {
    ...view,
    tables: view.tables.map((t: TableSize) => Object.assign(new AdminTableSize(), t)),
    slowStatements: view.slowStatements.map((s: StatementStat) =>
      Object.assign(new AdminSlowStatement(), s),
    ),
  });
}

@ObjectType({ description: 'What startEncryptionKeyRotation queued.' })
export class StartEncryptionKeyRotationPayload {
  @Field(() => String, {
    description:
      'The job that re-encrypts every stored value; requests in the same minute share it. Its progress shows in adminQueues (queue SYSTEM).',
  })
  jobId!: string;

  @Field(() => String, {
    description: 'The key id (ENCRYPTION_ACTIVE_KEY) every value is moved to.',
  })
  activeKeyId!: string;
}
