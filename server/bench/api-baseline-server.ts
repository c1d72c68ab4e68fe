// Baseline of B1 (bench/api.ts runs it as a child process): node:http + graphql-jit (each document
// compiled once, on Pace's own schema so scalars, enums and payload are identical) + postgres.js
// running the SQL the dashboard needs. No auth, no rate limit, no Apollo/Express: the viewer's id
// comes in a header. The dashboard is assembled by Pace's own BudgetQueryService and toDashboard.
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { GraphQLFieldResolver, GraphQLObjectType } from 'graphql';
import { parse } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import postgres from 'postgres';
import { localDateOf, monthOf } from '@pace/engine';
import { BudgetQueryService, type BudgetMonthService } from '../src/features/budget';
import { toDashboard } from '../src/features/budget/dashboard.type';
import { decodeSnapshot, type StoredSnapshot } from '../src/features/budget/month-snapshot.rules';
import { toTransaction, type TransactionRow } from '../src/features/transactions';
import { buildPaceSchema } from '../src/graphql/schema';

const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!databaseUrl || !port) throw new Error('DATABASE_URL and PORT are required');

// Columns are aliased to the row shapes by hand: a client-side name transform would also walk the
// snapshot's nested JSON keys, a cost the API does not pay.
const sql = postgres(databaseUrl, {
  max: 10,
  onnotice: () => undefined,
  connection: { application_name: 'pace-bench-baseline' },
});

const TRANSACTION_COLUMNS = sql`id, user_id as "userId", amount_minor::float8 as "amountMinor", currency, direction, category_id as "categoryId", description, merchant,
  occurred_at as "occurredAt", booked_on::text as "bookedOn", source, version, change_seq::float8 as "changeSeq", created_at as "createdAt", updated_at as "updatedAt",
  deleted_at as "deletedAt"`;

async function dashboardOf(userId: string) {
  const months = {
    readCurrentMonth: async (id: string) => {
      const now = Date.now();
      const candidates = [
        monthOf(localDateOf(new Date(now - 86_400_000), 'UTC')),
        monthOf(localDateOf(new Date(now + 86_400_000), 'UTC')),
      ];
      const rows = await sql<
        Array<{
          time_zone: string;
          planMonth: string | null;
          planId: string | null;
          revision: number | null;
          snapshotPlanId: string | null;
          planRevision: number | null;
          computedFor: string | null;
          snapshot: StoredSnapshot | null;
        }>
      >`select s.*, p.id as "planId", p.month as "planMonth", p.revision,
          ms.plan_id as "snapshotPlanId", ms.plan_revision as "planRevision", ms.computed_for::text as "computedFor", ms.snapshot, ms.computed_at
        from budget_settings s
        left join budget_plans p on p.user_id = s.user_id and (p.month = ${candidates[0]!} or p.month = ${candidates[1]!})
        left join budget_month_snapshots ms on ms.user_id = p.user_id and ms.month = p.month
        where s.user_id = ${id}`;
      const [first] = rows;
      if (!first) throw new Error('no settings');
      const today = localDateOf(new Date(now), first.time_zone);
      const row = rows.find((r) => r.planMonth === monthOf(today));
      if (
        !row?.snapshot ||
        row.snapshotPlanId !== row.planId ||
        row.planRevision !== row.revision ||
        row.computedFor !== today
      )
        throw new Error('snapshot is not current');
      return { today, snapshot: decodeSnapshot(row.snapshot) };
    },
  };
  return new BudgetQueryService({ months: months as unknown as BudgetMonthService }).getDashboard(
    userId,
  );
}

const schema = await buildPaceSchema();
const query = schema.getQueryType()!;
const dashboardType = schema.getType('Dashboard') as GraphQLObjectType;
type Context = { userId: string };
const resolveDashboard: GraphQLFieldResolver<unknown, Context> = async (_root, _args, ctx) =>
  toDashboard(await dashboardOf(ctx.userId));
const resolveRecent: GraphQLFieldResolver<unknown, Context, { first: number }> = async (
  _root,
  args,
  ctx,
) => {
  const rows = await sql<
    TransactionRow[]
  >`select ${TRANSACTION_COLUMNS} from transactions where user_id = ${ctx.userId} and deleted_at is null
    order by booked_on desc, occurred_at desc, id desc limit ${Math.min(args.first, 50)}`;
  return rows.map(toTransaction);
};
query.getFields().dashboard!.resolve = resolveDashboard;
dashboardType.getFields().recentTransactions!.resolve = resolveRecent as GraphQLFieldResolver<
  unknown,
  Context
>;

const compiled = new Map<string, CompiledQuery>();
function compiledOf(text: string): CompiledQuery {
  let entry = compiled.get(text);
  if (!entry) {
    const result = compileQuery(schema, parse(text));
    if (!isCompiledQuery(result)) throw new Error(JSON.stringify(result.errors));
    entry = result;
    compiled.set(text, entry);
  }
  return entry;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const result = await compiledOf(body.query).query(
          undefined,
          { userId: String(req.headers['x-viewer'] ?? '') },
          body.variables ?? {},
        );
        const out = JSON.stringify(result);
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(out),
        });
        res.end(out);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    })();
  });
});
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
const stop = () => {
  server.close();
  void sql.end({ timeout: 2 }).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
