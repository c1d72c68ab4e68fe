import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, connectionFromList, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { budgetOwnerIdOf } from '../households';
import type { PlanService } from '../budget';
import type { RuleService } from './rule.service';
import {
  ApplyRulePayload,
  CreateRuleInput,
  DeleteRulePayload,
  MoveRulePayload,
  Rule,
  RuleConnection,
  RuleDefinitionInput,
  RulePayload,
  RulePreview,
  RuleSuggestion,
  UpdateRuleInput,
  toApplyRulePayload,
  toRule,
  toRulePayload,
  toRulePreview,
  toRuleSuggestion,
} from './rule.type';

export interface RuleServices {
  rules: RuleService;
  plans: PlanService;
}

/** Categorisation rules: read with read:transactions, written with write:transactions. */
@Resolver()
export class RuleResolver {
  constructor(private readonly services: RuleServices) {}

  private async currencyOf(userId: string): Promise<string> {
    return (await this.services.plans.getSettings(userId)).currency;
  }

  @RequireScopes('read:transactions')
  @Query(() => RuleConnection, {
    description: 'The viewer’s rules in the order they are tried (position, then id).',
  })
  async rulesConnection(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<Rule>> {
    const userId = await budgetOwnerIdOf(ctx, 'read');
    const currency = await this.currencyOf(userId);
    const rules = (await this.services.rules.list(userId)).map((row) => toRule(row, currency));
    return connectionFromList(rules, page, {
      // Positions are 0…n−1: zero-padded, they sort as text in the same order.
      key: (rule) => [String(rule.position).padStart(6, '0'), rule.id],
      keyLength: 2,
    });
  }

  @RequireScopes('read:transactions')
  @Query(() => Rule, { description: 'One of the viewer’s live rules.' })
  async rule(
    @Arg('id', () => ID, { description: 'The rule’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Rule> {
    const userId = await budgetOwnerIdOf(ctx, 'read');
    return toRule(await this.services.rules.get(userId, id), await this.currencyOf(userId));
  }

  @RequireScopes('read:transactions')
  @Query(() => RulePreview, {
    description:
      'The past transactions a rule (saved or not) would change if applied to the past; writes nothing.',
  })
  async previewRule(
    @Arg('input', () => RuleDefinitionInput, { description: 'The rule to try.' })
    input: RuleDefinitionInput,
    @Arg('first', () => Int, {
      defaultValue: 20,
      description: 'How many of them to list, at most 100 (the count covers all).',
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RulePreview> {
    const userId = await budgetOwnerIdOf(ctx, 'read');
    return toRulePreview(await this.services.rules.preview(userId, input, first));
  }

  @RequireScopes('read:transactions')
  @Query(() => RuleSuggestion, {
    nullable: true,
    description:
      'After recategorising a transaction: the rule that would do it next time (payee contains X → its category), or null when there is nothing to recognise, it is on Flex, or a rule says so already.',
  })
  async ruleSuggestion(
    @Arg('transactionId', () => ID, { description: 'The transaction just recategorised.' })
    transactionId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RuleSuggestion | null> {
    const userId = await budgetOwnerIdOf(ctx, 'read');
    return toRuleSuggestion(await this.services.rules.suggestion(userId, transactionId));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => RulePayload, {
    description: 'Creates a rule (idempotent by id); it applies to transactions written after it.',
  })
  async createRule(
    @Arg('input', () => CreateRuleInput, { description: 'The rule.' }) input: CreateRuleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RulePayload> {
    const userId = await budgetOwnerIdOf(ctx, 'write');
    const result = await this.services.rules.create(userId, input);
    return toRulePayload(result, await this.currencyOf(userId));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => RulePayload, {
    description: 'Replaces a rule’s conditions and actions unless `baseVersion` is stale.',
  })
  async updateRule(
    @Arg('input', () => UpdateRuleInput, { description: 'The rule as it should be.' })
    input: UpdateRuleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RulePayload> {
    const userId = await budgetOwnerIdOf(ctx, 'write');
    const result = await this.services.rules.update(userId, input);
    return toRulePayload(result, await this.currencyOf(userId));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => DeleteRulePayload, {
    description: 'Deletes a rule (a tombstone); the rules after it move up.',
  })
  async deleteRule(
    @Arg('id', () => ID, { description: 'The rule to delete.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteRulePayload> {
    const userId = await budgetOwnerIdOf(ctx, 'write');
    const row = await this.services.rules.delete(userId, id);
    return Object.assign(new DeleteRulePayload(), {
      rule: toRule(row, await this.currencyOf(userId)),
    });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => MoveRulePayload, { description: 'Moves a rule to another place in the order.' })
  async moveRule(
    @Arg('id', () => ID, { description: 'The rule to move.' }) id: string,
    @Arg('position', () => Int, {
      description: 'Its new place: 0 is tried first; past the end means last.',
    })
    position: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoveRulePayload> {
    const userId = await budgetOwnerIdOf(ctx, 'write');
    const rows = await this.services.rules.move(userId, id, position);
    const currency = await this.currencyOf(userId);
    return Object.assign(new MoveRulePayload(), {
      rules: rows.map((row) => toRule(row, currency)),
    });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => ApplyRulePayload, {
    description:
      'With toPast, changes the past transactions previewRule lists for this rule, one budget write per month (versions bump, devices see them in changes, months recompute).',
  })
  async applyRule(
    @Arg('ruleId', () => ID, { description: 'The rule to apply.' }) ruleId: string,
    @Arg('toPast', () => Boolean, {
      description: 'Change past transactions too; false changes nothing already written.',
    })
    toPast: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApplyRulePayload> {
    const userId = await budgetOwnerIdOf(ctx, 'write');
    const result = await this.services.rules.apply(userId, ruleId, toPast);
    return toApplyRulePayload(result, await this.currencyOf(userId));
  }
}
