import type { ReceiptLine } from '@pace/engine';

/** Where the build copies tesseract.js's worker, cores and language data (scripts/copy-ocr-assets.mjs). */
const OCR_BASE = '/ocr';

// WebAssembly feature probes (the bytes wasm-feature-detect uses), to pick the core file ourselves
// so the warm-up fetches the same file the reader will load.
const SIMD = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
];
const RELAXED_SIMD = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15,
  65, 2, 253, 15, 253, 128, 2, 11,
];

function supports(bytes: number[]): boolean {
  try {
    return WebAssembly.validate(new Uint8Array(bytes));
  } catch {
    return false;
  }
}

/** The LSTM-only core this browser runs fastest. */
function corePath(): string {
  const variant = supports(RELAXED_SIMD)
    ? 'relaxedsimd-lstm'
    : supports(SIMD)
      ? 'simd-lstm'
      : 'lstm';
  return `${OCR_BASE}/tesseract-core-${variant}.wasm.js`;
}

/** The files the on-device reader needs, for the service worker to cache ahead of going offline. */
export function ocrFiles(): string[] {
  return [`${OCR_BASE}/worker.min.js`, corePath(), `${OCR_BASE}/eng.traineddata.gz`];
}

/** Fetches the reader's files once while online, so a receipt can be read later without a network. */
export async function warmOcrFiles(): Promise<void> {
  await Promise.all(
    ocrFiles().map((url) => fetch(url).then((response) => response.arrayBuffer())),
  ).catch(() => undefined);
}

export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Words grouped into lines, top to bottom and left to right: a word joins the line whose centre is
 * within half a word height of its own, so "TOTAL" and its amount stay on one line.
 */
export function groupWordsIntoLines(words: readonly OcrWord[]): ReceiptLine[] {
  const sorted = words
    .filter((w) => w.text.trim() !== '')
    .map((w) => ({ ...w, cy: (w.y0 + w.y1) / 2, h: Math.max(1, w.y1 - w.y0) }))
    .sort((a, b) => a.cy - b.cy);
  const lines: { cy: number; h: number; words: typeof sorted }[] = [];
  for (const word of sorted) {
    const line = lines.find((l) => Math.abs(l.cy - word.cy) <= Math.max(l.h, word.h) / 2);
    if (line) {
      line.words.push(word);
      line.cy = line.words.reduce((sum, w) => sum + w.cy, 0) / line.words.length;
    } else {
      lines.push({ cy: word.cy, h: word.h, words: [word] });
    }
  }
  return lines
    .sort((a, b) => a.cy - b.cy)
    .map((line) => {
      const inOrder = [...line.words].sort((a, b) => a.x0 - b.x0);
      const confidence = inOrder.reduce((sum, w) => sum + w.confidence, 0) / inOrder.length / 100;
      return { text: inOrder.map((w) => w.text).join(' '), confidence };
    });
}

/**
 * Reads a receipt photo on this device with tesseract.js (self-hosted files, no network once
 * cached); `onProgress` gets 0..1. Loaded on demand: the library stays out of the screen's bundle.
 */
export async function readReceiptOnDevice(
  image: Blob,
  onProgress?: (fraction: number) => void,
): Promise<ReceiptLine[]> {
  const { createWorker } = await import('tesseract.js');
  const worker = await createWorker('eng', 1, {
    workerPath: `${OCR_BASE}/worker.min.js`,
    corePath: corePath(),
    langPath: OCR_BASE,
    gzip: true,
    workerBlobURL: false,
    // The service worker keeps the language file; tesseract's own IndexedDB copy would double it.
    cacheMethod: 'none',
    logger: (message) => {
      if (message.status === 'recognizing text') onProgress?.(message.progress);
    },
  });
  try {
    const { data } = await worker.recognize(image, {}, { blocks: true, text: true });
    const words: OcrWord[] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          for (const word of line.words) {
            words.push({ text: word.text, confidence: word.confidence, ...word.bbox });
          }
        }
      }
    }
    const lines = groupWordsIntoLines(words);
    return lines.length > 0
      ? lines
      : data.text
          .split('\n')
          .filter((text) => text.trim() !== '')
          .map((text) => ({ text }));
  } finally {
    await worker.terminate();
  }
}
