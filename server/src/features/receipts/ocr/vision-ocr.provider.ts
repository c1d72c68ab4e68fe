/**
 * Google Cloud Vision as the OCR provider (DOCUMENT_TEXT_DETECTION), used when a service account
 * is configured. Its word boxes are grouped into lines the same way as PaddleOCR's.
 */
import { ImageAnnotatorClient } from '@google-cloud/vision';
import { groupBoxesIntoLines, type OcrBox } from './ocr-lines';
import type { OcrProgress, OcrProvider, OcrResult } from './ocr-provider';

type ClientOptions = NonNullable<ConstructorParameters<typeof ImageAnnotatorClient>[0]>;

export interface VisionOcrOptions {
  /** Path of the service-account key (GOOGLE_APPLICATION_CREDENTIALS). */
  readonly keyFilename?: string;
  /** Extra client options: tests point `apiEndpoint`/`port`/`protocol` at a local fake with `fallback`. */
  readonly client?: ClientOptions;
  readonly timeoutMs?: number;
}

interface Vertex {
  readonly x?: number | null;
  readonly y?: number | null;
}

interface VisionWord {
  readonly boundingBox?: { readonly vertices?: readonly Vertex[] | null } | null;
  readonly symbols?: ReadonlyArray<{ readonly text?: string | null }> | null;
  readonly confidence?: number | null;
}

interface VisionAnnotation {
  readonly fullTextAnnotation?: {
    readonly pages?: ReadonlyArray<{
      readonly blocks?: ReadonlyArray<{
        readonly paragraphs?: ReadonlyArray<{
          readonly words?: readonly VisionWord[] | null;
        }> | null;
      }> | null;
    }> | null;
  } | null;
  readonly error?: { readonly message?: string | null } | null;
}

function toBox(word: VisionWord): OcrBox | null {
  const vertices = word.boundingBox?.vertices ?? [];
  if (vertices.length === 0) return null;
  const xs = vertices.map((vertex) => vertex.x ?? 0);
  const ys = vertices.map((vertex) => vertex.y ?? 0);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return {
    text: (word.symbols ?? []).map((symbol) => symbol.text ?? '').join(''),
    x,
    y,
    width: Math.max(...xs) - x,
    height: Math.max(...ys) - y,
    ...(word.confidence == null ? {} : { confidence: word.confidence }),
  };
}

/** The word boxes of a documentTextDetection response. */
export function visionWordBoxes(annotation: VisionAnnotation): OcrBox[] {
  const words = (annotation.fullTextAnnotation?.pages ?? []).flatMap((page) =>
    (page.blocks ?? []).flatMap((block) =>
      (block.paragraphs ?? []).flatMap((paragraph) => paragraph.words ?? []),
    ),
  );
  return words.map(toBox).filter((box): box is OcrBox => box !== null);
}

export class VisionOcrProvider implements OcrProvider {
  readonly name = 'vision' as const;
  private readonly client: ImageAnnotatorClient;
  private readonly timeoutMs: number;

  constructor(options: VisionOcrOptions = {}) {
    this.client = new ImageAnnotatorClient({
      ...(options.keyFilename === undefined ? {} : { keyFilename: options.keyFilename }),
      ...options.client,
    });
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async recognize(image: Buffer, onProgress?: (progress: OcrProgress) => void): Promise<OcrResult> {
    onProgress?.({ fraction: 0.1, stage: 'upload' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Cloud Vision took longer than ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    const [annotation] = await Promise.race([
      this.client.documentTextDetection({ image: { content: image } }),
      timeout,
    ]).finally(() => clearTimeout(timer));
    const result = annotation as VisionAnnotation;
    if (result.error?.message) throw new Error(`Cloud Vision failed: ${result.error.message}`);
    onProgress?.({ fraction: 1, stage: 'done' });
    return { provider: 'vision', lines: groupBoxesIntoLines(visionWordBoxes(result)) };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
