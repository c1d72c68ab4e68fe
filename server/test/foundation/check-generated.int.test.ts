import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_MODE } from '../kit';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

async function check(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['scripts/check-generated.mjs', ...args],
      { cwd: root },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

// The check reads files only, so one mode is enough.
describe.runIf(TEST_MODE === 'embedded')('check:generated', () => {
  it('passes on the committed artefacts and fails on a stale schema.graphql', async () => {
    expect(await check([])).toMatchObject({ code: 0 });

    const stale = path.join(mkdtempSync(path.join(tmpdir(), 'pace-sdl-')), 'schema.graphql');
    const sdl = readFileSync(path.join(root, 'schema.graphql'), 'utf8');
    writeFileSync(stale, sdl.replace('type Query {', 'type Query {\n  removedField: String'));
    const result = await check(['--schema', stale]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('is stale: run `npm run schema:emit`');
  }, 120_000);

  it('fails on a stale docs/errors.md', async () => {
    const stale = path.join(mkdtempSync(path.join(tmpdir(), 'pace-errors-')), 'errors.md');
    const page = readFileSync(path.join(root, 'docs/errors.md'), 'utf8');
    writeFileSync(stale, page.replace('| `GOAL_NOT_FOUND` |', '| `GOAL_GONE` |'));
    const result = await check(['--errors-doc', stale]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('is stale: run `npm run docs:errors`');
  }, 120_000);
});
