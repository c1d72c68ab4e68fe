// Writes the sorted SDL to schema.graphql at the repository root (`npm run schema:emit`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaceSchema, printSortedSchema } from '../src/graphql/schema';

const target =
  process.argv[2] ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');
writeFileSync(target, printSortedSchema(await buildPaceSchema()));
console.log(`schema written to ${path.relative(process.cwd(), target)}`);
