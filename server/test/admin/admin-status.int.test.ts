import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';

const QUEUES = `{ adminQueues { name waiting active delayed failed recentFailures { id name reason attemptsMade failedAt } } }`;
const RETRY = `mutation($q: JobQueueName!, $id: String!) { retryFailedJob(queue: $q, jobId: $id) }`;
const SERVICES = `{ adminExternalServices { name isConfigured mode isReachable checkedAt lastError lastErrorAt } }`;
const DATABASE = `{ adminDatabase { kind totalBytes tables { name totalBytes rowEstimate } isStatementStatisticsAvailable statementStatisticsNote slowStatements { query calls meanMs } } }`;
const AUDIT = `query($f: AuditLogFilter) { auditLog(first: 20, filter: $f) { edges { node { event details } } } }`;

interface Queue {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  recentFailures: Array<{ id: string; name: string; reason: string; attemptsMade: number }>;
}

describe(`admin: queues, outside services, database (${TEST_MODE})`, () => {
  let api: TestApi;
  let admin: TestUser;
  beforeAll(async () => {
    // SMTP on a port nothing listens on: configured, not reachable.
    api = await startTestApi({ config: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    admin = await signUp(api, { role: 'admin' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const asAdmin = <T>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, bearer(admin.accessToken));
  const emailQueue = async (): Promise<Queue | undefined> =>
    (await asAdmin<{ adminQueues: Queue[] }>(QUEUES)).data?.adminQueues.find(
      (q) => q.name === 'EMAIL',
    );
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 25_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('counts a failed job, and retrying it runs it again', { timeout: 60_000 }, async () => {
    const person = await signUp(api);
    const mailer = api.mail.mailer;
    const send = mailer.send.bind(mailer);
    // The SMTP border fails every attempt of the reset mail, then comes back.
    mailer.send = () => Promise.reject(new Error('relay refused the message'));
    try {
      await api.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', {
        e: person.email,
      });
      const failed = await until(emailQueue, (q) => (q?.failed ?? 0) >= 1);
      expect(failed).toMatchObject({ failed: 1, waiting: 0, active: 0, delayed: 0 });
      expect(failed?.recentFailures[0]).toMatchObject({
        name: 'email.send',
        reason: 'relay refused the message',
        attemptsMade: 5,
      });
      const services = await asAdmin<{ adminExternalServices: Array<Record<string, unknown>> }>(
        SERVICES,
      );
      const smtp = services.data?.adminExternalServices.find((s) => s.name === 'SMTP');
      expect(smtp).toMatchObject({ isConfigured: true, isReachable: false, mode: 'SMTP relay' });
      expect(smtp?.lastError).toEqual(expect.any(String));

      mailer.send = send;
      const jobId = failed?.recentFailures[0]?.id ?? '';
      const retried = await asAdmin<{ retryFailedJob: boolean }>(RETRY, { q: 'EMAIL', id: jobId });
      expect(retried.data?.retryFailedJob).toBe(true);
      await api.mail.next(person.email);
      const after = await until(emailQueue, (q) => q?.failed === 0 && q.waiting + q.active === 0);
      expect(after).toMatchObject({ failed: 0, recentFailures: [] });
      const again = await asAdmin(RETRY, { q: 'EMAIL', id: jobId });
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ADMIN_JOB_NOT_FOUND',
      });
      const audit = await asAdmin<{
        auditLog: { edges: Array<{ node: { details: Record<string, unknown> } }> };
      }>(AUDIT, { f: { event: 'admin.job_retried' } });
      expect(audit.data?.auditLog.edges[0]?.node.details).toEqual({
        adminId: admin.userId,
        queue: 'email',
        jobId,
      });
    } finally {
      mailer.send = send;
    }
  });

  it(
    'starts a key rotation as a job, audited from request to finish',
    { timeout: 60_000 },
    async () => {
      const started = await asAdmin<{
        startEncryptionKeyRotation: { jobId: string; activeKeyId: string };
      }>('mutation { startEncryptionKeyRotation { jobId activeKeyId } }');
      expect(started.errors).toBeUndefined();
      const { jobId, activeKeyId } = started.data?.startEncryptionKeyRotation ?? {};
      expect(jobId).toMatch(/^encryption-rotate-\d+$/);
      expect(activeKeyId).toEqual(expect.any(String));
      const events = async (event: string) =>
        (
          await asAdmin<{
            auditLog: { edges: Array<{ node: { details: Record<string, unknown> } }> };
          }>(AUDIT, { f: { event } })
        ).data?.auditLog.edges ?? [];
      expect((await events('admin.encryption_rotation_requested'))[0]?.node.details).toEqual({
        adminId: admin.userId,
        activeKeyId,
        jobId,
      });
      const finished = await until(
        () => events('admin.encryption_rotation_finished'),
        (edges) => edges.length > 0,
      );
      expect(finished[0]?.node.details).toMatchObject({ activeKeyId, via: 'job' });
    },
  );

  it('reports each outside service, unconfigured ones unchecked', async () => {
    const result = await asAdmin<{
      adminExternalServices: Array<{
        name: string;
        isConfigured: boolean;
        isReachable: boolean | null;
      }>;
    }>(SERVICES);
    const byName = Object.fromEntries(
      (result.data?.adminExternalServices ?? []).map((s) => [s.name, s]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'FCM',
      'GOOGLE_SIGN_IN',
      'OPENAI',
      'SMTP',
      'VISION',
      'WEB_PUSH',
    ]);
    for (const name of ['OPENAI', 'GOOGLE_SIGN_IN', 'WEB_PUSH', 'FCM', 'VISION'])
      expect(byName[name]).toMatchObject({ isConfigured: false, isReachable: null });
    expect(byName.VISION).toMatchObject({ mode: 'off: receipts are read on this server (paddle)' });
  });

  it('reports Cloud Vision as configured when it reads the receipts', async () => {
    const visionApi = await startTestApi({ config: { OCR_PROVIDER: 'vision' } });
    try {
      const operator = await signUp(visionApi, { role: 'admin' });
      const result = await visionApi.graphql<{
        adminExternalServices: Array<{ name: string; isConfigured: boolean; mode: string }>;
      }>(SERVICES, {}, bearer(operator.accessToken));
      expect(result.data?.adminExternalServices.find((s) => s.name === 'VISION')).toMatchObject({
        isConfigured: true,
        mode: 'receipt OCR by Google Cloud Vision',
      });
    } finally {
      await visionApi.stop();
    }
  });

  it('lists the tables with sizes, and says whether slow statements can be read', async () => {
    const result = await asAdmin<{
      adminDatabase: {
        kind: string;
        totalBytes: number;
        tables: Array<{ name: string; totalBytes: number; rowEstimate: number }>;
        isStatementStatisticsAvailable: boolean;
        statementStatisticsNote: string | null;
      };
    }>(DATABASE);
    expect(result.errors).toBeUndefined();
    const database = result.data?.adminDatabase;
    expect(database?.kind).toBe(TEST_MODE === 'distributed' ? 'postgres' : 'pglite');
    expect(database?.totalBytes).toBeGreaterThan(0);
    const names = database?.tables.map((t) => t.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['users', 'audit_events', 'transactions']));
    expect(database?.tables.find((t) => t.name === 'users')?.totalBytes).toBeGreaterThan(0);
    if (!database?.isStatementStatisticsAvailable)
      expect(database?.statementStatisticsNote).toEqual(expect.any(String));
  });
});
