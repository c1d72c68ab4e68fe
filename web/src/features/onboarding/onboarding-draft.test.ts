import { describe, expect, it } from 'vitest';
import {
  goalsOfDraft,
  onboardingInputOf,
  previewPlan,
  settingsOfDraft,
  type OnboardingDraft,
} from './onboarding-draft';

const DRAFT: OnboardingDraft = {
  currency: 'eur',
  timeZone: 'Europe/Berlin',
  region: 'de',
  income: '3.250,50',
  additionalIncome: '',
  bills: [
    { key: 'a', name: 'Miete', amount: '1.100', dueDay: '1' },
    { key: 'b', name: 'Internet', amount: '39,99', dueDay: '' },
  ],
  savingsTarget: '200',
  habits: { coffeePerWeek: '3', diningPerMonth: '', travelPerYear: '' },
  goals: [],
  surplusToGoals: false,
};
const CONTEXT = { userId: '7f0e1f5e-1111-4222-8333-444455556666', locale: 'de' };

describe('the onboarding draft', () => {
  it('reads amounts exactly in the person’s locale and leaves empty optional fields at zero', () => {
    const { settings, problems } = settingsOfDraft(DRAFT, CONTEXT);
    expect(problems).toEqual({});
    expect(settings).toMatchObject({
      currency: 'EUR',
      region: 'DE',
      incomeMinor: 325050,
      additionalIncomeMinor: 0,
      savingsTargetMinor: 20000,
      bills: [
        { name: 'Miete', amountMinor: 110000, dueDay: 1 },
        { name: 'Internet', amountMinor: 3999 },
      ],
      habits: { coffeePerWeek: 3 },
    });
    expect(onboardingInputOf(settings, 'id-1')).toEqual({
      id: 'id-1',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      region: 'DE',
      income: '3250.50',
      additionalIncome: '0.00',
      bills: [
        { name: 'Miete', amount: '1100.00', dueDay: 1 },
        { name: 'Internet', amount: '39.99' },
      ],
      savingsTarget: '200.00',
      habits: { coffeePerWeek: 3 },
      goals: [],
      surplusToGoals: false,
    });
  });

  it('reads goals in the order listed (their priority), makes the first plan reserve for dated ones, and sends them with onboarding', () => {
    const draft: OnboardingDraft = {
      ...DRAFT,
      goals: [
        { key: 'g1', name: ' Fahrrad ', target: '1.200', targetOn: '2027-03-31' },
        { key: 'g2', name: 'Puffer', target: '500', targetOn: '' },
      ],
      surplusToGoals: true,
    };
    const { settings } = settingsOfDraft(draft, CONTEXT);
    const { goals, problems } = goalsOfDraft(draft, { locale: 'de', today: '2026-12-05' });
    expect(problems).toEqual({});
    expect(goals.map((g) => g.input)).toEqual([
      { id: 'g1', name: 'Fahrrad', target: '1200.00', targetOn: '2027-03-31', priority: 1 },
      { id: 'g2', name: 'Puffer', target: '500.00', priority: 2 },
    ]);
    const preview = previewPlan(
      { ...settings, goals: goals.map((g) => g.plan) },
      new Date('2026-12-05T10:00:00Z'),
    );
    // 1,200.00 over December to March: 300.00 a month; the undated goal reserves nothing.
    if (preview.kind !== 'plan') throw new Error('expected a plan');
    expect(preview.plan.categories.find((c) => c.id === 'goal:g1')?.amountMinor).toBeGreaterThan(0);
    expect(preview.plan.totals.goalsMinor).toBeGreaterThan(0);
    expect(onboardingInputOf(settings, 'id-2', goals)).toMatchObject({
      goals: goals.map((g) => g.input),
      surplusToGoals: true,
    });
  });

  it('names goal fields it cannot read', () => {
    const { problems } = goalsOfDraft(
      {
        ...DRAFT,
        goals: [{ key: 'g', name: '', target: '0', targetOn: '2026-01-01' }],
      },
      { locale: 'de', today: '2026-12-05' },
    );
    expect(problems).toEqual({
      'goals.0.name': 'required',
      'goals.0.target': 'amount',
      'goals.0.targetOn': 'past',
    });
  });

  it('names every field it cannot read', () => {
    const { problems } = settingsOfDraft(
      {
        ...DRAFT,
        currency: 'EURO',
        timeZone: 'Mars/Base',
        region: 'not a region',
        income: '',
        bills: [{ key: 'a', name: '', amount: 'lots', dueDay: '32' }],
        habits: { coffeePerWeek: '-1', diningPerMonth: '', travelPerYear: '' },
      },
      CONTEXT,
    );
    expect(problems).toEqual({
      currency: 'currency',
      timeZone: 'timeZone',
      region: 'region',
      income: 'required',
      'bills.0.name': 'required',
      'bills.0.amount': 'amount',
      'bills.0.dueDay': 'dueDay',
      'habits.coffeePerWeek': 'count',
    });
  });

  it('previews the plan the engine makes, and says when bills are above income', () => {
    const { settings } = settingsOfDraft(DRAFT, CONTEXT);
    const now = new Date('2026-12-05T10:00:00Z');
    const preview = previewPlan(settings, now);
    expect(preview.kind).toBe('plan');
    if (preview.kind === 'plan') {
      expect(preview.plan.startsOn).toBe('2026-12-05');
      expect(preview.plan.totals.incomeMinor).toBe(325050);
      const placed = preview.plan.categories.reduce((sum, c) => sum + c.amountMinor, 0);
      expect(placed).toBe(preview.plan.totals.plannedMinor);
    }
    const tooMuch = previewPlan({ ...settings, incomeMinor: 100000 }, now);
    expect(tooMuch).toEqual({
      kind: 'infeasible',
      fixedMinor: 113999,
      incomeMinor: 100000,
      currency: 'EUR',
    });
  });
});
