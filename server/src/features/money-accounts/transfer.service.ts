import type { LocalDate } from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import { parseAmount } from '../../graphql/money.type';
import type { BudgetMonthService, WriteContext } from '../budget';
import { MoneyAccountError } from './money-account.errors';
import type { MoneyAccountRepository, TransferChanges } from './money-account.repository';
import type { MoneyAccountService } from './money-account.service';
import type { TransferRow } from './money-account.table';

const MAX_NOTE = 500;

export interface TransferFields {
  fromAccountId?: string | null;
  toAccountId?: string | null;
  amount?: string | null;
  transferredOn?: LocalDate | null;
  note?: string | null;
}

export interface TransferResult {
  transfer: TransferRow;
  /** The edit was based on a stale version: nothing changed, the current transfer is returned. */
  conflict: boolean;
}

/**
 * Transfers between two of the person's accounts. Written under the user's budget lock (change
 * numbers in order for sync) with no month to recompute: a transfer is never spending or income.
 */
export class TransferService {
  constructor(
    private readonly deps: {
      repository: MoneyAccountRepository;
      months: BudgetMonthService;
      accounts: MoneyAccountService;
      newId: () => string;
    },
  ) {}

  /** Creates once: replaying the same id returns the stored transfer and changes nothing. */
  async create(
    userId: string,
    input: TransferFields & {
      id?: string | null;
      fromAccountId: string;
      toAccountId: string;
      amount: string;
    },
  ): Promise<TransferResult> {
    if (input.id != null && !isUuid(input.id))
      throw new MoneyAccountError('TRANSFER_INPUT_INVALID', { message: 'id must be a UUID.' });
    const id = input.id ?? this.deps.newId();
    const existing = await this.deps.repository.findTransfer(id);
    if (existing) {
      if (existing.userId !== userId) throw new MoneyAccountError('MONEY_ACCOUNT_ID_TAKEN');
      return { transfer: existing, conflict: false };
    }
    await this.checkAccounts(userId, input, null);
    const transfer = await this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const fields = resolveFields(input, context, null);
      const inserted = await repository.insertTransferUnlessExists({
        id,
        userId,
        fromAccountId: input.fromAccountId,
        toAccountId: input.toAccountId,
        amountMinor: fields.amountMinor ?? 0,
        currency: context.settings.currency,
        transferredOn: fields.transferredOn ?? context.today,
        note: fields.note ?? '',
        createdAt: context.now,
        updatedAt: context.now,
        deletedAt: null,
      });
      const row = inserted ?? (await repository.findTransfer(id));
      if (!row || row.userId !== userId) throw new MoneyAccountError('MONEY_ACCOUNT_ID_TAKEN');
      return { value: row, months: [], cause: 'plan' };
    });
    return { transfer, conflict: false };
  }

  /** Edits when `baseVersion` is current; otherwise returns the current transfer with `conflict`. */
  async update(
    userId: string,
    input: TransferFields & { id: string; baseVersion: number },
  ): Promise<TransferResult> {
    const stored = await this.get(userId, input.id);
    await this.checkAccounts(userId, input, stored);
    return this.change(userId, input.id, (current, context) =>
      current.version !== input.baseVersion || current.deletedAt
        ? null
        : { ...resolveFields(input, context, current), updatedAt: context.now },
    );
  }

  /** Deletes (a tombstone for devices); both balances lose the transfer. */
  async delete(userId: string, id: string): Promise<TransferResult> {
    await this.get(userId, id);
    return this.change(userId, id, (current, context) =>
      current.deletedAt ? 'unchanged' : { deletedAt: context.now, updatedAt: context.now },
    );
  }

  /** One of the person's transfers (a deleted one too); TRANSFER_NOT_FOUND otherwise. */
  async get(userId: string, id: string): Promise<TransferRow> {
    const row = isUuid(id) ? await this.deps.repository.findTransfer(id) : null;
    if (!row || row.userId !== userId) throw new MoneyAccountError('TRANSFER_NOT_FOUND');
    return row;
  }

  /** The person's live transfers. */
  async list(userId: string): Promise<TransferRow[]> {
    return this.deps.repository.listTransfers(userId);
  }

  private async change(
    userId: string,
    id: string,
    decide: (current: TransferRow, context: WriteContext) => TransferChanges | 'unchanged' | null,
  ): Promise<TransferResult> {
    return this.deps.months.write(userId, async (tx, context) => {
      const repository = this.deps.repository.with(tx);
      const current = await repository.findTransfer(id);
      if (!current || current.userId !== userId) throw new MoneyAccountError('TRANSFER_NOT_FOUND');
      const changes = decide(current, context);
      if (changes === null || changes === 'unchanged')
        return {
          value: { transfer: current, conflict: changes === null },
          months: [],
          cause: 'plan',
        };
      const transfer = await repository.updateTransfer(id, changes);
      return { value: { transfer, conflict: false }, months: [], cause: 'plan' };
    });
  }

  /** Both sides must be the person's own, live, and different accounts. */
  private async checkAccounts(
    userId: string,
    input: TransferFields,
    current: TransferRow | null,
  ): Promise<void> {
    const fromId = input.fromAccountId ?? current?.fromAccountId ?? '';
    const toId = input.toAccountId ?? current?.toAccountId ?? '';
    const [from, to] = [
      await this.deps.accounts.getRow(userId, fromId),
      await this.deps.accounts.getRow(userId, toId),
    ];
    if (from.id === to.id)
      throw new MoneyAccountError('TRANSFER_INPUT_INVALID', {
        message: 'fromAccountId and toAccountId must be two different accounts.',
      });
    const archived = [from, to].find(
      (account) =>
        account.isArchived &&
        (account.id === input.fromAccountId || account.id === input.toAccountId),
    );
    if (archived)
      throw new MoneyAccountError('TRANSFER_INPUT_INVALID', {
        message: `The account "${archived.name}" is archived.`,
      });
  }
}

/** Validates a transfer's wire fields; absent ones keep the current value. */
function resolveFields(
  input: TransferFields,
  context: WriteContext,
  current: TransferRow | null,
): Omit<TransferChanges, 'updatedAt'> {
  const changes: Omit<TransferChanges, 'updatedAt'> = {};
  if (input.amount != null || !current) {
    const amountMinor = parseAmount(input.amount ?? '0', context.settings.currency, {
      field: 'amount',
    });
    if (amountMinor <= 0)
      throw new MoneyAccountError('TRANSFER_INPUT_INVALID', {
        message: 'amount must be more than zero.',
      });
    changes.amountMinor = amountMinor;
  }
  if (input.fromAccountId != null) changes.fromAccountId = input.fromAccountId;
  if (input.toAccountId != null) changes.toAccountId = input.toAccountId;
  if (input.transferredOn != null) changes.transferredOn = input.transferredOn;
  if (input.note != null) {
    if (input.note.length > MAX_NOTE)
      throw new MoneyAccountError('TRANSFER_INPUT_INVALID', {
        message: `note is longer than ${MAX_NOTE} characters.`,
      });
    changes.note = input.note;
  }
  return changes;
}
