import { createHash } from 'node:crypto';
import type { LocalDate } from '@pace/engine';
import { cursorInstant, isCursorId } from '../../graphql/cursor';
import { isUuid } from '../../graphql/ids';
import {
  connectionFromKeyset,
  type Connection,
  type ConnectionArgs,
  type SortKey,
} from '../../graphql/relay';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { JobQueue } from '../../infra/queue/job';
import type { TransactionRow, TransactionService } from '../transactions';
import { ReceiptError } from './receipt.errors';
import type { ReceiptUpdatedEvent } from './receipt.events';
import { normaliseReceiptImage } from './receipt-image';
import { processReceiptJob } from './receipt.jobs';
import type { ReceiptPosition, ReceiptRepository } from './receipt.repository';
import { receiptImageKey, type ReceiptImageStorage } from './receipt-storage';
import type { ReceiptRow } from './receipt.table';

const MAX_TEXT = 500;

export interface ConfirmRequest {
  receiptId: string;
  merchant: string;
  bookedOn: LocalDate;
  amount: string;
  currency: string;
  categoryId: string;
  description?: string | null;
  /** The money account it was paid from; null: the default account. */
  accountId?: string | null;
}

export interface ConfirmResult {
  receipt: ReceiptRow;
  transaction: TransactionRow;
  /** The receipt was confirmed before: nothing changed. */
  alreadyConfirmed: boolean;
}

