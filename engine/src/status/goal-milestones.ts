/**
 * Goal milestone notifications (domain §5): when progress crosses 25 / 50 / 75 / 90 / 100 %
 * between two states of a goal (a crossing, never "near"); going down reports nothing.
 */
import { crossedGoalMilestones, type GoalAmounts } from '../goals/goals';

/** A goal that crossed milestones, the highest one to announce. */
export interface GoalMilestoneEvent {
  readonly goalId: string;
  readonly milestone: number;
  readonly crossed: readonly number[];
}

/** A goal's identity and amounts. */
export interface GoalSnapshot extends GoalAmounts {
  readonly id: string;
}

/** Milestones crossed by each goal between the previous and the next snapshots. */
export function diffGoalMilestones(
  previous: readonly GoalSnapshot[],
  next: readonly GoalSnapshot[],
): GoalMilestoneEvent[] {
  const before = new Map(previous.map((goal) => [goal.id, goal]));
  const events: GoalMilestoneEvent[] = [];
  for (const goal of next) {
    const was = before.get(goal.id) ?? { targetMinor: goal.targetMinor, savedMinor: 0 };
    const crossed = crossedGoalMilestones(was, goal);
    const highest = crossed.at(-1);
    if (highest !== undefined) events.push({ goalId: goal.id, milestone: highest, crossed });
  }
  return events;
}
