import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_MODE } from '../kit';

const root = path.resolve(import.meta.dirname, '../../..');
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

// No container engine runs here: the file is validated and resolved by docker-compose itself.
describe.runIf(TEST_MODE === 'embedded')('docker-compose.yml', () => {
  it.runIf(hasCompose)('is valid and describes the distributed setup', () => {
    const resolved = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      cwd: root,
    }).toString();
    expect(resolved).toMatch(/image: postgres:16/);
    expect(resolved).toMatch(/image: redis:7/);
    expect(resolved).toMatch(/api:[\s\S]*scale: 2/);
    expect(resolved).toMatch(/worker:[\s\S]*server\/dist\/worker\.js/);
    expect(resolved).toMatch(/mail:/);
    expect(resolved).toContain('DATABASE_URL: postgres://pace:pace@postgres:5432/pace');
    expect(resolved).toContain('REDIS_URL: redis://redis:6379');
  });

  it('is checked on CI, where docker-compose is installed', () => {
    if (process.env.CI) expect(hasCompose).toBe(true);
  });
});
