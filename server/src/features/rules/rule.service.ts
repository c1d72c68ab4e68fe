import {
  BILL_CATEGORY_PREFIX,
  GOAL_CATEGORY_PREFIX,
  describeTagProblem,
  monthOf,
  normaliseTags,
  type LedgerTransaction,
  type LocalDate,
  type LocalMonth,
} from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import { parseAmount } from '../../graphql/money.type';
import type { Db } from '../../infra/db/database';
import type { BudgetMonthService, WriteContext, WriteOutcome } from '../budget';
import {
  TransactionError,
  canonicalCategory,
  type TransactionRepository,
  type TransactionRow,
  type TransactionWritten,
} from '../transactions';
import { RuleError } from './rule.errors';
import type { RuleChanges, RuleRepository } from './rule.repository';
import {
  applyRules,
  foldRuleText,
  mergeTags,
  patternProblem,
  renameProblem,
  ruleMatches,
  suggestionPhrase,
  type RuleDefinition,
  type RuleOutcome,
  type RuleSubject,
  type RuleTextMatch,
} from './rule.rules';
import type { CategoryRuleRow } from './rule.table';

/** The most past transactions a preview or an apply reads, newest first. */
export const MAX_PAST_SCAN = 5_000;
const SCAN_BATCH = 500;
/** The most matching transactions a preview lists (the count covers them all). */
export const MAX_PREVIEW_ITEMS = 100;

/** A rule as the person writes it: the whole rule, absent and null fields meaning "none". */
export interface RuleFields {
  textPattern?: string | null;
  textMatch?: RuleTextMatch | null;
  minAmount?: string | null;
  maxAmount?: string | null;
  accountId?: string | null;
  setCategoryId?: string | null;
  renameMerchant?: string | null;
  addTags?: readonly string[] | null;
}

export interface RuleResult {
  rule: CategoryRuleRow;
  /** The edit was based on a stale version: nothing changed, the current rule is returned. */
  conflict: boolean;
}

/** A past transaction and what the rule would make of it. */
export interface RulePreviewItem {
  transaction: TransactionRow;
  categoryId: string;
  merchant: string | null;
  tags: string[];
}

export interface RulePreviewResult {
  /** All past transactions it would change, among the ones read. */
  totalCount: number;
  items: RulePreviewItem[];
  /** More past transactions exist than a preview reads (MAX_PAST_SCAN). */
  isScanTruncated: boolean;
}

export interface RuleApplyResult {
  rule: CategoryRuleRow;
  changedCount: number;
  months: LocalMonth[];
}

/** A rule's suggestion after an edit: this phrase → this category. */
export interface RuleSuggestionData {
  textPattern: string;
  setCategoryId: string;
  transactionId: string;
}

/** What the person's rules make of a transaction about to be written; null when none matched. */
export type RuleMatcher = (subject: RuleSubject) => RuleOutcome | null;

/**
 * Per-person categorisation rules (docs/rules.md): written under the user's budget lock so their
 * change numbers are in order, tried on every transaction written without a category picked, and
 * applied to the past on request, one budget write per month.
 */
export class RuleService {
  constructor(
    private readonly deps: {
      repository: RuleRepository;
      months: BudgetMonthService;
      ledger: TransactionRepository;
      /** Budget currency, zone and own category ids (onboarding required). */
      budgetOf: (
        userId: string,
      ) => Promise<{ currency: string; today: LocalDate; categoryIds: ReadonlySet<string> }>;
      newId: () => string;
      /** Told after commit about each transaction a rule changed (webhooks); never fails it. */
      onWritten?: (change: TransactionWritten) => Promise<void>;
    },
  ) {}

  async list(userId: string): Promise<CategoryRuleRow[]> {
    return this.deps.repository.list(userId);
  }

