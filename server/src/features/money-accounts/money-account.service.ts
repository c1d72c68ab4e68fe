import { createHash } from 'node:crypto';
import {
  balanceOn,
  compareLocalDates,
  currentBalanceOf,
  netWorthDays,
  registerOf,
  type AccountMovement,
  type LocalDate,
  type RegisterEntry,
} from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import { parseAmount } from '../../graphql/money.type';
import {
  connectionFromList,
  instantKey,
  mapConnection,
  type Connection,
  type ConnectionArgs,
} from '../../graphql/relay';
import type { TransactionRow } from '../transactions';
import type { BudgetMonthService, BudgetRepository, WriteContext } from '../budget';
import { MoneyAccountError } from './money-account.errors';
import type { MoneyAccountChanges, MoneyAccountRepository } from './money-account.repository';
import type {
  AccountReconciliationRow,
  MoneyAccountKind,
  MoneyAccountRow,
  TransferRow,
} from './money-account.table';

const MAX_NAME = 100;
/** The default account's name until the person renames it. */
export const DEFAULT_ACCOUNT_NAME = 'Main';

export interface MoneyAccountFields {
  name?: string | null;
  kind?: MoneyAccountKind | null;
  openingBalance?: string | null;
  openingOn?: LocalDate | null;
  isArchived?: boolean | null;
}

/** An account with its balance as the ledger and transfers make it now. */
export interface MoneyAccountView {
  row: MoneyAccountRow;
  balanceMinor: number;
}

export interface MoneyAccountResult {
  account: MoneyAccountView;
  /** The edit was based on a stale version: nothing changed, the current account is returned. */
  conflict: boolean;
}

export interface ReconcileResult {
  reconciliation: AccountReconciliationRow;
  account: MoneyAccountView;
}

export interface NetWorthPoint {
  on: LocalDate;
  assetsMinor: number;
  liabilitiesMinor: number;
}

/** What balances read besides the accounts: the ledger's movements and the live transfers. */
export interface MoneyAccountDeps {
  repository: MoneyAccountRepository;
  months: BudgetMonthService;
  budget: BudgetRepository;
  movements: (userId: string) => Promise<AccountMovement[]>;
  /** The person's transactions with these ids (a register page's). */
  transactions: (userId: string, ids: readonly string[]) => Promise<TransactionRow[]>;
  newId: () => string;
}

/** A register line with its record. */
export interface RegisterItem {
  entry: RegisterEntry;
  account: MoneyAccountRow;
  transaction: TransactionRow | null;
  transfer: TransferRow | null;
}

