import type { Config } from '../../app/config';
import { probeHttp, probeTcp, type ProbeResult } from '../../infra/net/probe';
import {
  QUEUE_NAMES,
  type FailedJob,
  type JobQueue,
  type QueueCounts,
  type QueueName,
} from '../../infra/queue/job';
import type { AuditService } from '../audit';
import type {
  AdminDatabaseRepository,
  StatementStat,
  TableSize,
} from './admin-database.repository';
import { AdminError } from './admin.errors';
import type { AdminActor } from './admin-user.service';

/** Failed jobs listed per queue (the newest). */
const FAILED_LISTED = 20;
const SLOW_STATEMENTS = 10;

export interface QueueView extends QueueCounts {
  name: QueueName;
  recentFailures: FailedJob[];
}

export type ExternalServiceName =
  'openai' | 'smtp' | 'google_sign_in' | 'web_push' | 'fcm' | 'vision';

export interface ExternalServiceView {
  name: ExternalServiceName;
  isConfigured: boolean;
  /** How it runs, in an operator's words (e.g. "SMTP relay", "mail logged"). */
  mode: string;
  /** Null when not checked (not configured, or nothing cheap to check). */
  isReachable: boolean | null;
  checkedAt: Date;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export interface DatabaseView {
  kind: 'postgres' | 'pglite';
  totalBytes: number;
  tables: TableSize[];
  isStatementStatisticsAvailable: boolean;
  /** Why slow statements are not listed, when they are not. */
  statementStatisticsNote: string | null;
  slowStatements: StatementStat[];
}

/** What operators watch: the job queues, the outside services and the database. */
export class AdminStatusService {
  constructor(
    private readonly deps: {
      queue: JobQueue;
      database: AdminDatabaseRepository;
      databaseKind: 'postgres' | 'pglite';
      config: Pick<
        Config,
        | 'OPENAI_API_KEY'
        | 'OPENAI_BASE_URL'
        | 'SMTP_URL'
        | 'MAIL_OUTBOX_DIR'
        | 'GOOGLE_CLIENT_ID'
        | 'GOOGLE_JWKS_URL'
        | 'VAPID_PUBLIC_KEY'
        | 'VAPID_PRIVATE_KEY'
        | 'FIREBASE_SERVICE_ACCOUNT_FILE'
      >;
      audit: AuditService;
      /** The receipt OCR provider the configuration selects (paddle, tesseract or vision). */
      ocrProvider: string;
      /** The encryption key new writes use (ENCRYPTION_ACTIVE_KEY), which a rotation moves every value to. */
      activeKeyId: string;
      /** Queues the key rotation job under `jobId` (one per id); resolves to the queued job's id. */
      queueKeyRotation: (requestedBy: string | null, jobId: string) => Promise<string>;
      /** How long one reachability check may take. */
      probeTimeoutMs: number;
      now: () => Date;
    },
  ) {}

  async queues(actor: AdminActor): Promise<QueueView[]> {
    const counts = await this.deps.queue.counts();
    const views = await Promise.all(
      QUEUE_NAMES.map(async (name) => ({
        name,
        ...counts[name],
        recentFailures:
          counts[name].failed > 0 ? await this.deps.queue.listFailed(name, FAILED_LISTED) : [],
      })),
    );
    await this.audit(actor, 'admin.viewed', { what: 'queues' });
    return views;
  }

  /** Puts a failed job back into its queue with fresh attempts. */
  async retryFailedJob(actor: AdminActor, queue: QueueName, jobId: string): Promise<void> {
    if (!/^[\w.-]{1,200}$/.test(jobId) || !(await this.deps.queue.retryFailed(queue, jobId)))
      throw new AdminError('ADMIN_JOB_NOT_FOUND');
    await this.audit(actor, 'admin.job_retried', { queue, jobId });
  }

  /**
   * Queues the re-encryption of every stored value under the active key (the job of
   * `npm run db:rotate-keys`). Requests in the same minute share one job.
   */
  async startKeyRotation(actor: AdminActor): Promise<{ jobId: string; activeKeyId: string }> {
    const minute = Math.floor(this.deps.now().getTime() / 60_000);
    const jobId = await this.deps.queueKeyRotation(actor.adminId, `encryption-rotate-${minute}`);
    await this.audit(actor, 'admin.encryption_rotation_requested', {
      activeKeyId: this.deps.activeKeyId,
      jobId,
    });
    return { jobId, activeKeyId: this.deps.activeKeyId };
  }

  async externalServices(actor: AdminActor): Promise<ExternalServiceView[]> {
    const states = await Promise.all([
      this.openAi(),
      this.smtp(),
      this.google(),
      this.webPush(),
      this.fcm(),
      this.vision(),
    ]);
    const checkedAt = this.deps.now();
    const views = states.map((state) => view(state, checkedAt));
    await this.audit(actor, 'admin.viewed', { what: 'services' });
    return views;
  }

  async database(actor: AdminActor): Promise<DatabaseView> {
    const { database } = this.deps;
    const [tables, totalBytes, statements] = await Promise.all([
      database.tableSizes(),
      database.databaseBytes(),
      this.statements(),
    ]);
    await this.audit(actor, 'admin.viewed', { what: 'database' });
    return { kind: this.deps.databaseKind, totalBytes, tables, ...statements };
  }

