import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, CREATE, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const EXPORT = `query { exportTransactions { content } }`;
const HOSTILE = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '+1+1', '-2+3', '\tTAB', '\rCR'];

describe(`CSV export against formula injection (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock: fixedClock('2026-03-01T15:00:00Z') });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('escapes cells a spreadsheet would run, and keeps negative amounts numbers', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    for (const text of HOSTILE)
      await client.call(CREATE, {
        input: {
          amount: '12.30',
          direction: 'EXPENSE',
          categoryId: 'flex',
          description: text,
          merchant: text,
          bookedOn: '2026-03-01',
        },
      });
    const { content } = (await client.call<{ exportTransactions: { content: string } }>(EXPORT))
      .exportTransactions;
    for (const text of HOSTILE) {
      const cell = `'${text}`;
      // Quoted in the file, so the leading quote is part of the cell's text.
      expect(content).toContain(`"${cell.replaceAll('"', '""')}"`);
    }
    const records = parse<Record<string, string>>(content, { columns: true });
    expect(records).toHaveLength(HOSTILE.length);
    expect(records.map((r) => r.memo).sort()).toEqual(HOSTILE.map((t) => `'${t}`).sort());
    expect(records.map((r) => r.payee).sort()).toEqual(HOSTILE.map((t) => `'${t}`).sort());
    // Money out is written as a plain negative number, never escaped.
    expect(records.every((r) => r.amount === '-12.30')).toBe(true);
    expect(content).toMatch(/^2026-03-01,-12\.30,USD,/m);
  });
});
