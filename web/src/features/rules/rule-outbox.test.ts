import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase, type RuleRecord } from '@/lib/db';
import { replayOutbox } from '@/lib/sync/replay';
import { resolveConflict } from '@/lib/sync/conflicts';
import {
  GraphqlRequestError,
  NetworkUnavailableError,
  type GraphqlTransport,
} from '@/lib/sync/transport';
import { createRule, deleteRule, editRule, moveRule } from './rule-outbox';
import type { RuleDefinition } from './rules.operations';
import type { WireRule } from './rule-sync';

/**
 * A fake API keeping rules as the server does (docs/rules.md): ids from the client, creates
 * idempotent, positions 0…n−1, a version that grows with each edit (not with a move), a stale
 * edit answered as a conflict with the current rule, a second delete NOT_FOUND.
 */
function fakeApi() {
  const rules = new Map<string, WireRule>();
  const calls: string[] = [];
  let online = true;
  const live = () =>
    [...rules.values()].filter((r) => !r.deletedAt).sort((a, b) => a.position - b.position);
  const renumber = (ordered: WireRule[]) => ordered.forEach((r, i) => (r.position = i));
  const wire = (input: Record<string, unknown>, base: Partial<WireRule>): WireRule => ({
    id: input.id as string,
    position: base.position ?? live().length,
    textPattern: (input.textPattern as string | null) ?? null,
    textMatch: (input.textMatch as 'CONTAINS' | 'GLOB') ?? 'CONTAINS',
    minAmount: input.minAmount ? { amount: input.minAmount as string, currency: 'USD' } : null,
    maxAmount: input.maxAmount ? { amount: input.maxAmount as string } : null,
    accountId: null,
    setCategoryId: (input.setCategoryId as string | null) ?? null,
    renameMerchant: (input.renameMerchant as string | null) ?? null,
    addTags: (input.addTags as string[]) ?? [],
    version: base.version ?? 1,
    updatedAt: 'now',
    deletedAt: null,
  });
  const transport: GraphqlTransport = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    if (!online) throw new NetworkUnavailableError();
    const name = /(?:mutation|query) (\w+)/.exec(query)?.[1] ?? '';
    calls.push(name);
    const input = variables?.input as Record<string, unknown> | undefined;
    const own = (id: unknown) => {
      const rule = rules.get(id as string);
      if (!rule || rule.deletedAt) throw new GraphqlRequestError('NOT_FOUND', 'RULE_NOT_FOUND');
      return rule;
    };
    if (name === 'RuleCreate' && input) {
      const id = input.id as string;
      if (!rules.has(id)) rules.set(id, wire(input, {}));
      return { createRule: { conflict: false, rule: { ...rules.get(id) } } } as T;
    }
    if (name === 'RuleUpdate' && input) {
      const rule = own(input.id);
      if (rule.version !== input.baseVersion)
        return { updateRule: { conflict: true, rule: { ...rule } } } as T;
      rules.set(rule.id, wire(input, { position: rule.position, version: rule.version + 1 }));
      return { updateRule: { conflict: false, rule: { ...rules.get(rule.id) } } } as T;
    }
    if (name === 'RuleMove') {
      const rule = own(variables?.id);
      const others = live().filter((r) => r.id !== rule.id);
      others.splice(Math.min(variables?.position as number, others.length), 0, rule);
      renumber(others);
      return { moveRule: { rules: live().map((r) => ({ id: r.id, position: r.position })) } } as T;
    }
    if (name === 'RuleDelete') {
      const rule = own(variables?.id);
      rule.deletedAt = 'now';
      rule.version += 1;
      renumber(live());
      return { deleteRule: { rule: { id: rule.id } } } as T;
    }
    throw new Error(`unexpected ${name}`);
  };
  return {
    transport,
    rules,
    calls,
    live,
    setOnline: (value: boolean) => {
      online = value;
    },
  };
}

const rule = (textPattern: string, setCategoryId: string): RuleDefinition => ({
  textPattern,
  textMatch: 'CONTAINS',
  minAmount: null,
  maxAmount: null,
  setCategoryId,
  renameMerchant: null,
  addTags: [],
});

