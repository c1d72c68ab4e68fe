import { parseReceipt, type CurrencyCode } from '@pace/engine';
import type { PubSub } from '../../infra/pubsub/pubsub';
import type { JobQueue } from '../../infra/queue/job';
import type { OcrProgress, OcrProvider } from './ocr/ocr-provider';
import { processReceiptJob } from './receipt.jobs';
import type { ReceiptChanges, ReceiptRepository } from './receipt.repository';
import type { ReceiptImageStorage } from './receipt-storage';
import type { ReceiptFailure, ReceiptRow } from './receipt.table';

/** Progress writes during OCR: at most one per this interval. */
const PROGRESS_INTERVAL_MS = 250;
const RESUME_BATCH = 500;

/** A failure that retrying cannot fix. */
class PermanentFailure extends Error {
  constructor(
    readonly code: ReceiptFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The `receipts.process` job: OCR (in the worker, or the in-process runner when embedded), then
 * the engine's parser. It writes only the receipt row, so a worker killed mid-OCR leaves nothing
 * half-made; the job runs again (BullMQ's stalled-job recovery, or `resumeUnfinished` on start).
 */
export class ReceiptProcessingService {
  private provider: Promise<OcrProvider> | undefined;

  constructor(
    private readonly deps: {
      repository: ReceiptRepository;
      storage: ReceiptImageStorage;
      queue: JobQueue;
      pubsub: PubSub;
      /** Creates the OCR engine on first use (API nodes of the distributed mode never do). */
      createOcr: () => Promise<OcrProvider>;
      /** The person's locale and budget currency, for the parser. */
      profile: (userId: string) => Promise<{ locale: string; currency: CurrencyCode }>;
      now: () => Date;
    },
  ) {}

  async process(receiptId: string, attempt: { number: number; of: number }): Promise<void> {
    const { repository } = this.deps;
    const found = await repository.find(receiptId);
    if (!found || (found.status !== 'UPLOADED' && found.status !== 'PROCESSING')) return;
    const started = await this.change(found, {
      status: 'PROCESSING',
      attempts: found.attempts + 1,
      progress: 0.05,
      stage: 'loading',
      failureCode: null,
      failureMessage: null,
    });
    if (!started) return;
    try {
      const image = found.storageKey ? await this.deps.storage.get(found.storageKey) : null;
      if (!image) throw new PermanentFailure('IMAGE_MISSING', 'The stored image is missing.');
      const progress = this.progressWriter(started);
      const ocr = await this.ocr();
      const result = await ocr.recognize(image, progress.report);
      await progress.flush();
      if (result.lines.length === 0)
        throw new PermanentFailure('NO_TEXT', 'No text was found on the image.');
      await this.change(started, { progress: 0.95, stage: 'parsing' });
      const profile = await this.deps.profile(started.userId);
      const parsed = parseReceipt(result.lines, {
        locale: profile.locale,
        defaultCurrency: profile.currency,
      });
      await this.finish(started, {
        status: 'PROCESSED',
        ocrProvider: result.provider,
        ocrLines: [...result.lines],
        parsed,
        currency: parsed.currency.value ?? profile.currency,
        progress: 1,
        stage: 'done',
      });
    } catch (error) {
      if (error instanceof PermanentFailure) {
        await this.fail(started, error.code, error.message);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (attempt.number < attempt.of) {
        await this.change(started, { stage: 'retrying', failureMessage: message.slice(0, 500) });
        throw error;
      }
      await this.fail(started, 'OCR_FAILED', `Reading the image failed: ${message}`.slice(0, 500));
    }
  }

  /**
   * Queues again every receipt whose processing has not ended. The embedded runner loses its jobs
   * when the process stops, so it calls this on start; the jobs find finished work and skip it.
   */
  async resumeUnfinished(): Promise<number> {
    const rows = await this.deps.repository.listUnfinished(RESUME_BATCH);
    for (const row of rows) {
      await this.deps.queue.enqueue(
        processReceiptJob,
        { receiptId: row.id },
        { jobId: `receipt-${row.id}-v${row.attempts}-resumed` },
      );
    }
    return rows.length;
  }

  async close(): Promise<void> {
    const provider = this.provider;
    this.provider = undefined;
    if (provider) await (await provider.catch(() => null))?.close();
  }

  private ocr(): Promise<OcrProvider> {
    this.provider ??= this.deps.createOcr();
    // A provider that failed to start is tried again by the next job.
    this.provider.catch(() => (this.provider = undefined));
    return this.provider;
  }

  /** OCR progress into the row (0.1..0.9), throttled and in order. */
  private progressWriter(row: ReceiptRow) {
    let chain: Promise<unknown> = Promise.resolve();
    let lastAt = 0;
    return {
      report: (progress: OcrProgress) => {
        const at = Date.now();
        if (at - lastAt < PROGRESS_INTERVAL_MS) return;
        lastAt = at;
        const fraction = 0.1 + 0.8 * Math.max(0, Math.min(1, progress.fraction));
        chain = chain
          .then(() => this.change(row, { progress: fraction, stage: progress.stage }))
          .catch(() => undefined);
      },
      flush: () => chain,
    };
  }

  private async fail(row: ReceiptRow, code: ReceiptFailure, message: string): Promise<void> {
    await this.finish(row, {
      status: 'FAILED',
      failureCode: code,
      failureMessage: message,
      stage: 'failed',
      progress: 1,
    });
  }

  private async finish(row: ReceiptRow, changes: ReceiptChanges): Promise<void> {
    const done = await this.change(row, { ...changes, processedAt: this.deps.now() });
    if (done) await this.deps.pubsub.publish('receipt.processed', done.userId, done);
  }

  /** Writes while the receipt is still being processed, and tells the person's apps. */
  private async change(row: ReceiptRow, changes: ReceiptChanges): Promise<ReceiptRow | null> {
    const changed = await this.deps.repository.update(
      row.id,
      { ...changes, updatedAt: this.deps.now() },
      ['UPLOADED', 'PROCESSING'],
    );
    if (changed) await this.deps.pubsub.publish('receipt.updated', changed.userId, changed);
    return changed;
  }
}