/** The default account's id, derived from the person's id (the same on every device and replay). */
export function defaultAccountId(userId: string): string {
  const bytes = createHash('sha1')
    .update(`money-account:default:${userId}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Money accounts (docs/accounts.md). Writes take the user's budget lock (so change numbers stay
 * in order for sync) but recompute no month: an account never changes a budget day.
 */
export class MoneyAccountService {
  constructor(private readonly deps: MoneyAccountDeps) {}

  /** Creates the default account (inside a write holding the lock) unless it exists. */
  async ensureDefault(repository: MoneyAccountRepository, userId: string, context: WriteContext) {
    const id = defaultAccountId(userId);
    if (await repository.find(id)) return;
    await repository.insertUnlessExists({
      id,
      userId,
      name: DEFAULT_ACCOUNT_NAME,
      kind: 'cash',
      currency: context.settings.currency,
      openingBalanceMinor: 0,
      openingOn: null,
      isDefault: true,
      isArchived: false,
      reconciledThrough: null,
      createdAt: context.now,
      updatedAt: context.now,
    });
  }

  /** The person's accounts with balances; the default one is created on first use. */
  async list(userId: string): Promise<MoneyAccountView[]> {
    if (!(await this.deps.budget.findSettings(userId))) return [];
    let rows = await this.deps.repository.listOfUser(userId);
    if (!rows.some((row) => row.isDefault)) {
      await this.deps.months.write(userId, async (tx, context) => {
        await this.ensureDefault(this.deps.repository.with(tx), userId, context);
        return { value: null, months: [], cause: 'plan' };
      });
      rows = await this.deps.repository.listOfUser(userId);
    }
    return this.views(userId, rows);
  }

  /** One of the person's accounts; MONEY_ACCOUNT_NOT_FOUND otherwise. */
  async getRow(userId: string, id: string): Promise<MoneyAccountRow> {
    if (isUuid(id) && id === defaultAccountId(userId)) await this.list(userId);
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId) throw new MoneyAccountError('MONEY_ACCOUNT_NOT_FOUND');
    return row;
  }

  async get(userId: string, id: string): Promise<MoneyAccountView> {
    const [view] = await this.views(userId, [await this.getRow(userId, id)]);
    if (!view) throw new MoneyAccountError('MONEY_ACCOUNT_NOT_FOUND');
    return view;
  }

  /** Refuses an account id that is not one of the person's (a transaction's `accountId`). */
  async checkAccount(userId: string, accountId: string): Promise<void> {
    await this.getRow(userId, accountId);
  }

  /** Creates once: replaying the same id returns the stored account and changes nothing. */
  async create(
    userId: string,
    input: MoneyAccountFields & { id?: string | null; name: string; kind: MoneyAccountKind },
  ): Promise<MoneyAccountResult> {
    if (input.id != null && !isUuid(input.id))
      throw new MoneyAccountError('MONEY_ACCOUNT_INPUT_INVALID', { message: 'id must be a UUID.' });
    const id = input.id ?? this.deps.newId();
    const row = await this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      await this.ensureDefault(repository, userId, context);
      const existing = await repository.find(id);
      if (existing) {
        if (existing.userId !== userId) throw new MoneyAccountError('MONEY_ACCOUNT_ID_TAKEN');
        return { value: existing, months: [], cause: 'plan' };
      }
      const fields = resolveFields(input, context, null);
      const inserted = await repository.insertUnlessExists({
        id,
        userId,
        name: fields.name ?? '',
        kind: fields.kind ?? input.kind,
        currency: context.settings.currency,
        openingBalanceMinor: fields.openingBalanceMinor ?? 0,
        openingOn: fields.openingOn ?? context.today,
        isDefault: false,
        isArchived: fields.isArchived ?? false,
        reconciledThrough: null,
        createdAt: context.now,
        updatedAt: context.now,
      });
      if (!inserted) throw new MoneyAccountError('MONEY_ACCOUNT_ID_TAKEN');
      return { value: inserted, months: [], cause: 'plan' };
    });
    return { account: await this.view(userId, row), conflict: false };
  }

  /** Edits when `baseVersion` is current; otherwise returns the current account with `conflict`. */
  async update(
    userId: string,
    input: MoneyAccountFields & { id: string; baseVersion: number },
  ): Promise<MoneyAccountResult> {
    await this.getRow(userId, input.id);
    const result = await this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const current = await repository.find(input.id);
      if (!current || current.userId !== userId)
        throw new MoneyAccountError('MONEY_ACCOUNT_NOT_FOUND');
      if (current.version !== input.baseVersion)
        return { value: { row: current, conflict: true }, months: [], cause: 'plan' };
      const changes = resolveFields(input, context, current);
      if (current.isDefault && changes.isArchived)
        throw new MoneyAccountError('MONEY_ACCOUNT_INPUT_INVALID', {
          message: 'The default account cannot be archived.',
        });
      const row = await repository.update(current.id, { ...changes, updatedAt: context.now });
      return { value: { row, conflict: false }, months: [], cause: 'plan' };
    });
    return { account: await this.view(userId, result.row), conflict: result.conflict };
  }

  /** The account's register, oldest first, each entry with the balance after it. */
  async register(userId: string, accountId: string): Promise<RegisterEntry[]> {
    const row = await this.getRow(userId, accountId);
    const [movements, transfers] = await Promise.all([
      this.deps.movements(userId),
      this.deps.repository.listTransfers(userId),
    ]);
    return registerOf(row, movements, transfers);
  }

  /** A page of the account's register, newest first, with the page's records. */
  async registerPage(
    userId: string,
    accountId: string,
    args: ConnectionArgs,
  ): Promise<Connection<RegisterItem>> {
    const account = await this.getRow(userId, accountId);
    const [movements, transfers] = await Promise.all([
      this.deps.movements(userId),
      this.deps.repository.listTransfers(userId),
    ]);
    const page = connectionFromList(registerOf(account, movements, transfers), args, {
      key: (entry) => [entry.on, instantKey(entry.at), entry.id],
      keyLength: 3,
      descending: true,
    });
    const ids = page.nodes.filter((e) => e.kind === 'transaction').map((e) => e.id);
    const rows = new Map((await this.deps.transactions(userId, ids)).map((r) => [r.id, r]));
    const byId = new Map(transfers.map((t) => [t.id, t]));
    return mapConnection(page, (entry) => ({
      entry,
      account,
      transaction: rows.get(entry.id) ?? null,
      transfer: entry.kind === 'transfer' ? (byId.get(entry.id) ?? null) : null,
    }));
  }

  /**
   * Compares a statement's balance at the end of `on` with the account's: the difference is
   * statement − Pace (zero: reconciled, and entries up to `on` are marked reconciled). Every
   * check is stored, matching or not.
   */
  async reconcile(
    userId: string,
    input: { accountId: string; statementBalance: string; on: LocalDate },
  ): Promise<ReconcileResult> {
    const account = await this.getRow(userId, input.accountId);
    const statementMinor = parseAmount(input.statementBalance, account.currency, {
      field: 'statementBalance',
      allowNegative: true,
    });
    const register = await this.register(userId, account.id);
    const computedMinor = balanceOn(account, register, input.on);
    const result = await this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const reconciliation = await repository.insertReconciliation({
        id: this.deps.newId(),
        userId,
        accountId: account.id,
        statementOn: input.on,
        statementBalanceMinor: statementMinor,
        computedBalanceMinor: computedMinor,
        createdAt: context.now,
      });
      const current = (await repository.find(account.id)) ?? account;
      const advances =
        statementMinor === computedMinor &&
        (current.reconciledThrough === null ||
          compareLocalDates(input.on, current.reconciledThrough) > 0);
      const row = advances
        ? await repository.update(account.id, {
            reconciledThrough: input.on,
            updatedAt: context.now,
          })
        : current;
      return { value: { reconciliation, row }, months: [], cause: 'plan' };
    });
    return { reconciliation: result.reconciliation, account: await this.view(userId, result.row) };
  }

  async latestReconciliation(accountId: string): Promise<AccountReconciliationRow | null> {
    return this.deps.repository.latestReconciliation(accountId);
  }

  /**
   * Net worth at each month's end from `from` to `to` (the last point is `to`): assets are the
   * positive balances, liabilities the negative ones (cards, loans), net worth their sum.
   */
  async netWorth(userId: string, from: LocalDate, to: LocalDate): Promise<NetWorthPoint[]> {
    const days = netWorthDays(from, to);
    if (!days)
      throw new MoneyAccountError('MONEY_ACCOUNT_INPUT_INVALID', {
        message: 'to must be on or after from, at most 120 months later.',
      });
    const accounts = await this.list(userId);
    const [movements, transfers] = await Promise.all([
      this.deps.movements(userId),
      this.deps.repository.listTransfers(userId),
    ]);
    const registers = accounts.map(({ row }) => ({
      row,
      register: registerOf(row, movements, transfers),
    }));
    return days.map((on) => {
      let assetsMinor = 0;
      let liabilitiesMinor = 0;
      for (const { row, register } of registers) {
        const balance = balanceOn(row, register, on);
        if (balance >= 0) assetsMinor += balance;
        else liabilitiesMinor += balance;
      }
      return { on, assetsMinor, liabilitiesMinor };
    });
  }

  /** Accounts written after change number `since`, with their balances now (for sync). */
  async listChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<MoneyAccountView[]> {
    return this.views(userId, await this.deps.repository.listChangedSince(userId, since, limit));
  }

  /** Transfers written after change number `since`, tombstones included (for sync). */
  async listTransfersChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<TransferRow[]> {
    return this.deps.repository.listTransfersChangedSince(userId, since, limit);
  }

  private async view(userId: string, row: MoneyAccountRow): Promise<MoneyAccountView> {
    const [view] = await this.views(userId, [row]);
    return view ?? { row, balanceMinor: row.openingBalanceMinor };
  }

  private async views(userId: string, rows: MoneyAccountRow[]): Promise<MoneyAccountView[]> {
    if (rows.length === 0) return [];
    const [movements, transfers] = await Promise.all([
      this.deps.movements(userId),
      this.deps.repository.listTransfers(userId),
    ]);
    return rows.map((row) => ({
      row,
      balanceMinor: currentBalanceOf(row, registerOf(row, movements, transfers)),
    }));
  }
}

/** Validates an account's wire fields; absent ones keep the current value. */
function resolveFields(
  input: MoneyAccountFields,
  context: WriteContext,
  current: MoneyAccountRow | null,
): Omit<MoneyAccountChanges, 'updatedAt'> {
  const changes: Omit<MoneyAccountChanges, 'updatedAt'> = {};
  if (input.name != null || !current) {
    const name = (input.name ?? '').trim();
    if (name.length === 0 || name.length > MAX_NAME)
      throw new MoneyAccountError('MONEY_ACCOUNT_INPUT_INVALID', {
        message: `name must be 1 to ${MAX_NAME} characters.`,
      });
    changes.name = name;
  }
  if (input.kind != null) changes.kind = input.kind;
  if (input.openingBalance != null)
    changes.openingBalanceMinor = parseAmount(input.openingBalance, context.settings.currency, {
      field: 'openingBalance',
      allowNegative: true,
    });
  if (input.openingOn != null) changes.openingOn = input.openingOn;
  if (input.isArchived != null) changes.isArchived = input.isArchived;
  return changes;
}