const ordered = async (db: PaceDatabase): Promise<RuleRecord[]> =>
  (await db.rules.toArray()).sort((a, b) => a.position - b.position);

let db: PaceDatabase;
let n = 0;
beforeEach(async () => {
  db = new PaceDatabase(`rules-outbox-${++n}`);
  await db.open();
  await db.settings.put({
    key: 'budget',
    currency: 'USD',
    timeZone: 'UTC',
    rollover: 'spread',
    incomeMinor: 500_000,
    version: 1,
    updatedAt: 'now',
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('rules written offline', () => {
  it('shows a create, an edit and a move at once and queues them with the client id', async () => {
    const pizza = await createRule(db, rule('pizza', 'dining_out'), 'USD');
    const bus = await createRule(
      db,
      { ...rule('  city   bus ', 'transport_public'), minAmount: '1.50', addTags: ['Work'] },
      'USD',
    );
    await editRule(db, pizza, rule('pizza place', 'delivery'));
    await moveRule(db, bus, 0);

    expect(await ordered(db)).toMatchObject([
      {
        id: bus,
        position: 0,
        textPattern: 'city bus',
        minAmountMinor: 150,
        addTags: ['work'],
        pending: 1,
      },
      { id: pizza, position: 1, textPattern: 'pizza place', setCategoryId: 'delivery', pending: 1 },
    ]);
    // The edit of a rule not sent yet is folded into its create: the server sees one rule.
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(queued.map((e) => [e.operationName, e.recordId])).toEqual([
      ['createRule', pizza],
      ['createRule', bus],
      ['moveRule', bus],
    ]);
    expect(queued[0]?.variables.input).toMatchObject({
      id: pizza,
      textPattern: 'pizza place',
      setCategoryId: 'delivery',
    });
  });

  it('keeps the queue while the API is unreachable, then replays it in order, once', async () => {
    const api = fakeApi();
    const pizza = await createRule(db, rule('pizza', 'dining_out'), 'USD');
    const bus = await createRule(db, rule('bus', 'transport_public'), 'USD');
    await moveRule(db, bus, 0);
    api.setOnline(false);
    expect(await replayOutbox(db, api.transport)).toMatchObject({ stoppedBy: 'network' });
    expect(await db.outbox.count()).toBe(3);

    api.setOnline(true);
    expect(await replayOutbox(db, api.transport)).toEqual({
      sent: 3,
      conflicts: 0,
      stoppedBy: null,
    });
    expect(api.calls).toEqual(['RuleCreate', 'RuleCreate', 'RuleMove']);
    expect(api.live().map((r) => [r.id, r.position])).toEqual([
      [bus, 0],
      [pizza, 1],
    ]);
    // The mirror now holds the server's rules, nothing pending.
    expect(await ordered(db)).toMatchObject([
      { id: bus, position: 0, version: 1, pending: 0 },
      { id: pizza, position: 1, version: 1 },
    ]);
    expect((await db.rules.get(pizza))?.pending).toBeFalsy();
    expect(await db.outbox.count()).toBe(0);

    // A create answered but its answer lost is sent again: still one rule.
    await db.outbox.add({
      mutationId: crypto.randomUUID(),
      operationName: 'createRule',
      recordId: pizza,
      variables: { input: { id: pizza, ...rule('pizza', 'dining_out') } },
      createdAt: 'now',
      attempts: 0,
      lastError: null,
    });
    await replayOutbox(db, api.transport);
    expect(api.live()).toHaveLength(2);
  });

  it('edits a synced rule with the version it read, after a move, without a conflict', async () => {
    const api = fakeApi();
    const a = await createRule(db, rule('a', 'books'), 'USD');
    const b = await createRule(db, rule('b', 'books'), 'USD');
    await replayOutbox(db, api.transport);

    await moveRule(db, b, 0);
    await editRule(db, a, rule('aa', 'gadgets'));
    await deleteRule(db, b);
    expect(await ordered(db)).toMatchObject([{ id: a, position: 0, textPattern: 'aa' }]);
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(queued.map((e) => e.operationName)).toEqual(['moveRule', 'updateRule', 'deleteRule']);
    expect(queued[1]?.variables.input).toMatchObject({ id: a, baseVersion: 1 });

    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 3, conflicts: 0 });
    expect(api.live()).toMatchObject([{ id: a, position: 0, textPattern: 'aa', version: 2 }]);
    expect(await ordered(db)).toMatchObject([{ id: a, position: 0, version: 2 }]);
    expect(await db.conflicts.count()).toBe(0);
  });

  it('drops a delete of a rule already gone on the server without asking', async () => {
    const api = fakeApi();
    const a = await createRule(db, rule('a', 'books'), 'USD');
    await replayOutbox(db, api.transport);
    // Another device deleted it; this one deletes it too before hearing of it.
    api.rules.get(a)!.deletedAt = 'now';
    await deleteRule(db, a);
    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 0, conflicts: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
  });
});

describe('a rule edited on two devices', () => {
  it('keeps the newer server rule, shows the conflict, and sends mine again when chosen', async () => {
    const api = fakeApi();
    const id = await createRule(db, rule('pizza', 'books'), 'USD');
    await replayOutbox(db, api.transport);

    // Offline here, the rule is changed to delivery; meanwhile another device set takeaway.
    await editRule(db, id, rule('pizza', 'delivery'));
    const server = api.rules.get(id)!;
    api.rules.set(id, { ...server, setCategoryId: 'takeaway', version: 2 });

    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 1, conflicts: 1 });
    expect(api.rules.get(id)).toMatchObject({ setCategoryId: 'takeaway', version: 2 });
    expect(await db.rules.get(id)).toMatchObject({ setCategoryId: 'takeaway', version: 2 });
    const conflict = await db.conflicts.get(id);
    expect(conflict).toMatchObject({
      kind: 'conflict',
      entity: 'rule',
      operationName: 'updateRule',
      server: { setCategoryId: 'takeaway', version: 2 },
    });

    await resolveConflict(db, conflict!, 'mine');
    // Mine shows at once, then reaches the server on top of its version.
    expect(await db.rules.get(id)).toMatchObject({ setCategoryId: 'delivery', pending: 1 });
    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 1, conflicts: 0 });
    expect(api.rules.get(id)).toMatchObject({ setCategoryId: 'delivery', version: 3 });
    expect(await db.rules.get(id)).toMatchObject({ setCategoryId: 'delivery', version: 3 });
    expect(await db.conflicts.count()).toBe(0);
  });

  it('keeping theirs leaves the server rule on the device and sends nothing', async () => {
    const api = fakeApi();
    const id = await createRule(db, rule('pizza', 'books'), 'USD');
    await replayOutbox(db, api.transport);
    await editRule(db, id, rule('pizza', 'delivery'));
    api.rules.set(id, { ...api.rules.get(id)!, setCategoryId: 'takeaway', version: 2 });
    await replayOutbox(db, api.transport);

    await resolveConflict(db, (await db.conflicts.get(id))!, 'theirs');
    expect(await db.rules.get(id)).toMatchObject({ setCategoryId: 'takeaway', version: 2 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('an edit of a rule deleted elsewhere is a refusal; discarding it drops the rule here', async () => {
    const api = fakeApi();
    const id = await createRule(db, rule('pizza', 'books'), 'USD');
    await replayOutbox(db, api.transport);
    await editRule(db, id, rule('pizza', 'delivery'));
    api.rules.get(id)!.deletedAt = 'now';

    expect(await replayOutbox(db, api.transport)).toMatchObject({ conflicts: 1 });
    const refusal = await db.conflicts.get(id);
    expect(refusal).toMatchObject({ kind: 'rejected', entity: 'rule', code: 'NOT_FOUND' });
    await resolveConflict(db, refusal!, 'theirs');
    expect(await db.rules.get(id)).toBeUndefined();
  });
});
