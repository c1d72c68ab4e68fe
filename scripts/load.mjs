// `npm run load`: the bounded load run of server/bench/load.ts (two API nodes on 127.0.0.1,
// PostgreSQL + Redis, autocannon). LOAD_DURATION_S (default 120), LOAD_USERS, LOAD_CONNECTIONS,
// LOAD_WRITE_SHARE and LOAD_REPLAY_SHARE tune it; results go to bench/results/load-latest.*.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['bench/load.ts'], {
  cwd: path.join(root, 'server'),
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
