import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadConfig } from './config';

describe('the README documents the configuration', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  // The first cell of each row of the configuration table: one or more `NAME`s.
  const documented = new Set(
    readme
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)])
      .map((match) => match[1]),
  );
  it.each(CONFIG_KEYS.map((key) => [key]))('%s has a row', (key) => {
    expect(documented.has(key), `add ${key} to the README's configuration table`).toBe(true);
  });
});

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, PACE_DATA_DIR: './.data', LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('treats empty URLs as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, ['PORT']],
    [{ PORT: '70000' }, ['PORT']],
    [{ DATABASE_URL: 'nonsense' }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'mysql://x@y/z' }, ['DATABASE_URL']],
    [{ REDIS_URL: 'http://localhost' }, ['REDIS_URL']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
    [
      { PORT: 'abc', DATABASE_URL: 'nonsense', LOG_LEVEL: 'loud' },
      ['PORT', 'DATABASE_URL', 'LOG_LEVEL'],
    ],
  ])('lists every problem of %o', (env, keys) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual(keys);
  });

  it('never prints a password from a URL', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://user:secret@host/db' });
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).not.toContain('secret');
    }
  });
});
