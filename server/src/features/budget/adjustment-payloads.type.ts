import { Field, ObjectType } from 'type-graphql';
import { BudgetAdjustment } from './adjustment.type';

@ObjectType({ description: 'The manual move `moveBudget` stored.' })
export class MoveBudgetPayload {
  @Field(() => BudgetAdjustment, {
    description: 'The move, in force from now on (a replay with the same id returns it unchanged).',
  })
  budgetAdjustment!: BudgetAdjustment;
}

@ObjectType({ description: 'The manual move `undoBudgetMove` took back.' })
export class UndoBudgetMovePayload {
  @Field(() => BudgetAdjustment, {
    description: 'The move, now deleted: the month is recomputed without it.',
  })
  budgetAdjustment!: BudgetAdjustment;
}