  async get(userId: string, id: string): Promise<CategoryRuleRow> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId || row.deletedAt) throw new RuleError('RULE_NOT_FOUND');
    return row;
  }

  /** Creates once (a replay returns the stored rule); last in order unless a position is given. */
  async create(
    userId: string,
    input: RuleFields & { id?: string | null; position?: number | null },
  ): Promise<RuleResult> {
    if (input.id != null && !isUuid(input.id)) invalid('id must be a UUID.');
    checkPosition(input.position);
    const id = input.id ?? this.deps.newId();
    return this.deps.months.write(
      userId,
      async (tx, context): Promise<WriteOutcome<RuleResult>> => {
        const repository = this.deps.repository.with(tx);
        const existing = await repository.find(id);
        if (existing) {
          if (existing.userId !== userId) throw new RuleError('RULE_ID_TAKEN');
          return { value: { rule: existing, conflict: false }, months: [], cause: 'plan' };
        }
        const fields = resolveRule(input, budgetOf(context));
        const live = await repository.list(userId);
        const inserted = await repository.insertUnlessExists({
          id,
          userId,
          ...fields,
          position: live.length,
          createdAt: context.now,
          updatedAt: context.now,
        });
        if (!inserted) throw new RuleError('RULE_ID_TAKEN');
        const rule =
          input.position != null
            ? await placeAt(repository, [...live, inserted], id, input.position, context.now)
            : inserted;
        return { value: { rule, conflict: false }, months: [], cause: 'plan' };
      },
    );
  }

  /** Replaces the rule's conditions and actions when `baseVersion` is current. */
  async update(
    userId: string,
    input: RuleFields & { id: string; baseVersion: number },
  ): Promise<RuleResult> {
    await this.get(userId, input.id);
    return this.deps.months.write(
      userId,
      async (tx, context): Promise<WriteOutcome<RuleResult>> => {
        const repository = this.deps.repository.with(tx);
        const current = await ownLive(repository, userId, input.id);
        if (current.version !== input.baseVersion)
          return { value: { rule: current, conflict: true }, months: [], cause: 'plan' };
        const changes: RuleChanges = {
          ...resolveRule(input, budgetOf(context)),
          updatedAt: context.now,
        };
        return {
          value: { rule: await repository.update(input.id, changes), conflict: false },
          months: [],
          cause: 'plan',
        };
      },
    );
  }

  /** Deletes (a tombstone for devices); the rules after it move up. Deleting twice is NOT_FOUND. */
  async delete(userId: string, id: string): Promise<CategoryRuleRow> {
    await this.get(userId, id);
    return this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      await ownLive(repository, userId, id);
      const deleted = await repository.update(id, {
        deletedAt: context.now,
        updatedAt: context.now,
      });
      await renumber(repository, await repository.list(userId), context.now);
      return { value: deleted, months: [], cause: 'plan' };
    });
  }

  /** Moves a rule to `position` (0 is tried first; past the end means last); returns all rules. */
  async move(userId: string, id: string, position: number): Promise<CategoryRuleRow[]> {
    checkPosition(position);
    await this.get(userId, id);
    return this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      await ownLive(repository, userId, id);
      await placeAt(repository, await repository.list(userId), id, position, context.now);
      return { value: await repository.list(userId), months: [], cause: 'plan' };
    });
  }

  /** The person's rules as one matcher, read through `db` (a write's own transaction). */
  async matcherFor(db: Db, userId: string): Promise<RuleMatcher> {
    const rules = (await this.deps.repository.with(db).list(userId)).map(definitionOf);
    if (rules.length === 0) return () => null;
    return (subject) => {
      const outcome = applyRules(rules, subject);
      return outcome.ruleIds.length > 0 ? outcome : null;
    };
  }

  /** The past transactions a rule would change (nothing is written). */
  async preview(userId: string, input: RuleFields, first: number): Promise<RulePreviewResult> {
    const budget = await this.deps.budgetOf(userId);
    const rule = { id: 'preview', position: 0, ...resolveRule(input, budget) };
    const { changes, isScanTruncated } = await this.pastChanges(userId, rule, budget.today);
    const limit = Math.max(0, Math.min(first, MAX_PREVIEW_ITEMS));
    return { totalCount: changes.length, items: changes.slice(0, limit), isScanTruncated };
  }

  /**
   * With `toPast`, changes the past transactions the preview lists, one budget write per month
   * (versions and change numbers move, the month recomputes); without, only future writes use it.
   */
  async apply(userId: string, id: string, toPast: boolean): Promise<RuleApplyResult> {
    const row = await this.get(userId, id);
    if (!toPast) return { rule: row, changedCount: 0, months: [] };
    const rule = definitionOf(row);
    const today = (await this.deps.budgetOf(userId)).today;
    const { changes } = await this.pastChanges(userId, rule, today);
    const byMonth = new Map<LocalMonth, string[]>();
    for (const { transaction } of changes) {
      const month = monthOf(transaction.bookedOn);
      byMonth.set(month, [...(byMonth.get(month) ?? []), transaction.id]);
    }
    let changedCount = 0;
    const months: LocalMonth[] = [];
    const written: TransactionRow[] = [];
    for (const [month, ids] of [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const changed = await this.deps.months.write(userId, async (tx, context) => {
        const ledger = this.deps.ledger.with(tx);
        const before: LedgerTransaction[] = [];
        const after: LedgerTransaction[] = [];
        const rows: TransactionRow[] = [];
        for (const transactionId of ids) {
          const current = await ledger.find(transactionId);
          const change = current && current.userId === userId ? changeOf(rule, current) : null;
          if (!current || !change) continue;
          const updated = await ledger.update(transactionId, { ...change, updatedAt: context.now });
          before.push(ledgerEntryOf(current));
          after.push(ledgerEntryOf(updated));
          rows.push(updated);
        }
        return {
          value: rows,
          months: after.length > 0 ? [month] : [],
          cause: 'transaction',
          ledgerChange: { before, after },
        };
      });
      changedCount += changed.length;
      written.push(...changed);
      if (changed.length > 0) months.push(month);
    }
    for (const transaction of written) {
      try {
        await this.deps.onWritten?.({ kind: 'updated', transaction });
      } catch {
        // The listener reports its own failures; committed changes stay committed.
      }
    }
    return { rule: row, changedCount, months };
  }

  /**
   * After a person recategorised a transaction: "payee contains X → this category", unless one
   * of their rules already says exactly that or there is nothing to recognise it by.
   */
  async suggestion(userId: string, transactionId: string): Promise<RuleSuggestionData | null> {
    const row = isUuid(transactionId) ? await this.deps.ledger.find(transactionId) : null;
    if (!row || row.userId !== userId) throw new TransactionError('TRANSACTION_NOT_FOUND');
    if (
      row.deletedAt ||
      row.direction === 'transfer' ||
      row.categoryId === 'flex' ||
      !isRuleTarget(row.categoryId)
    )
      return null;
    const phrase = suggestionPhrase([row.merchant, row.description]);
    if (!phrase) return null;
    const rules = await this.deps.repository.list(userId);
    const known = rules.some(
      (rule) =>
        rule.setCategoryId === row.categoryId &&
        rule.textMatch === 'contains' &&
        rule.textPattern !== null &&
        foldRuleText(rule.textPattern) === phrase,
    );
    return known ? null : { textPattern: phrase, setCategoryId: row.categoryId, transactionId };
  }

  /** Live past transactions (newest first, at most MAX_PAST_SCAN read) the rule would change. */
  private async pastChanges(
    userId: string,
    rule: RuleDefinition,
    today: LocalDate,
  ): Promise<{ changes: RulePreviewItem[]; isScanTruncated: boolean }> {
    const changes: RulePreviewItem[] = [];
    let after: TransactionRow | null = null;
    for (let scanned = 0; scanned < MAX_PAST_SCAN; scanned += SCAN_BATCH) {
      const batch: TransactionRow[] = await this.deps.ledger.list(userId, {
        limit: SCAN_BATCH,
        after,
        filter: { to: today },
      });
      for (const transaction of batch) {
        const change = changeOf(rule, transaction);
        if (change) changes.push({ transaction, ...change });
      }
      after = batch.at(-1) ?? null;
      if (batch.length < SCAN_BATCH || !after) return { changes, isScanTruncated: false };
    }
    return { changes, isScanTruncated: true };
  }
}

