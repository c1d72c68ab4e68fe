// `npm run persisted:manifest [-- <file>]` (run by tsx, to import the TypeScript operation files):
// the PWA's GraphQL operations as a persisted-query manifest
// (sha256 of the normalised text → text) for the server's PERSISTED_QUERIES=allowlist mode.
// The normalisation is the server's (server/src/graphql/persisted-queries.ts): printed
// canonically, without `__typename` selections; the server refuses a manifest whose hashes differ.
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kind, parse, print, visit } from 'graphql';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(root, process.argv[2] ?? 'persisted-queries.json');

/** Every `*.operations.ts` file under `dir`. */
function operationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return operationFiles(full);
    return entry.name.endsWith('.operations.ts') ? [full] : [];
  });
}

/** The server's normalised text of an operation. */
function normalise(query) {
  const document = visit(parse(query, { noLocation: true }), {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
  });
  return print(
    visit(document, {
      SelectionSet: (node) =>
        node.selections.length > 0
          ? undefined
          : {
              ...node,
              selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
            },
    }),
  );
}

const manifest = {};
for (const file of operationFiles(path.join(root, 'src')).sort()) {
  const exported = await import(pathToFileURL(file).href);
  for (const value of Object.values(exported)) {
    if (typeof value !== 'string') continue;
    let hasOperation = false;
    try {
      hasOperation = parse(value).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
    } catch {
      continue; // not a GraphQL document (a fragment piece or another string)
    }
    if (!hasOperation) continue;
    const text = normalise(value);
    manifest[createHash('sha256').update(text).digest('hex')] = text;
  }
}
const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(out, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(
  `${Object.keys(sorted).length} operations written to ${path.relative(process.cwd(), out)}`,
);