/** A name-based (version 5) UUID of `id` (a UUID) and `name`: the same inputs give the same id. */
function derivedId(id: string, name: string): string {
  const namespace = Buffer.from(id.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the transaction `confirmReceipt` books: derived from the receipt's, so a second
 * confirm (or a retry after a crash) replays the same booking, yet never equal to it (ids are
 * global: `node(id)` must find one record).
 */
export function receiptTransactionId(receiptId: string): string {
  return derivedId(receiptId, 'receipt-transaction');
}

/**
 * The id of the receipt uploaded for a transaction already booked (on the device, offline):
 * derived from the transaction's, so the same photo uploaded twice makes one receipt.
 */
export function linkedReceiptId(transactionId: string): string {
  return derivedId(transactionId, 'receipt-of-transaction');
}

/** A cursor key (instant, id) as a list position, or null unless a stored row could have it. */
function positionOf(key: SortKey | null): ReceiptPosition | null {
  if (!key) return null;
  const [instant, id] = key;
  const createdAt = instant === undefined ? null : cursorInstant(instant);
  return createdAt && id && isCursorId(id) ? { createdAt, id } : null;
}

/**
 * Receipts from upload to a confirmed transaction (domain.md §7). The upload stores the
 * normalised image and queues the OCR job; only `confirm` books a transaction.
 */
export class ReceiptService {
  constructor(
    private readonly deps: {
      repository: ReceiptRepository;
      storage: ReceiptImageStorage;
      queue: JobQueue;
      pubsub: PubSub;
      transactions: TransactionService;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  /**
   * Checks and stores an uploaded photo, then queues its processing. A refused file stores
   * nothing; so does a queue that cannot take the job (the row and image are removed again).
   *
   * With `transactionId` (a photo read and booked on the device while offline), the receipt is
   * linked to that transaction of the person's and stored CONFIRMED: nothing more is booked and
   * no job runs. Its id derives from the transaction's, so uploading it again returns the first
   * receipt and stores nothing.
   */
  async upload(
    userId: string,
    bytes: Buffer,
    options: {
      transactionId?: string | null;
      /** Whose ledger holds that transaction: the household's owner's for a member. */
      budgetOwnerId?: string;
    } = {},
  ): Promise<ReceiptRow> {
    const linked =
      options.transactionId == null
        ? null
        : await this.ownTransaction(options.budgetOwnerId ?? userId, options.transactionId);
    if (linked) {
      const existing = await this.linkedReceipt(userId, linked.id);
      if (existing) return existing;
    }
    const image = await normaliseReceiptImage(bytes);
    const id = linked ? linkedReceiptId(linked.id) : this.deps.newId();
    const now = this.deps.now();
    const row: Omit<ReceiptRow, 'changeSeq'> = {
      id,
      userId,
      status: linked ? 'CONFIRMED' : 'UPLOADED',
      storageKey: receiptImageKey(userId, id),
      contentType: image.contentType,
      sizeBytes: bytes.length,
      ocrProvider: null,
      ocrLines: null,
      parsed: null,
      currency: null,
      progress: linked ? 1 : 0,
      stage: linked ? null : 'queued',
      attempts: 0,
      failureCode: null,
      failureMessage: null,
      transactionId: linked?.id ?? null,
      createdAt: now,
      updatedAt: now,
      processedAt: null,
    };
    const key = row.storageKey ?? '';
    await this.deps.storage.put(key, image.jpeg);
    if (linked) {
      // A concurrent upload of the same photo may have inserted it first: that receipt is the
      // answer either way (the image under the same key is the same photo).
      await this.deps.repository.insertUnlessExists(row);
      return this.get(userId, row.id);
    }
    try {
      await this.deps.repository.insert(row);
      await this.enqueue(row);
    } catch (error) {
      await this.deps.repository.delete(id).catch(() => undefined);
      await this.deps.storage.delete(key).catch(() => undefined);
      throw error;
    }
    return this.get(userId, id);
  }

  /** The person's transaction named by an upload; refused (nothing stored) when it is not theirs. */
  private async ownTransaction(userId: string, transactionId: string): Promise<TransactionRow> {
    if (!isUuid(transactionId)) throw new ReceiptError('RECEIPT_TRANSACTION_NOT_FOUND');
    try {
      return await this.deps.transactions.get(userId, transactionId);
    } catch {
      throw new ReceiptError('RECEIPT_TRANSACTION_NOT_FOUND');
    }
  }

  /** The receipt already linked to the person's transaction (a repeated upload), if any. */
  private async linkedReceipt(userId: string, transactionId: string): Promise<ReceiptRow | null> {
    const derived = await this.deps.repository.find(linkedReceiptId(transactionId));
    if (derived && derived.userId === userId) return derived;
    return null;
  }

  async get(userId: string, id: string): Promise<ReceiptRow> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId) throw new ReceiptError('RECEIPT_NOT_FOUND');
    return row;
  }

  /** The stored (normalised JPEG) image of one of the person's receipts. */
  async image(userId: string, id: string): Promise<Buffer> {
    const row = await this.get(userId, id);
    const image = row.storageKey ? await this.deps.storage.get(row.storageKey) : null;
    if (!image) throw new ReceiptError('RECEIPT_NOT_FOUND');
    return image;
  }

  /** A Relay page of the person's receipts, newest first, forward or backward. */
  connection(userId: string, args: ConnectionArgs): Promise<Connection<ReceiptRow>> {
    return connectionFromKeyset(
      args,
      {
        key: (row) => [row.createdAt.toISOString(), row.id],
        keyLength: 2,
        isKey: (key) => positionOf(key) !== null,
      },
      (window) =>
        this.deps.repository.listOfUser(userId, {
          limit: window.limit,
          after: positionOf(window.after),
          before: positionOf(window.before),
          backward: window.backward,
        }),
    );
  }

  /** Reads the image again; a receipt still queued or processing is returned as it is. */
  async reprocess(userId: string, id: string): Promise<ReceiptRow> {
    const row = await this.get(userId, id);
    if (row.status === 'DISCARDED') throw new ReceiptError('RECEIPT_DISCARDED');
    if (row.status === 'CONFIRMED') throw new ReceiptError('RECEIPT_CONFIRMED');
    if (row.status === 'UPLOADED' || row.status === 'PROCESSING') return row;
    const queued = await this.deps.repository.update(
      id,
      {
        status: 'UPLOADED',
        progress: 0,
        stage: 'queued',
        failureCode: null,
        failureMessage: null,
        updatedAt: this.deps.now(),
      },
      ['PROCESSED', 'FAILED'],
    );
    if (!queued) return this.get(userId, id);
    await this.enqueue(queued);
    await this.publish(queued);
    return queued;
  }

  /** Deletes the stored image; the receipt stays listed nowhere, a booked transaction stays. */
  async discard(userId: string, id: string): Promise<ReceiptRow> {
    const row = await this.get(userId, id);
    if (row.status === 'DISCARDED') return row;
    const discarded = await this.deps.repository.update(
      id,
      { status: 'DISCARDED', storageKey: null, stage: null, updatedAt: this.deps.now() },
      [row.status],
    );
    if (!discarded) return this.discard(userId, id);
    if (row.storageKey) await this.deps.storage.delete(row.storageKey);
    return discarded;
  }

  /**
   * Books the person's corrections as one expense. The transaction's id derives from the
   * receipt's, so a second confirm (or a retry after a crash) replays it and changes nothing.
   */
  async confirm(
    userId: string,
    request: ConfirmRequest,
    budget: { ownerId: string; memberId: string | null } = { ownerId: userId, memberId: null },
  ): Promise<ConfirmResult> {
    const row = await this.get(userId, request.receiptId);
    if (row.status === 'DISCARDED') throw new ReceiptError('RECEIPT_DISCARDED');
    const merchant = request.merchant.trim();
    checkText('merchant', merchant, { required: true });
    checkText('description', request.description ?? '', { required: false });
    if (row.status === 'CONFIRMED' && row.transactionId) {
      // Booked before (here, or on the device before the photo was uploaded): change nothing.
      const booked = await this.deps.transactions
        .get(budget.ownerId, row.transactionId)
        .catch(() => null);
      if (booked) return { receipt: row, transaction: booked, alreadyConfirmed: true };
    }
    const { transaction } = await this.deps.transactions.create(budget.ownerId, {
      id: receiptTransactionId(row.id),
      memberId: budget.memberId,
      amount: request.amount,
      currency: request.currency,
      categoryId: request.categoryId,
      merchant,
      description: request.description ?? '',
      bookedOn: request.bookedOn,
      source: 'receipt',
      accountId: request.accountId ?? null,
    });
    if (row.status === 'CONFIRMED') return { receipt: row, transaction, alreadyConfirmed: true };
    const confirmed = await this.deps.repository.update(
      row.id,
      {
        status: 'CONFIRMED',
        transactionId: transaction.id,
        stage: null,
        updatedAt: this.deps.now(),
      },
      ['UPLOADED', 'PROCESSING', 'PROCESSED', 'FAILED'],
    );
    // Lost a race with another confirm (or a discard): report the receipt as it is now.
    const current = confirmed ?? (await this.get(userId, row.id));
    return { receipt: current, transaction, alreadyConfirmed: confirmed === null };
  }

  /** The person's receipts whose processing ended (PROCESSED or FAILED), from whichever node. */
  subscribeProcessed(userId: string): AsyncIterableIterator<ReceiptUpdatedEvent> {
    return this.deps.pubsub.subscribe('receipt.processed', userId);
  }

  private async enqueue(row: Pick<ReceiptRow, 'id' | 'attempts'>): Promise<void> {
    await this.deps.queue.enqueue(
      processReceiptJob,
      { receiptId: row.id },
      // One job per run (a reprocess is a new run); a moment later so the answer goes first.
      { jobId: `receipt-${row.id}-v${row.attempts}`, delayMs: 50 },
    );
  }

  private async publish(row: ReceiptRow): Promise<void> {
    await this.deps.pubsub.publish('receipt.updated', row.userId, row);
  }
}

function checkText(field: string, value: string, options: { required: boolean }): void {
  if (options.required && value === '')
    throw new ReceiptError('RECEIPT_INPUT_INVALID', { field, message: 'it is empty' });
  if (value.length > MAX_TEXT)
    throw new ReceiptError('RECEIPT_INPUT_INVALID', {
      field,
      message: `it is longer than ${MAX_TEXT} characters`,
    });
}
