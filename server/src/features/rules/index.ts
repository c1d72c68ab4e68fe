export { categoryRules } from './rule.table';
export type { CategoryRuleRow } from './rule.table';
export { RuleRepository, ruleTextContext } from './rule.repository';
export { RuleService, type RuleMatcher } from './rule.service';
export { RuleResolver, type RuleServices } from './rule.resolver';
export { Rule, toRule } from './rule.type';
export { RuleError } from './rule.errors';
export { ruleNode } from './rule.node-source';
export type { RuleSubject, RuleOutcome } from './rule.rules';