  private async statements(): Promise<
    Pick<
      DatabaseView,
      'isStatementStatisticsAvailable' | 'statementStatisticsNote' | 'slowStatements'
    >
  > {
    const unavailable = (note: string) => ({
      isStatementStatisticsAvailable: false,
      statementStatisticsNote: note,
      slowStatements: [],
    });
    if (this.deps.databaseKind === 'pglite')
      return unavailable('The embedded database has no pg_stat_statements.');
    if (!(await this.deps.database.hasStatementStatistics()))
      return unavailable('The pg_stat_statements extension is not installed in this database.');
    try {
      const slowStatements = await this.deps.database.slowestStatements(SLOW_STATEMENTS);
      return {
        isStatementStatisticsAvailable: true,
        statementStatisticsNote: null,
        slowStatements,
      };
    } catch {
      return unavailable(
        'pg_stat_statements is installed but not loaded (add it to shared_preload_libraries).',
      );
    }
  }

  private async openAi(): Promise<ServiceState> {
    const { config, database } = this.deps;
    const key = config.OPENAI_API_KEY;
    const fallback = key ? await database.lastAdviceFallback() : null;
    const probe = key
      ? await probeHttp(`${config.OPENAI_BASE_URL.replace(/\/+$/, '')}/models`, {
          timeoutMs: this.deps.probeTimeoutMs,
          headers: { authorization: `Bearer ${key}` },
        })
      : null;
    return {
      name: 'openai',
      isConfigured: Boolean(key),
      mode: key ? 'AI advice' : 'rule-based advice only',
      probe,
      last: fallback ? { error: fallback.reason, at: fallback.at } : null,
    };
  }

  private async smtp(): Promise<ServiceState> {
    const { config, queue } = this.deps;
    const url = config.SMTP_URL ? new URL(config.SMTP_URL) : null;
    const probe = url
      ? await probeTcp(
          url.hostname,
          Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
          this.deps.probeTimeoutMs,
        )
      : null;
    const [failed] = await queue.listFailed('email', 1);
    return {
      name: 'smtp',
      isConfigured: url !== null,
      mode: url
        ? 'SMTP relay'
        : config.MAIL_OUTBOX_DIR
          ? 'no SMTP: mail logged and written as files to MAIL_OUTBOX_DIR'
          : 'no SMTP: mail logged only',
      probe,
      last: failed ? { error: failed.reason, at: failed.failedAt } : null,
    };
  }

  private async google(): Promise<ServiceState> {
    const { config } = this.deps;
    const isConfigured = Boolean(config.GOOGLE_CLIENT_ID);
    const probe = isConfigured
      ? await probeHttp(config.GOOGLE_JWKS_URL, { timeoutMs: this.deps.probeTimeoutMs })
      : null;
    return {
      name: 'google_sign_in',
      isConfigured,
      mode: isConfigured ? 'Continue with Google' : 'off',
      probe,
      last: null,
    };
  }

  /** FCM for the mobile app: configured by a service-account key file; sends report failures. */
  private async fcm(): Promise<ServiceState> {
    const isConfigured = Boolean(this.deps.config.FIREBASE_SERVICE_ACCOUNT_FILE);
    return {
      name: 'fcm',
      isConfigured,
      mode: isConfigured ? 'FCM (firebase-admin, HTTP v1)' : 'off: no mobile app push',
      probe: null,
      last: null,
    };
  }

  /** Cloud Vision reads receipts when selected; a receipt job that used up its attempts is its last error. */
  private async vision(): Promise<ServiceState> {
    const isConfigured = this.deps.ocrProvider === 'vision';
    const [failed] = isConfigured ? await this.deps.queue.listFailed('ocr', 1) : [];
    return {
      name: 'vision',
      isConfigured,
      mode: isConfigured
        ? 'receipt OCR by Google Cloud Vision'
        : `off: receipts are read on this server (${this.deps.ocrProvider})`,
      probe: null,
      last: failed ? { error: failed.reason, at: failed.failedAt } : null,
    };
  }

  /** Push services are per subscription (FCM, Mozilla, Apple): nothing single to check. */
  private async webPush(): Promise<ServiceState> {
    const isConfigured = Boolean(
      this.deps.config.VAPID_PUBLIC_KEY && this.deps.config.VAPID_PRIVATE_KEY,
    );
    return {
      name: 'web_push',
      isConfigured,
      mode: isConfigured ? 'Web Push (VAPID)' : 'off: in-app and e-mail only',
      probe: null,
      last: null,
    };
  }

  private audit(
    actor: AdminActor,
    event: 'admin.viewed' | 'admin.job_retried' | 'admin.encryption_rotation_requested',
    details: Record<string, string>,
  ): Promise<void> {
    return this.deps.audit.record({
      event,
      ip: actor.ip,
      details: { adminId: actor.adminId, ...details },
    });
  }
}

interface ServiceState {
  name: ExternalServiceName;
  isConfigured: boolean;
  mode: string;
  probe: ProbeResult | null;
  last: { error: string; at: Date | null } | null;
}

function view(state: ServiceState, checkedAt: Date): ExternalServiceView {
  // A check failing now is the newest error; else the last one recorded.
  const probeError = state.probe?.error ?? null;
  return {
    name: state.name,
    isConfigured: state.isConfigured,
    mode: state.mode,
    isReachable: state.probe?.isReachable ?? null,
    checkedAt,
    lastError: probeError ?? state.last?.error ?? null,
    lastErrorAt: probeError ? checkedAt : (state.last?.at ?? null),
  };
}