function invalid(message: string): never {
  throw new RuleError('RULE_INPUT_INVALID', { message });
}

function budgetOf(context: WriteContext) {
  return { currency: context.settings.currency, categoryIds: context.userCategoryIds };
}

function checkPosition(position: number | null | undefined): void {
  if (position != null && (!Number.isInteger(position) || position < 0))
    invalid('position must be 0 or more.');
}

/** A goal's contributions and a bill's own line keep their category: no rule moves them. */
function isRuleTarget(categoryId: string): boolean {
  return (
    !categoryId.startsWith(GOAL_CATEGORY_PREFIX) && !categoryId.startsWith(BILL_CATEGORY_PREFIX)
  );
}

async function ownLive(
  repository: RuleRepository,
  userId: string,
  id: string,
): Promise<CategoryRuleRow> {
  const row = await repository.find(id);
  if (!row || row.userId !== userId || row.deletedAt) throw new RuleError('RULE_NOT_FOUND');
  return row;
}

/** Puts rule `id` at `position` among `live` and numbers them 0…n−1; returns the moved rule. */
async function placeAt(
  repository: RuleRepository,
  live: readonly CategoryRuleRow[],
  id: string,
  position: number,
  now: Date,
): Promise<CategoryRuleRow> {
  const moving = live.find((rule) => rule.id === id);
  if (!moving) throw new RuleError('RULE_NOT_FOUND');
  const others = live.filter((rule) => rule.id !== id);
  const ordered = [...others];
  ordered.splice(Math.min(position, others.length), 0, moving);
  const renumbered = await renumber(repository, ordered, now);
  return renumbered.find((rule) => rule.id === id) ?? moving;
}

