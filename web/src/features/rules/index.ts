export { RulesScreen } from './rules-screen';
export { RuleSuggestionOffer } from './rule-suggestion';
export { RulesEntry } from './rules-entry';
export { applyRuleChange, ruleRecordOf, type WireRule } from './rule-sync';
