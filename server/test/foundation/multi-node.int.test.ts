import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import {
  bearer,
  createPostgresDatabase,
  isDistributed,
  postGraphQL,
  REDIS_TEST_URL,
  signUpAdminOverHttp,
  uniqueName,
} from '../kit';
import { freePort, isHealthy, spawnServer, waitFor, type NodeProcess } from '../processes';
import { redisChannelProbe, subscribe } from '../subscriptions';

/**
 * The distributed setup as deployed: two API processes and one worker process (the bundled build)
 * sharing PostgreSQL and Redis.
 */
describe.runIf(isDistributed)('two API nodes and a worker', () => {
  const nodes: NodeProcess[] = [];
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const urls: string[] = [];
  const prefix = uniqueName('pt');

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: REDIS_TEST_URL,
      PACE_KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    };
    const ports = [await freePort(), await freePort()];
    for (const [index, port] of ports.entries()) {
      const node = spawnServer('main', {
        ...env,
        PORT: String(port),
        PACE_NODE_ID: `api-${index}`,
      });
      nodes.push(node);
      urls.push(`http://127.0.0.1:${port}`);
    }
    const worker = spawnServer('worker', { ...env, PACE_NODE_ID: 'worker-0', LOG_LEVEL: 'info' });
    nodes.push(worker);
    await Promise.all(urls.map((url, i) => waitFor(nodes[i] as NodeProcess, () => isHealthy(url))));
    await waitFor(worker, () => worker.output().includes('Pace worker started'));
  });

  afterAll(async () => {
    const codes = await Promise.all(nodes.map((node) => node.stop()));
    await database?.drop();
    expect(codes, nodes.map((n) => n.output()).join('\n---\n')).toEqual([0, 0, 0]);
  });

  it('relays an event caused on node B to a subscriber on node A; the worker runs the job once', async () => {
    const [nodeA, nodeB] = urls as [string, string];
    const admin = bearer(await signUpAdminOverHttp(nodeA, database.url));
    const live = await subscribe<{
      systemCheckCompleted: {
        id: string;
        requestedByNode: string;
        processedByNode: string;
        deliveries: number;
      };
    }>(
      nodeA,
      'subscription { systemCheckCompleted { id requestedByNode processedByNode deliveries } }',
      {
        connectionParams: admin,
        // Node A is another process: Redis says when its subscription is in place.
        registered: redisChannelProbe(REDIS_TEST_URL, `${prefix}:system.checkCompleted:*`),
      },
    );
    try {
      const started = await postGraphQL<{ runSystemCheck: { id: string } }>(
        nodeB,
        'mutation { runSystemCheck { id } }',
        {},
        admin,
      );
      const id = started.data?.runSystemCheck.id;
      expect(id).toBeTruthy();
      const event = await live.next(15_000);
      expect(event.systemCheckCompleted).toEqual({
        id,
        requestedByNode: 'api-1',
        processedByNode: 'worker-0',
        deliveries: 1,
      });

      // Exactly once: the row was delivered to one handler once, and BullMQ shows one completion.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const sql = postgres(database.url, { max: 1 });
      const rows =
        await sql`select deliveries, status from system_checks where id = ${id as string}`;
      await sql.end();
      expect(rows).toEqual([{ deliveries: 1, status: 'completed' }]);
    } finally {
      await live.close();
    }
  });

  it('serves the same health on every node with redis connected', async () => {
    for (const url of urls) {
      expect(await (await fetch(`${url}/health/redis`)).json()).toMatchObject({ status: 'ok' });
      expect(await (await fetch(`${url}/health/db`)).json()).toMatchObject({
        status: 'ok',
        kind: 'postgres',
      });
    }
  });
});
