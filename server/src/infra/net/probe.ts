import { connect } from 'node:net';

/** What a reachability check found: whether the service answered, and what went wrong if not. */
export interface ProbeResult {
  isReachable: boolean;
  error: string | null;
}

/** Whether a TCP connection to `host:port` opens within `timeoutMs` (closed again at once). */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      done({ isReachable: false, error: `no answer within ${timeoutMs} ms` }),
    );
    socket.once('connect', () => done({ isReachable: true, error: null }));
    socket.once('error', (error: Error) => done({ isReachable: false, error: error.message }));
  });
}

/**
 * One GET within `timeoutMs`: reachable when an HTTP answer came back; an answer other than 2xx
 * is reported as the error (a refused key, a wrong path).
 */
export async function probeHttp(
  url: string,
  options: { timeoutMs: number; headers?: Record<string, string> },
): Promise<ProbeResult> {
  try {
    const response = await fetch(url, {
      headers: options.headers,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    return {
      isReachable: true,
      error: response.ok ? null : `HTTP ${response.status} ${response.statusText}`.trim(),
    };
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined) ?? error) : error;
    return { isReachable: false, error: cause instanceof Error ? cause.message : String(cause) };
  }
}
