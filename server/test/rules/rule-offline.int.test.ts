import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

// What a device replaying its outbox of rule writes relies on (docs/rules.md, "Sync and
// offline"): client ids make a create idempotent, a move keeps versions so an edit queued behind
// it is no conflict, an edit based on a version another device moved on is one, and a delete
// sent twice is NOT_FOUND the second time.

const clock = fixedClock('2026-03-15T15:00:00Z');

const RULE = 'id position textPattern setCategoryId version deletedAt';
const CREATE_RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { conflict rule { ${RULE} } } }`;
const UPDATE_RULE = `mutation($input: UpdateRuleInput!) { updateRule(input: $input) { conflict rule { ${RULE} } } }`;
const DELETE_RULE = `mutation($id: ID!) { deleteRule(id: $id) { rule { ${RULE} } } }`;
const MOVE_RULE = `mutation($id: ID!, $position: Int!) { moveRule(id: $id, position: $position) { rules { ${RULE} } } }`;
const CHANGES = `query($since: String) { changes(since: $since, first: 500) { cursor
  changes { kind id deleted rule { ${RULE} } } } }`;

interface RuleView {
  id: string;
  position: number;
  textPattern: string | null;
  setCategoryId: string | null;
  version: number;
  deletedAt: string | null;
}
interface Written {
  conflict: boolean;
  rule: RuleView;
}

describe(`rules written from a device's outbox (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function person() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const create = async (input: Record<string, unknown>) =>
      (await client.call<{ createRule: Written }>(CREATE_RULE, { input })).createRule;
    const update = async (input: Record<string, unknown>) =>
      (await client.call<{ updateRule: Written }>(UPDATE_RULE, { input })).updateRule;
    const move = async (id: string, position: number) =>
      (await client.call<{ moveRule: { rules: RuleView[] } }>(MOVE_RULE, { id, position })).moveRule
        .rules;
    return { client, create, update, move };
  }

  it('creates a rule with the device’s id once, however often the create is replayed', async () => {
    const { create } = await person();
    const id = randomUUID();
    const first = await create({ id, textPattern: 'corner cafe', setCategoryId: 'coffee' });
    const again = await create({ id, textPattern: 'corner cafe', setCategoryId: 'coffee' });
    expect(first).toMatchObject({ conflict: false, rule: { id, position: 0, version: 1 } });
    expect(again).toEqual(first);
  });

  it('keeps versions on a move, so an edit queued after it is no conflict; devices see the move', async () => {
    const { client, create, update, move } = await person();
    const a = (await create({ id: randomUUID(), textPattern: 'a', setCategoryId: 'books' })).rule;
    const b = (await create({ id: randomUUID(), textPattern: 'b', setCategoryId: 'books' })).rule;
    const { changes: before } = await client.call<{ changes: { cursor: string } }>(CHANGES, {
      since: null,
    });

    const moved = await move(b.id, 0);
    expect(moved.map((r) => [r.id, r.position, r.version])).toEqual([
      [b.id, 0, 1],
      [a.id, 1, 1],
    ]);
    // The edit this device queued after the move still carries the version it read.
    const edited = await update({
      id: a.id,
      baseVersion: a.version,
      textPattern: 'aa',
      setCategoryId: 'books',
    });
    expect(edited).toMatchObject({ conflict: false, rule: { textPattern: 'aa', version: 2 } });

    const { changes } = await client.call<{
      changes: { changes: Array<{ kind: string; rule: RuleView | null }> };
    }>(CHANGES, { since: before.cursor });
    const pulled = changes.changes.flatMap((c) => (c.kind === 'RULE' && c.rule ? [c.rule] : []));
    expect(pulled.map((r) => [r.id, r.position])).toEqual(
      expect.arrayContaining([
        [b.id, 0],
        [a.id, 1],
      ]),
    );
  });

  it('answers an edit based on a version another device moved on with the newer rule', async () => {
    const { create, update } = await person();
    const rule = (await create({ id: randomUUID(), textPattern: 'pizza', setCategoryId: 'books' }))
      .rule;
    // The other device's edit lands first.
    await update({ id: rule.id, baseVersion: 1, textPattern: 'pizza', setCategoryId: 'delivery' });
    const stale = await update({
      id: rule.id,
      baseVersion: 1,
      textPattern: 'pizza',
      setCategoryId: 'dining_out',
    });
    expect(stale).toMatchObject({
      conflict: true,
      rule: { setCategoryId: 'delivery', version: 2 },
    });
  });

  it('refuses a second delete of the same rule as NOT_FOUND and keeps the first', async () => {
    const { client, create } = await person();
    const rule = (await create({ id: randomUUID(), textPattern: 'gone', setCategoryId: 'books' }))
      .rule;
    const first = await client.call<{ deleteRule: { rule: RuleView } }>(DELETE_RULE, {
      id: rule.id,
    });
    expect(first.deleteRule.rule.deletedAt).not.toBeNull();
    const again = await client.raw(DELETE_RULE, { id: rule.id });
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
  });
});
