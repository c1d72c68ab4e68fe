import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineErrors } from '../../src/graphql/app-error';
import {
  ERROR_CATALOGUE,
  ERROR_CLASSES,
  ERRORS_WITHOUT_REASON,
  PUBLIC_CODE_DESCRIPTIONS,
  catalogueOf,
} from '../../src/graphql/error-catalogue';
import { createErrorFormatter } from '../../src/graphql/format-error';
import { AccessError } from '../../src/graphql/scopes';
import { createLogger } from '../../src/infra/logger';
import { SERVER_DIR, startTestApi, TEST_MODE, type TestApi } from '../kit';

const SOURCE_DIR = path.join(SERVER_DIR, 'src');

/** The server's own TypeScript sources (no tests), relative to src/. */
function sourceFiles(dir = SOURCE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
      ? [path.relative(SOURCE_DIR, full)]
      : [];
  });
}

const sources = sourceFiles().map((file) => ({
  file,
  text: readFileSync(path.join(SOURCE_DIR, file), 'utf8'),
}));

/** A formatter whose log lines are kept, to see what it reports. */
function formatterWithLog(strictReasons: boolean) {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'error',
    nodeId: 'test',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { format: createErrorFormatter(logger, { strictReasons }), lines };
}

const MadeUpError = defineErrors<'MADE_UP_REASON'>('MadeUpError', {
  MADE_UP_REASON: {
    publicCode: 'CONFLICT',
    when: 'Never: this class exists only in this test.',
    action: 'Nothing.',
    message: () => 'Made up.',
  },
});

function thrownInResolver(error: Error): GraphQLError {
  return new GraphQLError(error.message, { path: ['someField'], originalError: error });
}

describe('the error catalogue', () => {
  it('holds every defineErrors table of the server, and AppErrors come only from defineErrors', () => {
    const declared = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/defineErrors(?:<[^>]*>)?\(\s*'(\w+)'/g)].map((m) => `${m[1]} (${file})`),
    );
    const catalogued = new Set(ERROR_CLASSES.map((c) => c.errorName));
    const missing = declared.filter((entry) => !catalogued.has(entry.split(' ')[0] ?? ''));
    expect(missing, 'add these classes to ERROR_CLASSES in graphql/error-catalogue.ts').toEqual([]);
    expect(declared.length).toBe(ERROR_CLASSES.length);

    const subclasses = sources
      .filter(
        ({ file, text }) => file !== 'graphql/app-error.ts' && /extends AppError\b/.test(text),
      )
      .map(({ file }) => file);
    expect(subclasses, 'declare errors with defineErrors').toEqual([]);
  });

  it('knows every place that puts a reason into an error’s extensions', () => {
    // Both emit AppError codes only; a new place must send catalogued reasons too.
    const emitters = sources
      .filter(({ text }) => /extensions:\s*\{[^}]*\breason\b/.test(text))
      .map(({ file }) => file)
      .sort();
    expect(emitters).toEqual(['graphql/format-error.ts', 'graphql/scopes.ts']);
  });

  it('gives every reason a public code, when it happens and what to do', () => {
    expect(ERROR_CATALOGUE.length).toBeGreaterThan(50);
    const incomplete = ERROR_CATALOGUE.filter(
      (entry) =>
        !(entry.code in PUBLIC_CODE_DESCRIPTIONS) ||
        entry.when.trim().length < 10 ||
        entry.action.trim().length < 5,
    ).map((entry) => entry.reason);
    expect(incomplete).toEqual([]);
    for (const entry of ERRORS_WITHOUT_REASON) {
      expect(entry.when.trim().length, entry.code).toBeGreaterThan(10);
      expect(entry.action.trim().length, entry.code).toBeGreaterThan(5);
    }
    const reasons = ERROR_CATALOGUE.map((entry) => entry.reason);
    expect(reasons).toEqual([...new Set(reasons)].sort());
  });

  it('refuses two classes declaring the same reason', () => {
    const Twin = defineErrors<'MADE_UP_REASON'>('Twin', MadeUpError.definitions);
    expect(() => catalogueOf([MadeUpError, Twin])).toThrow(
      'MADE_UP_REASON is declared by both MadeUpError and Twin',
    );
  });

  it('lets the formatter detect a reason the catalogue lacks (strict in tests)', () => {
    const strict = formatterWithLog(true);
    const refused = strict.format(
      { message: 'Made up.', path: ['someField'] },
      thrownInResolver(new MadeUpError('MADE_UP_REASON')),
    );
    expect(refused.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      uncataloguedReason: 'MADE_UP_REASON',
    });
    expect(strict.lines.join('')).toContain('error reason missing from the error catalogue');

    const lenient = formatterWithLog(false);
    const sent = lenient.format(
      { message: 'Made up.', path: ['someField'] },
      thrownInResolver(new MadeUpError('MADE_UP_REASON')),
    );
    expect(sent.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MADE_UP_REASON' });
    expect(lenient.lines.join('')).toContain('"reason":"MADE_UP_REASON"');

    const passed = strict.format(
      { message: '', path: ['someField'] },
      thrownInResolver(new AccessError('TOKEN_EXPIRED')),
    );
    expect(passed.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(strict.lines).toHaveLength(1);
  });
});

describe(`the error catalogue in the schema (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('is the ErrorReason enum, each value described with its code, when and what to do', async () => {
    const answer = await api.graphql<{
      __type: { enumValues: { name: string; description: string | null }[] } | null;
    }>('{ __type(name: "ErrorReason") { enumValues { name description } } }');
    const values = answer.data?.__type?.enumValues ?? [];
    expect(values.map((v) => v.name).sort()).toEqual(ERROR_CATALOGUE.map((e) => e.reason));
    const goalNotFound = values.find((v) => v.name === 'GOAL_NOT_FOUND')?.description ?? '';
    expect(goalNotFound).toMatch(/^NOT_FOUND\. When: .+ What to do: .+/);
  });

  it('is listed by the public errorReasons query, without a token', async () => {
    const answer = await api.graphql<{
      errorReasons: { reason: string; code: string; when: string; action: string }[];
    }>('{ errorReasons { reason code when action } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.errorReasons).toEqual(
      ERROR_CATALOGUE.map(({ reason, code, when, action }) => ({ reason, code, when, action })),
    );
  });

  it('lets catalogued reasons through the strict formatter of a test node', async () => {
    const answer = await api.graphql('{ categories { id } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'UNAUTHENTICATED',
    });
  });
});
