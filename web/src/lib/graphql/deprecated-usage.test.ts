import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  Kind,
  NoDeprecatedCustomRule,
  parse,
  validate,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The PWA moves off what the API deprecates before integrators have to (issue #15): no operation
 * of its own calls a deprecated mutation or reads a deprecated field.
 */

const schema = buildSchema(
  readFileSync(path.resolve(import.meta.dirname, '../../../../schema.graphql'), 'utf8'),
);

const modules = import.meta.glob<Record<string, unknown>>('/src/**/*.operations.ts', {
  eager: true,
});

/** Every exported operation document of the `*.operations.ts` files, by file and export name. */
function operations(): Array<{ where: string; document: DocumentNode }> {
  return Object.entries(modules).flatMap(([file, exported]) =>
    Object.entries(exported).flatMap(([name, value]) => {
      if (typeof value !== 'string') return [];
      try {
        const document = parse(value);
        const isOperation = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
        return isOperation ? [{ where: `${file} ${name}`, document }] : [];
      } catch {
        return []; // a fragment piece or another string
      }
    }),
  );
}

/** What a document uses that the schema deprecates, as `Type.field` (or `Enum.VALUE`). */
function deprecatedUses(document: DocumentNode): string[] {
  return validate(schema, document, [NoDeprecatedCustomRule]).map(
    (error) => /The (?:field|enum value) ([\w.]+) is deprecated/.exec(error.message)?.[1] ?? '?',
  );
}

describe('the PWA’s GraphQL operations', () => {
  const all = operations();

  it('are found', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('are each valid against the schema (fields, arguments, variables and fragments)', () => {
    const invalid = all.flatMap(({ where, document }) =>
      validate(schema, document).map((error) => `${where}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });

  it('call no deprecated mutation and read no deprecated field', () => {
    const uses = all.flatMap(({ where, document }) =>
      deprecatedUses(document).map((use) => `${where}: ${use}`),
    );
    expect(uses).toEqual([]);
  });

  it('notices a deprecated mutation', () => {
    expect(deprecatedUses(parse('mutation { logout }'))).toEqual(['Mutation.logout']);
    expect(deprecatedUses(parse('mutation { signOut { signedOut } }'))).toEqual([]);
  });
});
