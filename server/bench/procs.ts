// Process plumbing shared by the benchmarks and the load run that start real API nodes: free ports,
// child processes with their CPU and memory from /proc, a scratch PostgreSQL database and a Redis
// key prefix that are removed afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import postgres from 'postgres';

export const serverDir = path.resolve(import.meta.dirname, '..');
export const rootDir = path.resolve(serverDir, '..');
export const ADMIN_URL =
  process.env.PACE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.PACE_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** CPU seconds (user + system) of a child process so far, from /proc. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size of a process in bytes, from /proc. */
export function rssBytes(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? Number.NaN) * 1024;
  } catch {
    return Number.NaN;
  }
}

/** Children started here, stopped (SIGTERM, then waited for) by `stopAll`. */
export class Children {
  readonly list: ChildProcess[] = [];

  start(command: string, args: string[], env: Record<string, string>): ChildProcess {
    const child = spawn(command, args, {
      cwd: serverDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.resume();
    this.list.push(child);
    return child;
  }

  async stopAll(): Promise<void> {
    const running = this.list.filter(
      (child) => child.exitCode === null && child.signalCode === null,
    );
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(
      running.map((child) => new Promise((resolve) => child.once('exit', resolve))),
    );
  }
}

/** Environment of one API node in distributed mode with the limits a benchmark must not hit. */
export function apiNodeEnv(options: {
  port: number;
  databaseUrl: string;
  prefix: string;
  nodeId: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    REDIS_URL,
    PACE_KEY_PREFIX: options.prefix,
    PACE_NODE_ID: options.nodeId,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    PASSWORD_HASH_MEMORY_KIB: '1024',
    ACCESS_TOKEN_TTL_S: '7200',
    RATE_LIMIT_REGISTER: '100000/1m',
    RATE_LIMIT_LOGIN: '100000/1m',
    RATE_LIMIT_LOGIN_FAILURES: '100000/1m',
    RATE_LIMIT_ANONYMOUS: '100000/1m',
    RATE_LIMIT_API_STANDARD: '100000000/1m',
    RATE_LIMIT_API_PREMIUM: '100000000/1m',
    GRAPHQL_MAX_COMPLEXITY: '100000',
  };
}

/** A scratch database and Redis key prefix of their own; `drop` removes both. */
export async function scratch(label: string) {
  const name = `pace_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `p${label}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const redis = new Redis(REDIS_URL);
  const versions = {
    postgres:
      (await admin<Array<{ server_version: string }>>`show server_version`)[0]?.server_version ??
      'unknown',
    redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown',
  };
  return {
    name,
    prefix,
    databaseUrl,
    versions,
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