/** Gives the rules positions 0…n−1 in this order, writing only the ones that move. */
async function renumber(
  repository: RuleRepository,
  ordered: readonly CategoryRuleRow[],
  now: Date,
): Promise<CategoryRuleRow[]> {
  const result: CategoryRuleRow[] = [];
  for (const [position, rule] of ordered.entries()) {
    result.push(
      rule.position === position ? rule : await repository.reposition(rule.id, position, now),
    );
  }
  return result;
}

type ResolvedRule = Omit<RuleDefinition, 'id' | 'position' | 'addTags'> & { addTags: string[] };

/** Validates a rule against the person's budget (currency, own categories). */
function resolveRule(
  input: RuleFields,
  budget: { currency: string; categoryIds: ReadonlySet<string> | undefined },
): ResolvedRule {
  const { currency, categoryIds } = budget;
  const textMatch = input.textMatch ?? 'contains';
  let textPattern: string | null = null;
  if (input.textPattern != null) {
    const problem = patternProblem(input.textPattern, textMatch);
    if (problem) invalid(problem);
    textPattern = input.textPattern.trim().replace(/\s+/g, ' ');
  }
  const amount = (value: string | null | undefined, field: string) =>
    value != null ? parseAmount(value, currency, { field }) : null;
  const minAmountMinor = amount(input.minAmount, 'minAmount');
  const maxAmountMinor = amount(input.maxAmount, 'maxAmount');
  if (minAmountMinor !== null && maxAmountMinor !== null && minAmountMinor > maxAmountMinor)
    invalid('minAmount is above maxAmount.');
  if (input.accountId != null && !isUuid(input.accountId)) invalid('accountId must be a UUID.');
  const setCategoryId =
    input.setCategoryId != null ? canonicalCategory(input.setCategoryId, categoryIds) : null;
  let renameMerchant: string | null = null;
  if (input.renameMerchant != null) {
    const problem = renameProblem(input.renameMerchant);
    if (problem) invalid(problem);
    renameMerchant = input.renameMerchant.trim();
  }
  const tags = normaliseTags(input.addTags ?? []);
  if (!tags.ok) invalid(describeTagProblem(tags.problem, 'addTags'));
  const hasCondition =
    textPattern !== null ||
    minAmountMinor !== null ||
    maxAmountMinor !== null ||
    input.accountId != null;
  if (!hasCondition) invalid('A rule needs a condition: a pattern, an amount range or an account.');
  if (setCategoryId === null && renameMerchant === null && tags.tags.length === 0)
    invalid('A rule needs an action: a category, a new payee name or tags.');
  return {
    textPattern,
    textMatch,
    minAmountMinor,
    maxAmountMinor,
    accountId: input.accountId ?? null,
    setCategoryId,
    renameMerchant,
    addTags: tags.tags,
  };
}

function definitionOf(row: CategoryRuleRow): RuleDefinition {
  return { ...row, addTags: row.addTags };
}

/** What the rule changes on this past transaction; null when it does not match or changes nothing. */
function changeOf(
  rule: RuleDefinition,
  row: TransactionRow,
): { categoryId: string; merchant: string | null; tags: string[] } | null {
  if (row.deletedAt || row.direction === 'transfer' || !isRuleTarget(row.categoryId)) return null;
  const subject: RuleSubject = { ...row, accountId: row.accountId };
  if (!ruleMatches(rule, subject)) return null;
  const categoryId = rule.setCategoryId ?? row.categoryId;
  const merchant = rule.renameMerchant ?? row.merchant;
  const tags = mergeTags(row.tags, rule.addTags);
  const same =
    categoryId === row.categoryId && merchant === row.merchant && tags.length === row.tags.length;
  return same ? null : { categoryId, merchant, tags };
}

function ledgerEntryOf(row: TransactionRow): LedgerTransaction {
  const { id, categoryId, amountMinor, direction, bookedOn, currency } = row;
  return { id, categoryId, amountMinor, direction, bookedOn, currency };
}
