import type { LocalDate } from '@pace/engine';
import { cursorInstant, decodeCursor, encodeCursor, isCursorId } from '../../graphql/cursor';
import { isUuid } from '../../graphql/ids';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { JobQueue } from '../../infra/queue/job';
import type { TransactionRow, TransactionService } from '../transactions';
import { ReceiptError } from './receipt.errors';
import type { ReceiptUpdatedEvent } from './receipt.events';
import { normaliseReceiptImage } from './receipt-image';
import { processReceiptJob } from './receipt.jobs';
import type { ReceiptRepository } from './receipt.repository';
import { receiptImageKey, type ReceiptImageStorage } from './receipt-storage';
import type { ReceiptRow } from './receipt.table';

const MAX_PAGE = 100;
const MAX_TEXT = 500;

export interface ReceiptPage {
  rows: ReceiptRow[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface ConfirmRequest {
  receiptId: string;
  merchant: string;
  bookedOn: LocalDate;
  amount: string;
  currency: string;
  categoryId: string;
  description?: string | null;
}

export interface ConfirmResult {
  receipt: ReceiptRow;
  transaction: TransactionRow;
  /** The receipt was confirmed before: nothing changed. */
  alreadyConfirmed: boolean;
}

/** A receipt's page cursor: its instant and id. */
export function receiptCursorOf(row: ReceiptRow): string {
  return encodeCursor([row.createdAt.toISOString(), row.id]);
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
   */
  async upload(userId: string, bytes: Buffer): Promise<ReceiptRow> {
    const image = await normaliseReceiptImage(bytes);
    const id = this.deps.newId();
    const now = this.deps.now();
    const row: ReceiptRow = {
      id,
      userId,
      status: 'UPLOADED',
      storageKey: receiptImageKey(userId, id),
      contentType: image.contentType,
      sizeBytes: bytes.length,
      ocrProvider: null,
      ocrLines: null,
      parsed: null,
      currency: null,
      progress: 0,
      stage: 'queued',
      attempts: 0,
      failureCode: null,
      failureMessage: null,
      transactionId: null,
      createdAt: now,
      updatedAt: now,
      processedAt: null,
    };
    const key = row.storageKey ?? '';
    await this.deps.storage.put(key, image.jpeg);
    try {
      await this.deps.repository.insert(row);
      await this.enqueue(row);
    } catch (error) {
      await this.deps.repository.delete(id).catch(() => undefined);
      await this.deps.storage.delete(key).catch(() => undefined);
      throw error;
    }
    return row;
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

  /** Newest first; `after` is a cursor of an earlier page. */
  async list(userId: string, options: { first?: number | null; after?: string | null }) {
    const limit = Math.max(0, Math.min(options.first ?? 20, MAX_PAGE));
    let after: { createdAt: Date; id: string } | null = null;
    if (options.after != null) {
      const [instant, id] = decodeCursor(options.after, 2) ?? [];
      const createdAt = instant ? cursorInstant(instant) : null;
      if (!createdAt || !id || !isCursorId(id))
        throw new ReceiptError('RECEIPT_INPUT_INVALID', {
          field: 'after',
          message: 'not a cursor of this list',
        });
      after = { createdAt, id };
    }
    const rows = await this.deps.repository.listOfUser(userId, { limit: limit + 1, after });
    return {
      rows: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      hasPreviousPage: after !== null,
    } satisfies ReceiptPage;
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
   * Books the person's corrections as one expense. The transaction's id is the receipt's, so a
   * second confirm (or a retry after a crash) replays it and changes nothing.
   */
  async confirm(userId: string, request: ConfirmRequest): Promise<ConfirmResult> {
    const row = await this.get(userId, request.receiptId);
    if (row.status === 'DISCARDED') throw new ReceiptError('RECEIPT_DISCARDED');
    const merchant = request.merchant.trim();
    checkText('merchant', merchant, { required: true });
    checkText('description', request.description ?? '', { required: false });
    const { transaction } = await this.deps.transactions.create(userId, {
      id: row.id,
      amount: request.amount,
      currency: request.currency,
      categoryId: request.categoryId,
      merchant,
      description: request.description ?? '',
      bookedOn: request.bookedOn,
      source: 'receipt',
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

  private async enqueue(row: ReceiptRow): Promise<void> {
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
