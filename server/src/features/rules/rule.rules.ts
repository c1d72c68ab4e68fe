import {
  MAX_TAGS_PER_TRANSACTION,
  foldMerchantText,
  type TransactionDirection,
} from '@pace/engine';

/** How a rule's text is compared with a payee or description. */
export type RuleTextMatch = 'contains' | 'glob';

/** The conditions and actions of a rule, as the engine of rules reads them. */
export interface RuleDefinition {
  id: string;
  position: number;
  textPattern: string | null;
  textMatch: RuleTextMatch;
  minAmountMinor: number | null;
  maxAmountMinor: number | null;
  accountId: string | null;
  setCategoryId: string | null;
  renameMerchant: string | null;
  addTags: readonly string[];
}

/** What a rule is tested against: a transaction as it is (or will be) written. */
export interface RuleSubject {
  merchant: string | null;
  description: string;
  amountMinor: number;
  direction: TransactionDirection;
  accountId: string | null;
}

/** What the person's rules make of a transaction; null fields: no rule said. */
export interface RuleOutcome {
  categoryId: string | null;
  merchant: string | null;
  tags: string[];
  /** The rules that matched, in order. */
  ruleIds: string[];
}

/** The longest pattern: long enough for any payee phrase, short enough to match in microseconds. */
export const MAX_PATTERN_LENGTH = 100;
/** The most `*` wildcards in one glob. */
export const MAX_GLOB_STARS = 8;
/** The longest new payee name. */
export const MAX_RENAME_LENGTH = 100;

/** Folds text for comparing: accents and case dropped, runs of white space as one space. */
export function foldRuleText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Control characters (NUL included) never belong in a pattern or a name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Why a pattern is refused, or null when it is fine. */
export function patternProblem(pattern: string, match: RuleTextMatch): string | null {
  if (CONTROL.test(pattern)) return 'The pattern holds a control character.';
  const folded = foldRuleText(pattern);
  if (folded === '') return 'The pattern is empty.';
  if ([...folded].length > MAX_PATTERN_LENGTH)
    return `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`;
  if (match === 'glob') {
    if ((folded.match(/\*/g)?.length ?? 0) > MAX_GLOB_STARS)
      return `A pattern may hold at most ${MAX_GLOB_STARS} * wildcards.`;
    if (folded.replace(/[*?\s]/g, '') === '') return 'The pattern matches everything.';
  }
  return null;
}

/** Why a new payee name is refused, or null. */
export function renameProblem(name: string): string | null {
  if (CONTROL.test(name)) return 'The new payee name holds a control character.';
  if (name.trim() === '') return 'The new payee name is empty.';
  if ([...name.trim()].length > MAX_RENAME_LENGTH)
    return `The new payee name is longer than ${MAX_RENAME_LENGTH} characters.`;
  return null;
}

/**
 * Whether `text` matches the glob `pattern` as a whole (`*` any run, `?` one character), both
 * folded. Iterative with one backtrack point, so time is at most |text| × |pattern| steps: no
 * pattern can make it blow up the way a backtracking regular expression can.
 */
export function globMatches(pattern: string, text: string): boolean {
  const p = [...pattern];
  const t = [...text];
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi += 1;
      ti += 1;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi;
      resume = ti;
      pi += 1;
    } else if (star !== -1) {
      pi = star + 1;
      resume += 1;
      ti = resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}

function textMatches(rule: RuleDefinition, subject: RuleSubject): boolean {
  if (rule.textPattern === null) return true;
  const pattern = foldRuleText(rule.textPattern);
  const texts = [subject.merchant ?? '', subject.description].map(foldRuleText);
  return texts.some((text) =>
    rule.textMatch === 'glob' ? text !== '' && globMatches(pattern, text) : text.includes(pattern),
  );
}

/** Whether every condition the rule has holds for the subject. */
export function ruleMatches(rule: RuleDefinition, subject: RuleSubject): boolean {
  if (rule.minAmountMinor !== null && subject.amountMinor < rule.minAmountMinor) return false;
  if (rule.maxAmountMinor !== null && subject.amountMinor > rule.maxAmountMinor) return false;
  if (rule.accountId !== null && subject.accountId !== rule.accountId) return false;
  return textMatches(rule, subject);
}

/**
 * Applies rules in position order. The first matching rule that sets a category decides the
 * category, the first that renames decides the payee; tags of every matching rule are added, in
 * rule order, up to the most a transaction may carry.
 */
export function applyRules(rules: readonly RuleDefinition[], subject: RuleSubject): RuleOutcome {
  const outcome: RuleOutcome = { categoryId: null, merchant: null, tags: [], ruleIds: [] };
  const ordered = [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  for (const rule of ordered) {
    if (!ruleMatches(rule, subject)) continue;
    outcome.ruleIds.push(rule.id);
    outcome.categoryId ??= rule.setCategoryId;
    outcome.merchant ??= rule.renameMerchant;
    for (const tag of rule.addTags)
      if (!outcome.tags.includes(tag) && outcome.tags.length < MAX_TAGS_PER_TRANSACTION)
        outcome.tags.push(tag);
  }
  return outcome;
}

/** Tags with `more` added after them, duplicates merged, up to the most a transaction may carry. */
export function mergeTags(tags: readonly string[], more: readonly string[]): string[] {
  const merged = [...tags];
  for (const tag of more)
    if (!merged.includes(tag) && merged.length < MAX_TAGS_PER_TRANSACTION) merged.push(tag);
  return merged;
}

/**
 * The phrase a rule made from an edit looks for: the payee (else the description) folded, with
 * store numbers, references and dates dropped ("PIZZA PLACE #42 0815" → "pizza place"); null when
 * nothing is left to recognise it by.
 */
export function suggestionPhrase(texts: readonly (string | null)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    const words = foldMerchantText(text)
      .split(' ')
      .filter((word) => word !== '' && !/\d/.test(word));
    const phrase = words.join(' ').slice(0, MAX_PATTERN_LENGTH).trim();
    if (phrase.length >= 2) return phrase;
  }
  return null;
}
