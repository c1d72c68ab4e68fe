// Greps the log of a whole test run (PACE_TEST_LOG_FILE=<file> npm test, then
// `node scripts/check-log-secrets.mjs <file>`) for anything shaped like a secret; exits 1 on any.
import { readFileSync } from 'node:fs';

const SHAPES = [
  ['argon2 hash', /\$argon2(id|i|d)\$/],
  ['JSON web token', /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/],
  ['personal access token', /pace_pat_[\w-]{8,}/],
  ['e-mail address', /[\w.+-]+@[\w-]+\.[\w.-]*[a-z]{2,}/i],
  ['statement parameters', /params:/],
];

export function findSecrets(text) {
  const found = [];
  for (const [index, line] of text.split('\n').entries()) {
    for (const [name, shape] of SHAPES) {
      if (shape.test(line)) found.push({ line: index + 1, name });
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/check-log-secrets.mjs <log file>');
    process.exit(2);
  }
  const found = findSecrets(readFileSync(file, 'utf8'));
  for (const { line, name } of found.slice(0, 50)) console.error(`${file}:${line}: ${name}`);
  console.log(
    found.length === 0 ? 'no secrets in the log' : `${found.length} secret-shaped values`,
  );
  process.exit(found.length === 0 ? 0 : 1);
}
