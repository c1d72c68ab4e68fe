import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, isHealthy, spawnServer, waitFor } from '../processes';

describe('process start-up', () => {
  it(
    'exits non-zero with one line per configuration problem and no stack trace',
    { timeout: 90_000 },
    async () => {
      const node = spawnServer('main', {
        PORT: 'abc',
        DATABASE_URL: 'nonsense',
        REDIS_URL: 'ftp://x',
      });
      const code = await new Promise<number | null>((resolve) => node.child.once('exit', resolve));
      expect(code).toBe(1);
      const lines = node.output().trim().split('\n');
      expect(lines[0]).toBe('pace-api: invalid configuration');
      expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
        'PORT',
        'DATABASE_URL',
        'REDIS_URL',
      ]);
      expect(node.output()).not.toMatch(/\n\s+at /);
    },
  );

  it('refuses to start a worker without REDIS_URL, with a clear message', async () => {
    const node = spawnServer('worker', {
      PACE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pace-w-')),
    });
    const code = await new Promise<number | null>((resolve) => node.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(node.output()).toContain('The worker needs REDIS_URL');
    expect(node.output()).not.toMatch(/\n\s+at /);
  });
});

describe('graceful shutdown', () => {
  it(
    'closes websockets with 1001, finishes, and exits 0 on SIGTERM',
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const node = spawnServer('main', {
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        PACE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pace-stop-')),
      });
      await waitFor(node, () => isHealthy(`http://127.0.0.1:${port}`));
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const closed = new Promise<number>((resolve) =>
        socket.once('close', (code) => resolve(code)),
      );
      expect(await node.stop()).toBe(0);
      expect(await closed).toBe(1001);
      expect(node.output()).toContain('shutting down');
    },
  );
});
