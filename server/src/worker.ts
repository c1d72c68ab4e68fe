import 'reflect-metadata';
import { runProcess } from './app/run-process';
import { startWorker } from './app/start-worker';

await runProcess('pace-worker', async (config) => {
  const worker = await startWorker(config);
  return {
    stop: () => worker.stop(),
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    logger: worker.container.logger,
  };
});
