import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';
import { budgetClient, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import { joinHousehold } from '../households/household-client';

/**
 * A person's saved CSV mappings reach their other devices through `changes(since)`: a save, a
 * save under the same name, and a delete (a tombstone). They stay the person's own: nobody else,
 * not even the owner of the household budget they act on, pulls them.
 */

const clock = fixedClock('2026-03-10T15:00:00Z');

const SAVE = `mutation($input: SaveCsvMappingInput!) { saveCsvMapping(input: $input) { csvMapping { id } } }`;
const DELETE = `mutation($id: ID!) { deleteCsvMapping(id: $id) { deletedCsvMappingId } }`;
const MAPPINGS = `query { csvMappings { id name dateFormat } }`;
const CHANGES = `query($since: String) { changes(since: $since) { cursor hasMore changes {
  kind id deleted csvMapping { id name header dateFormat columns { date amount payee } } } } }`;

interface MappingChange {
  kind: string;
  id: string;
  deleted: boolean;
  csvMapping: {
    id: string;
    name: string;
    header: string[];
    dateFormat: string;
    columns: { date: string; amount: string | null; payee: string | null };
  } | null;
}
interface Changes {
  changes: { cursor: string; hasMore: boolean; changes: MappingChange[] };
}

const HEADER = ['Date', 'Amount', 'Payee'];
const MAPPING = {
  name: 'My bank',
  header: HEADER,
  columns: { date: 'Date', amount: 'Amount', payee: 'Payee' },
};

describe(`saved CSV mappings sync to the person's devices (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const as = (user: TestUser) => budgetClient(api, user);

  async function mappingChanges(user: TestUser, since: string | null) {
    const { changes } = await as(user).call<Changes>(CHANGES, { since });
    expect(changes.hasMore).toBe(false);
    return {
      cursor: changes.cursor,
      mappings: changes.changes.filter((change) => change.kind === 'CSV_MAPPING'),
    };
  }

  async function save(user: TestUser, input: Record<string, unknown>): Promise<string> {
    const saved = await as(user).call<{ saveCsvMapping: { csvMapping: { id: string } } }>(SAVE, {
      input,
    });
    return saved.saveCsvMapping.csvMapping.id;
  }

  it('lists a saved mapping, its update and its delete as a tombstone; the name is free again', async () => {
    const person = await signUp(api);
    await as(person).call(ONBOARD, { input: US_ONBOARDING });
    const start = await mappingChanges(person, null);
    expect(start.mappings).toEqual([]);

    const id = await save(person, MAPPING);
    const saved = await mappingChanges(person, start.cursor);
    expect(saved.mappings).toEqual([
      {
        kind: 'CSV_MAPPING',
        id,
        deleted: false,
        csvMapping: {
          id,
          name: 'My bank',
          header: HEADER,
          dateFormat: 'YYYY_MM_DD',
          columns: { date: 'Date', amount: 'Amount', payee: 'Payee' },
        },
      },
    ]);
    // Nothing new: nothing listed again.
    expect((await mappingChanges(person, saved.cursor)).mappings).toEqual([]);

    // Saved again for the same bank: the same record comes again, as it is now.
    expect(await save(person, { ...MAPPING, dateFormat: 'DD_MM_YYYY' })).toBe(id);
    const updated = await mappingChanges(person, saved.cursor);
    expect(updated.mappings).toEqual([
      expect.objectContaining({
        id,
        deleted: false,
        csvMapping: expect.objectContaining({ id, dateFormat: 'DD_MM_YYYY' }),
      }),
    ]);

    await as(person).call(DELETE, { id });
    const deleted = await mappingChanges(person, updated.cursor);
    expect(deleted.mappings).toEqual([
      expect.objectContaining({ kind: 'CSV_MAPPING', id, deleted: true }),
    ]);
    // Gone for reads and for a second delete.
    expect((await as(person).call<{ csvMappings: unknown[] }>(MAPPINGS)).csvMappings).toEqual([]);
    expect(errorCodes(await as(person).raw(DELETE, { id }))).toEqual(['NOT_FOUND']);

    // The name of a deleted mapping is free: saving it again is a new mapping.
    const again = await save(person, MAPPING);
    expect(again).not.toBe(id);
    const listed = await as(person).call<{ csvMappings: Array<{ id: string }> }>(MAPPINGS);
    expect(listed.csvMappings.map((m) => m.id)).toEqual([again]);
    const resaved = await mappingChanges(person, deleted.cursor);
    expect(resaved.mappings.map((m) => [m.id, m.deleted])).toEqual([[again, false]]);

    // A device starting from nothing learns of the tombstone and of the live mapping, in order.
    const fromStart = await mappingChanges(person, null);
    expect(fromStart.mappings.map((m) => [m.id, m.deleted])).toEqual([
      [id, true],
      [again, false],
    ]);
  });

  it("never lists another person's mapping, nor a household member's to the owner or back", async () => {
    const owner = await signUp(api);
    await as(owner).call(ONBOARD, { input: US_ONBOARDING });
    const member = await signUp(api);
    await joinHousehold(api, owner, member, 'MEMBER');
    const stranger = await signUp(api);
    await as(stranger).call(ONBOARD, { input: US_ONBOARDING });

    const ownerMapping = await save(owner, { ...MAPPING, name: 'Owner bank' });
    const memberMapping = await save(member, { ...MAPPING, name: 'Member bank' });
    const strangerMapping = await save(stranger, { ...MAPPING, name: 'Stranger bank' });
    // Each deletes nothing of another's.
    expect(errorCodes(await as(owner).raw(DELETE, { id: memberMapping }))).toEqual(['NOT_FOUND']);

    const idsOf = async (user: TestUser) =>
      (await mappingChanges(user, null)).mappings.map((m) => m.id);
    expect(await idsOf(owner)).toEqual([ownerMapping]);
    // The member acts on the owner's budget, yet their mappings stay their own.
    expect(await idsOf(member)).toEqual([memberMapping]);
    expect(await idsOf(stranger)).toEqual([strangerMapping]);
  });
});
