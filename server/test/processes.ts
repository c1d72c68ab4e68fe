import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SERVER_DIR } from './kit';

export interface NodeProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the built server (`dist/main.js` or `dist/worker.js`) as its own process. */
export function spawnServer(entry: 'main' | 'worker', env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, [path.join(SERVER_DIR, 'dist', `${entry}.js`)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Waits until `check` passes or the process exits; fails with the process output. */
export async function waitFor(
  node: NodeProcess,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.child.exitCode !== null)
      throw new Error(`process exited (${node.child.exitCode}):\n${node.output()}`);
    if (await Promise.resolve(check()).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms:\n${node.output()}`);
}

export async function isHealthy(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/health`).catch(() => undefined);
  return response?.status === 200;
}

/** A port that was free a moment ago, for a child process to listen on. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
