import { randomUUID } from 'node:crypto';
import {
  createUserCategory,
  monthOf,
  type CategoryBehaviour,
  type CategoryPriority,
} from '@pace/engine';
import { BudgetError, withEngineErrors } from './budget.errors';
import type { CategoryRepository } from './category.repository';
import type { UserCategoryRow } from './category.table';
import type { BudgetMonthService } from './month.service';

export interface CategoryFields {
  name?: string | null;
  behaviour?: CategoryBehaviour | null;
  priority?: OwnPriority | null;
}

type OwnPriority = Exclude<CategoryPriority, 'buffer'>;

/** The engine's validated definition, narrowed: it refuses the buffer priority for user categories. */
function defineCategory(input: {
  id: string;
  name: string;
  behaviour?: CategoryBehaviour | null;
  priority?: OwnPriority | null;
}) {
  const definition = withEngineErrors(() =>
    createUserCategory({
      id: input.id,
      name: input.name,
      behaviour: input.behaviour ?? undefined,
      priority: input.priority ?? undefined,
    }),
  );
  const { name, behaviour, priority } = definition;
  if (priority === 'buffer')
    throw new BudgetError('BUDGET_INPUT_INVALID', { message: 'Only Flex is the buffer category.' });
  return { name, behaviour, priority };
}

export interface CategoryResult {
  category: UserCategoryRow;
  /** The edit was based on a stale version: nothing changed, the current record is returned. */
  conflict: boolean;
}

/** User-made categories (domain §2): validated by the engine, written under the user's budget lock. */
export class CategoryService {
  constructor(
    private readonly deps: { repository: CategoryRepository; months: BudgetMonthService },
  ) {}

  /** Creates once: replaying the same id returns the stored category and changes nothing. */
  async create(
    userId: string,
    input: CategoryFields & { id?: string | null; name: string },
  ): Promise<CategoryResult> {
    const id = input.id ?? `c-${randomUUID()}`;
    const { name, behaviour, priority } = defineCategory({ ...input, id });
    return this.deps.months.write<CategoryResult>(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const existing = await repository.find(userId, id);
      if (existing)
        return { value: { category: existing, conflict: false }, months: [], cause: 'plan' };
      const row = await repository.insert({
        userId,
        id,
        name,
        behaviour,
        priority,
        createdAt: context.now,
        updatedAt: context.now,
      });
      return { value: { category: row, conflict: false }, months: [], cause: 'plan' };
    });
  }

  /** Edits when `baseVersion` is current; the current month is recomputed with the new behaviour. */
  async update(
    userId: string,
    input: CategoryFields & { id: string; baseVersion: number },
  ): Promise<CategoryResult> {
    // Ownership first, so an unknown id is NOT_FOUND whatever the caller's own budget state.
    if (!(await this.deps.repository.find(userId, input.id)))
      throw new BudgetError('CATEGORY_NOT_FOUND', { categoryId: input.id });
    return this.deps.months.write<CategoryResult>(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const current = await repository.find(userId, input.id);
      if (!current) throw new BudgetError('CATEGORY_NOT_FOUND', { categoryId: input.id });
      if (current.version !== input.baseVersion)
        return { value: { category: current, conflict: true }, months: [], cause: 'plan' };
      const { name, behaviour, priority } = defineCategory({
        id: current.id,
        name: input.name ?? current.name,
        behaviour: input.behaviour ?? current.behaviour,
        priority: input.priority ?? current.priority,
      });
      const row = await repository.update(userId, current.id, {
        name,
        behaviour,
        priority,
        updatedAt: context.now,
      });
      return {
        value: { category: row, conflict: false },
        months: [monthOf(context.today)],
        cause: 'plan',
      };
    });
  }

  async list(userId: string): Promise<UserCategoryRow[]> {
    return this.deps.repository.list(userId);
  }
}
