/**
 * The light OCR provider: tesseract.js with the English model of @tesseract.js-data/eng, offline
 * (nothing is downloaded or cached at run time). Weaker than PaddleOCR on receipts, but ~0.7 s and
 * ~160 MB.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import { groupBoxesIntoLines, type OcrBox } from './ocr-lines';
import type { OcrProgress, OcrProvider, OcrResult } from './ocr-provider';

const require = createRequire(import.meta.url);

/** The folder of the integer-quantised "best" English model shipped in @tesseract.js-data/eng. */
export function tesseractLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');
}

interface TesseractWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: { x0: number; y0: number; x1: number; y1: number };
}

interface TesseractBlocks {
  readonly blocks: ReadonlyArray<{
    paragraphs: ReadonlyArray<{ lines: ReadonlyArray<{ words: readonly TesseractWord[] }> }>;
  }> | null;
}

function wordsToBoxes(data: TesseractBlocks): OcrBox[] {
  const words = (data.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) => paragraph.lines.flatMap((line) => line.words)),
  );
  return words.map((word) => ({
    text: word.text,
    x: word.bbox.x0,
    y: word.bbox.y0,
    width: word.bbox.x1 - word.bbox.x0,
    height: word.bbox.y1 - word.bbox.y0,
    confidence: word.confidence / 100,
  }));
}

export class TesseractOcrProvider implements OcrProvider {
  readonly name = 'tesseract' as const;
  private worker: Promise<Worker> | undefined;
  private onProgress: ((progress: OcrProgress) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  recognize(image: Buffer, onProgress?: (progress: OcrProgress) => void): Promise<OcrResult> {
    const run = this.queue.then(() => this.recognizeNow(image, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await (await worker).terminate();
  }

  private async recognizeNow(
    image: Buffer,
    onProgress?: (progress: OcrProgress) => void,
  ): Promise<OcrResult> {
    this.worker ??= createWorker('eng', 1, {
      langPath: tesseractLangPath(),
      gzip: true,
      cacheMethod: 'none',
      logger: (message: { status: string; progress: number }) =>
        this.onProgress?.({ fraction: message.progress, stage: message.status }),
    });
    const worker = await this.worker;
    this.onProgress = onProgress;
    try {
      const { data } = await worker.recognize(image, {}, { blocks: true });
      return { provider: 'tesseract', lines: groupBoxesIntoLines(wordsToBoxes(data)) };
    } finally {
      this.onProgress = undefined;
    }
  }
}
