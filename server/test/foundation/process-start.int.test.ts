import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../processes';

describe('process start-up', () => {
  it('exits non-zero with one line per configuration problem and no stack trace', async () => {
    const node = spawnServer('main', { PORT: 'abc', DATABASE_URL: 'nonsense', REDIS_URL: 'ftp://x' });
    const code = await new Promise<number | null>((resolve) => node.child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = node.output().trim().split('\n');
    expect(lines[0]).toBe('pace-api: invalid configuration');
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'REDIS_URL']);
    expect(node.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses to start a worker without REDIS_URL, with a clear message', async () => {
    const node = spawnServer('worker', { PACE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pace-w-')) });
    const code = await new Promise<number | null>((resolve) => node.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(node.output()).toContain('The worker needs REDIS_URL');
    expect(node.output()).not.toMatch(/\n\s+at /);
  });
});
