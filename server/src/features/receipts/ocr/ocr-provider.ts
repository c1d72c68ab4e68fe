/**
 * OCR providers behind one interface (PaddleOCR by default, tesseract.js as the light fallback,
 * Google Cloud Vision when configured). Run by the worker, never on the API's request thread.
 */
import type { ReceiptLine } from '@pace/engine';

export type OcrProviderName = 'paddle' | 'tesseract' | 'vision';

export interface OcrProgress {
  /** 0..1 */
  readonly fraction: number;
  readonly stage: string;
}

export interface OcrResult {
  readonly provider: OcrProviderName;
  /** Text boxes grouped into lines (by centre y, then x), top to bottom. */
  readonly lines: readonly ReceiptLine[];
}

export interface OcrProvider {
  readonly name: OcrProviderName;
  /** Reads an already-normalised image (orientation applied, size capped; JPEG or PNG bytes). */
  recognize(image: Buffer, onProgress?: (progress: OcrProgress) => void): Promise<OcrResult>;
  /** Frees models, workers and child processes. */
  close(): Promise<void>;
}
