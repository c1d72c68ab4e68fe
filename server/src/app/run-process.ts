import type { Logger } from '../infra/logger';
import { ConfigError, loadConfig, type Config } from './config';

/**
 * Keeps a node serving after a failure nobody awaited (a promise rejected with no handler, an
 * exception thrown from a callback): Node's default is to exit, which would end every other
 * request and, embedded, the whole service. Each is logged once through the logger, which drops
 * statement parameters and secrets.
 */
export function surviveStrayFailures(target: NodeJS.EventEmitter, logger: Logger): void {
  target.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled rejection; the process keeps running');
  });
  target.on('uncaughtException', (error: Error) => {
    logger.error({ err: error }, 'uncaught exception; the process keeps running');
  });
}

/**
 * Shared start-up of the API and worker processes: parse the configuration (listing every problem
 * and exiting 1 when it is wrong), start, and stop gracefully on SIGTERM/SIGINT.
 */
export async function runProcess(
  name: string,
  start: (config: Config) => Promise<{ stop(): Promise<void>; timeoutMs: number; logger: Logger }>,
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name}: invalid configuration\n${error.problems.join('\n')}\n`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const running = await start(config);
    surviveStrayFailures(process, running.logger);
    const onSignal = (signal: NodeJS.Signals) => {
      const timer = setTimeout(() => {
        process.stderr.write(
          `${name}: shutdown took longer than ${running.timeoutMs} ms, exiting\n`,
        );
        process.exit(1);
      }, running.timeoutMs);
      timer.unref();
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(
            `${name}: error during shutdown after ${signal}: ${String(error)}\n`,
          );
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  } catch (error) {
    // Known start-up refusals (locked data directory, newer schema …) are one clear line.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name}: could not start: ${message}\n`);
    process.exit(1);
  }
}
