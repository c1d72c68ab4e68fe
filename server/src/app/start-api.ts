import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildPaceSchema } from '../graphql/schema';
import { createGraphQLServer } from '../graphql/server';
import { findRepoPath } from '../infra/fs/repo-paths';
import { InProcessQueue } from '../infra/queue/in-process-queue';
import type { Config } from './config';
import { createContainer, type Container, type ContainerOptions } from './container';
import { createHttpApp, GRAPHQL_PATH } from './http';
import { resolverInstances } from './services';

export interface RunningApi {
  container: Container;
  server: Server;
  url: string;
  /** Stops accepting work, drains requests, sockets and in-process jobs, then closes adapters. */
  stop(): Promise<void>;
}

/** Starts one API node on `config.PORT` (0 picks a free port). */
export async function startApi(
  config: Config,
  options: Omit<ContainerOptions, 'role'> = {},
): Promise<RunningApi> {
  const container = await createContainer(config, { ...options, role: 'api' });
  try {
    const schema = await buildPaceSchema(resolverInstances(container.services));
    const server = createServer();
    const graphql = await createGraphQLServer({
      container,
      schema,
      httpServer: server,
      path: GRAPHQL_PATH,
    });
    const webDir = config.PACE_WEB_DIR
      ? path.resolve(config.PACE_WEB_DIR)
      : findRepoPath('web/out');
    server.on('request', createHttpApp({ container, graphql, webDir }));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    container.logger.info({ url, mode: container.mode }, 'Pace API listening');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        container.logger.info('shutting down: draining requests, sockets and jobs');
        await graphql.closeSockets();
        await graphql.apollo.stop();
        if (container.queue instanceof InProcessQueue) await container.queue.drain();
        await container.close();
      })());
    return { container, server, url, stop };
  } catch (error) {
    await container.close();
    throw error;
  }
}
