import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; one logger per process, children carry request ids. */
export function createLogger(options: { level: string; nodeId: string }): Logger {
  return pino({
    level: options.level,
    base: { node: options.nodeId },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'],
      remove: true,
    },
  });
}
