// B7 login throughput: logins/s at saturation through GraphQL over HTTP (embedded mode, production
// argon2id parameters) against bare `argon2.verify` with the same parameters, in the same process.
// Rounds alternate between the two and the median of each is reported. Writes bench/results/login.json.
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { loadConfig } from '../src/app/config';
import { startApi } from '../src/app/start-api';
import { createLogger } from '../src/infra/logger';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PASSWORD = 'correct horse battery staple 42';
const MEMORY_KIB = 19_456;

async function saturate(work: () => Promise<void>): Promise<number> {
  let done = 0;
  const deadline = performance.now() + ROUND_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await work();
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const dataDir = mkdtempSync(path.join(tmpdir(), 'pace-bench-login-'));
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  PACE_DATA_DIR: dataDir,
  PASSWORD_HASH_MEMORY_KIB: String(MEMORY_KIB),
  RATE_LIMIT_LOGIN: '100000000/1m',
  RATE_LIMIT_ANONYMOUS: '100000000/1m',
  RATE_LIMIT_ANONYMOUS_REQUESTS: '100000000/1m',
  RATE_LIMIT_LOGIN_FAILURES: '100000000/1m',
  RATE_LIMIT_REGISTER: '100000/1m',
});
const api = await startApi(config, { logger: createLogger({ level: 'silent', nodeId: 'bench' }) });
try {
  const email = 'bench@example.com';
  const post = (query: string, variables: Record<string, unknown>) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json() as Promise<{ data?: unknown; errors?: unknown[] }>);
  const registered = await post(
    'mutation($i: RegisterInput!) { register(input: $i) { accessToken deviceToken } }',
    {
      i: {
        email,
        password: PASSWORD,
        name: 'Bench',
        currency: 'EUR',
        country: 'DE',
        timeZone: 'UTC',
        locale: 'en',
      },
    },
  );
  if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  // A returning device, as the PWA signs in: with the proof it kept at sign-up.
  const deviceToken = (registered.data as { register: { deviceToken: string } }).register
    .deviceToken;
  const login = async () => {
    const result = await post(
      'mutation($e: String!, $p: String!, $d: String) { login(email: $e, password: $p, deviceToken: $d) { accessToken } }',
      { e: email, p: PASSWORD, d: deviceToken },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  const storedHash = await hash(PASSWORD, {
    algorithm: 2 as Algorithm,
    memoryCost: MEMORY_KIB,
    timeCost: 2,
    parallelism: 1,
  });
  const bare = async () => {
    if (!(await verify(storedHash, PASSWORD))) throw new Error('verify failed');
  };

  await saturate(login); // warm-up: JIT, signing key, connection pool
  const http: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    http.push(await saturate(login));
    raw.push(await saturate(bare));
  }
  const result = {
    id: 'login',
    description:
      'B7 login throughput at saturation: GraphQL login over HTTP (embedded) vs bare argon2.verify, same parameters, same process',
    argon2: { algorithm: 'argon2id', memoryKib: MEMORY_KIB, timeCost: 2, parallelism: 1 },
    concurrency: CONCURRENCY,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
    uvThreadpoolSize: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
    nproc: availableParallelism(),
    loginsPerSecond: {
      graphqlHttp: Math.round(median(http) * 10) / 10,
      bareVerify: Math.round(median(raw) * 10) / 10,
    },
    samples: {
      graphqlHttp: http.map((v) => Math.round(v * 10) / 10),
      bareVerify: raw.map((v) => Math.round(v * 10) / 10),
    },
    target: 80,
  };
  const out = path.resolve(import.meta.dirname, '../../bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'login.json'), `${JSON.stringify(result, null, 2)}\n`);
  const ratio =
    Math.round((result.loginsPerSecond.graphqlHttp / result.loginsPerSecond.bareVerify) * 100) /
    100;
  const md = [
    `argon2id m=${MEMORY_KIB} KiB t=2 p=1 · ${CONCURRENCY} concurrent · ${ROUNDS} interleaved rounds of ${ROUND_MS} ms · UV_THREADPOOL_SIZE ${result.uvThreadpoolSize} · embedded mode`,
    '',
    '| id | measure | Pace | baseline | ratio | goal | met? |',
    '|---|---|---|---|---|---|---|',
    `| B7 | login/s at saturation vs bare argon2.verify | ${result.loginsPerSecond.graphqlHttp} (${result.samples.graphqlHttp.join(' / ')}) | ${result.loginsPerSecond.bareVerify} (${result.samples.bareVerify.join(' / ')}) | ${ratio} | ≥ 0.9 | ${ratio >= 0.9 ? 'yes' : 'no'} |`,
    `| B7 | login/s absolute | ${result.loginsPerSecond.graphqlHttp} | — | — | ≥ ${result.target} | ${result.loginsPerSecond.graphqlHttp >= result.target ? 'yes' : 'no'} |`,
  ];
  writeFileSync(path.join(out, 'login.md'), `${md.join('\n')}\n`);
  console.table({
    'GraphQL login over HTTP': {
      'logins/s (median)': result.loginsPerSecond.graphqlHttp,
      samples: result.samples.graphqlHttp.join(' / '),
    },
    'bare argon2.verify': {
      'logins/s (median)': result.loginsPerSecond.bareVerify,
      samples: result.samples.bareVerify.join(' / '),
    },
  });
  console.log(
    `overhead of the API: ${Math.round((1 - result.loginsPerSecond.graphqlHttp / result.loginsPerSecond.bareVerify) * 100)}% · target ≥ ${result.target}/s`,
  );
} finally {
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
