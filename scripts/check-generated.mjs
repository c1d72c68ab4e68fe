// Fails when a generated artefact differs from the code that generates it:
//   schema.graphql (emitted SDL), docs/errors.md (error catalogue), drizzle/ (migrations vs
//   *.table.ts), web GraphQL types.
// `--schema FILE` compares the emitted SDL against FILE instead of schema.graphql;
// `--errors-doc FILE` compares the error catalogue against FILE instead of docs/errors.md.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const schemaFile = args.includes('--schema')
  ? path.resolve(args[args.indexOf('--schema') + 1])
  : path.join(root, 'schema.graphql');
const errorsDocFile = args.includes('--errors-doc')
  ? path.resolve(args[args.indexOf('--errors-doc') + 1])
  : path.join(root, 'docs/errors.md');
const work = mkdtempSync(path.join(tmpdir(), 'pace-check-'));
const problems = [];
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
};
const run = (cmd, cmdArgs, cwd) => {
  try {
    return execFileSync(cmd, cmdArgs, { cwd, env, stdio: 'pipe', timeout: 120_000 }).toString();
  } catch (error) {
    console.error(
      `check:generated: \`${path.basename(cmd)} ${cmdArgs.join(' ')}\` failed:\n${error.stderr ?? error.message}`,
    );
    process.exit(1);
  }
};

try {
  // 1. The SDL the server would emit now.
  const emitted = path.join(work, 'schema.graphql');
  run(bin('tsx'), ['scripts/emit-schema.ts', emitted], path.join(root, 'server'));
  if (readFileSync(emitted, 'utf8') !== readFileSync(schemaFile, 'utf8')) {
    problems.push(
      `${path.relative(root, schemaFile)} is stale: run \`npm run schema:emit\` and commit it.`,
    );
  }

  // 2. The error catalogue's page, from the same *.errors.ts tables as the schema's ErrorReason.
  const errorsDoc = path.join(work, 'errors.md');
  run(bin('tsx'), ['scripts/emit-error-docs.ts', errorsDoc], path.join(root, 'server'));
  const committedDoc = existsSync(errorsDocFile) ? readFileSync(errorsDocFile, 'utf8') : '';
  if (readFileSync(errorsDoc, 'utf8') !== committedDoc) {
    problems.push(
      `${path.relative(root, errorsDocFile)} is stale: run \`npm run docs:errors\` and commit it.`,
    );
  }

  // 3. Migrations: generating into a copy of drizzle/ must produce nothing new.
  const migrations = path.join(work, 'drizzle');
  cpSync(path.join(root, 'drizzle'), migrations, { recursive: true });
  const before = readdirSync(migrations).length;
  run(
    bin('drizzle-kit'),
    [
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      './src/features/*/*.table.ts',
      '--casing',
      'snake_case',
      '--out',
      migrations,
    ],
    path.join(root, 'server'),
  );
  if (readdirSync(migrations).length !== before) {
    problems.push(
      'drizzle/ misses a migration for the *.table.ts files: run `npm run db:generate -w server` and commit it.',
    );
  }

  // 4. Web types generated from the committed schema.graphql.
  const generated = path.join(root, 'web/src/lib/graphql/generated.ts');
  const committed = readFileSync(generated, 'utf8');
  try {
    run(bin('graphql-codegen'), ['--config', 'codegen.ts', '--silent'], path.join(root, 'web'));
    if (readFileSync(generated, 'utf8') !== committed) {
      problems.push(
        'web/src/lib/graphql/generated.ts is stale: run `npm run codegen` and commit it.',
      );
    }
  } finally {
    writeFileSync(generated, committed);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`check:generated failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  'check:generated: schema.graphql, docs/errors.md, migrations and web types match the code',
);
