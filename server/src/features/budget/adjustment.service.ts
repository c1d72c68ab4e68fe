import { compareLocalDates, monthOf, type LocalDate } from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';
import type { AdjustmentRepository } from './adjustment.repository';
import { applyAdjustments, planAllocationOf } from './adjustment.rules';
import type { BudgetAdjustmentRow } from './adjustment.table';
import { BudgetError } from './budget.errors';
import type { BudgetMonthService } from './month.service';
import { isUuid } from '../../graphql/ids';

export interface AdjustRequest {
  id?: string | null;
  fromCategoryId: string;
  fromOn: LocalDate;
  toCategoryId: string;
  toOn: LocalDate;
  amount: string;
}

const invalid = (message: string) => new BudgetError('BUDGET_INPUT_INVALID', { message });

/** Manual moves between (category, day) cells, kept as rows that every recompute applies. */
export class AdjustmentService {
  constructor(
    private readonly deps: {
      repository: AdjustmentRepository;
      months: BudgetMonthService;
      newId: () => string;
    },
  ) {}

  /** The month's manual moves that are in force, oldest first. */
  async list(userId: string, month: string): Promise<BudgetAdjustmentRow[]> {
    return this.deps.repository.listLive(userId, month);
  }

  /** One of the person's moves in force (not deleted), or null. */
  async find(userId: string, id: string): Promise<BudgetAdjustmentRow | null> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    return row && row.userId === userId && !row.deletedAt ? row : null;
  }

  /** Moves an amount once (a replay of the same id returns the stored move). */
  async adjust(userId: string, input: AdjustRequest): Promise<BudgetAdjustmentRow> {
    if (input.id != null && !isUuid(input.id)) throw invalid('id must be a UUID.');
    const id = input.id ?? this.deps.newId();
    return this.deps.months.write<BudgetAdjustmentRow>(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const existing = await repository.find(id);
      if (existing) {
        if (existing.userId !== userId) throw invalid('id is already taken.');
        return { value: existing, months: [], cause: 'plan' };
      }
      const month = monthOf(input.fromOn);
      if (monthOf(input.toOn) !== month) throw invalid('Both days must be in the same month.');
      if (
        compareLocalDates(input.fromOn, context.today) < 0 ||
        compareLocalDates(input.toOn, context.today) < 0
      )
        throw invalid('Past days cannot change.');
      if (input.fromCategoryId === input.toCategoryId && input.fromOn === input.toOn)
        throw invalid('Pick two different cells.');
      const amountMinor = parseAmount(input.amount, context.settings.currency, { field: 'amount' });
      if (amountMinor <= 0) throw invalid('amount must be more than zero.');
      const plan = (await this.deps.months.ensurePlan(tx, context, month))?.plan;
      if (!plan) throw new BudgetError('PLAN_NOT_FOUND', { month });
      const adjusted = applyAdjustments(plan.plan, await repository.listLive(userId, month)).plan;
      const inPlan = new Set(adjusted.categories.map((c) => c.id));
      if (!inPlan.has(input.fromCategoryId) || !inPlan.has(input.toCategoryId))
        throw invalid('Both categories must be in the month’s plan.');
      if (planAllocationOf(adjusted, input.fromCategoryId, input.fromOn) < amountMinor)
        throw invalid('The day does not have that much to give.');
      const { fromCategoryId, fromOn, toCategoryId, toOn } = input;
      const row = await repository.insert({
        id,
        userId,
        month,
        fromCategoryId,
        fromOn,
        toCategoryId,
        toOn,
        amountMinor,
        createdAt: context.now,
      });
      return { value: row, months: [month], cause: 'plan' };
    });
  }

  /** Undoes a manual move; deleting twice changes nothing. */
  async delete(userId: string, id: string): Promise<BudgetAdjustmentRow> {
    const owned = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!owned || owned.userId !== userId) throw new BudgetError('ADJUSTMENT_NOT_FOUND');
    return this.deps.months.write<BudgetAdjustmentRow>(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const current = await repository.find(id);
      if (!current || current.userId !== userId) throw new BudgetError('ADJUSTMENT_NOT_FOUND');
      if (current.deletedAt) return { value: current, months: [], cause: 'plan' };
      return {
        value: await repository.markDeleted(id, context.now),
        months: [current.month],
        cause: 'plan',
      };
    });
  }
}
