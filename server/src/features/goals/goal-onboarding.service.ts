import type { PlanGoalInput } from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import type { OnboardingGoals } from '../budget';
import { GoalError } from './goal.errors';
import type { GoalRepository } from './goal.repository';
import { resolveFields } from './goal.service';

/** At most this many goals come with onboarding; more are made on the Goals screen. */
export const MAX_ONBOARDING_GOALS = 10;

/**
 * Goals given at onboarding: checked as createGoal checks them, handed to the first plan (nothing
 * saved yet, so a dated goal reserves its share from the first day) and inserted in onboarding's
 * transaction. A replayed onboarding never reaches them, so they are made once.
 */
export function onboardingGoals(deps: {
  repository: GoalRepository;
  newId: () => string;
}): OnboardingGoals {
  return {
    resolve(inputs, context) {
      const invalid = (message: string) => new GoalError('GOAL_INPUT_INVALID', { message });
      if (inputs.length > MAX_ONBOARDING_GOALS)
        throw invalid(`goals: at most ${MAX_ONBOARDING_GOALS} at onboarding.`);
      const ids = new Set<string>();
      return inputs.map((input, index): PlanGoalInput => {
        if (input.id != null && !isUuid(input.id))
          throw invalid(`goals[${index}].id must be a UUID.`);
        const id = input.id ?? deps.newId();
        if (ids.has(id)) throw invalid(`goals[${index}].id is given twice.`);
        ids.add(id);
        const fields = resolveFields({ ...input, status: 'active' }, context, null);
        return { id, savedMinor: 0, ...fields };
      });
    },
    async insert(tx, userId, goals, now) {
      const repository = deps.repository.with(tx);
      for (const goal of goals) {
        const inserted = await repository.insertUnlessExists({
          id: goal.id,
          userId,
          name: goal.name,
          targetMinor: goal.targetMinor,
          targetOn: goal.targetOn ?? null,
          priority: goal.priority ?? 1,
          status: 'active',
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        });
        if (!inserted) throw new GoalError('GOAL_ID_TAKEN');
      }
    },
  };
}
