/**
 * The default OCR provider: PaddleOCR (PP-OCRv4) on ONNX Runtime, run in a forked child process.
 * Images are read one at a time; the child is replaced after `maxImagesPerProcess` images or when
 * its resident memory passes `maxRssBytes` (ONNX Runtime keeps its peak), and killed when an image
 * takes longer than `timeoutMs`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { groupBoxesIntoLines } from './ocr-lines';
import type { OcrProgress, OcrProvider, OcrResult } from './ocr-provider';
import type { PaddleWorkerReply, PaddleWorkerRequest } from './paddle-ocr.protocol';

export interface PaddleOcrOptions {
  readonly maxImagesPerProcess?: number;
  readonly maxRssBytes?: number;
  readonly timeoutMs?: number;
  /** The child entry; by default dist/ocr-worker.js beside the bundle, or the .ts source under tsx. */
  readonly workerFile?: string;
}

interface Pending {
  readonly child: ChildProcess;
  readonly resolve: (result: OcrResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: OcrProgress) => void;
  readonly timer: NodeJS.Timeout;
}

/** Where the child entry lives: beside the bundle in dist/, or next to this file when run from source. */
function defaultWorker(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return {
      file: path.join(path.dirname(here), 'paddle-ocr.worker.ts'),
      execArgv: ['--import', tsx],
    };
  }
  return { file: path.join(path.dirname(here), 'ocr-worker.js'), execArgv: [] };
}

export class PaddleOcrProvider implements OcrProvider {
  readonly name = 'paddle' as const;
  private child: ChildProcess | undefined;
  private imagesInChild = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  private isClosed = false;
  private started = 0;
  private readonly maxImages: number;
  private readonly maxRssBytes: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: PaddleOcrOptions = {}) {
    this.maxImages = options.maxImagesPerProcess ?? 200;
    this.maxRssBytes = options.maxRssBytes ?? 1024 ** 3;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  recognize(image: Buffer, onProgress?: (progress: OcrProgress) => void): Promise<OcrResult> {
    // One image at a time per child: ONNX Runtime already uses every core for one image.
    const run = this.queue.then(() => this.recognizeNow(image, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await this.queue;
    this.stopChild();
  }

  /** How many child processes this provider has started (recycling replaces them). */
  get processesStarted(): number {
    return this.started;
  }

  private recognizeNow(
    image: Buffer,
    onProgress?: (progress: OcrProgress) => void,
  ): Promise<OcrResult> {
    if (this.isClosed) return Promise.reject(new Error('OCR provider is closed'));
    const child = this.ensureChild();
    const id = this.nextId++;
    return new Promise<OcrResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.stopChild();
        reject(new Error(`PaddleOCR took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { child, resolve, reject, onProgress, timer });
      const request: PaddleWorkerRequest = { id, image: new Uint8Array(image) };
      child.send(request);
    });
  }

  private ensureChild(): ChildProcess {
    if (this.child !== undefined && this.child.connected) return this.child;
    const worker = defaultWorker();
    const child = fork(this.options.workerFile ?? worker.file, [], {
      execArgv: this.options.workerFile === undefined ? worker.execArgv : [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (reply: PaddleWorkerReply) => this.onReply(reply));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      this.failPendingOf(
        child,
        new Error(`PaddleOCR process exited (${signal ?? code ?? 'unknown'})`),
      );
    });
    this.child = child;
    this.started += 1;
    this.imagesInChild = 0;
    return child;
  }

  private onReply(reply: PaddleWorkerReply): void {
    if (reply.type === 'ready') return;
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    if (reply.type === 'progress') {
      pending.onProgress?.({ fraction: reply.fraction, stage: reply.stage });
      return;
    }
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.type === 'error') {
      pending.reject(new Error(`PaddleOCR failed: ${reply.message}`));
      return;
    }
    this.imagesInChild += 1;
    if (this.imagesInChild >= this.maxImages || reply.rssBytes > this.maxRssBytes) this.stopChild();
    pending.resolve({ provider: 'paddle', lines: groupBoxesIntoLines(reply.boxes) });
  }

  private failPendingOf(child: ChildProcess, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.child !== child) continue;
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }

  private stopChild(): void {
    const child = this.child;
    this.child = undefined;
    if (child === undefined) return;
    if (child.connected) child.disconnect();
    child.kill();
  }
}
