import 'reflect-metadata';
import { runProcess } from './app/run-process';
import { startApi } from './app/start-api';

await runProcess('pace-api', async (config) => {
  const api = await startApi(config);
  return {
    stop: () => api.stop(),
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    logger: api.container.logger,
  };
});
