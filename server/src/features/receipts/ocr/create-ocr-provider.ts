/**
 * Chooses the OCR provider from configuration: OCR_PROVIDER when set, else Cloud Vision when
 * GOOGLE_APPLICATION_CREDENTIALS is set, else PaddleOCR.
 */
import type { OcrProvider, OcrProviderName } from './ocr-provider';
import { PaddleOcrProvider } from './paddle-ocr.provider';
import { TesseractOcrProvider } from './tesseract-ocr.provider';
import { VisionOcrProvider } from './vision-ocr.provider';

/** The part of the server configuration the OCR providers read (see app/config.ts). */
export interface OcrConfig {
  readonly OCR_PROVIDER?: OcrProviderName | undefined;
  readonly GOOGLE_APPLICATION_CREDENTIALS?: string | undefined;
  readonly OCR_TIMEOUT_MS?: number | undefined;
  readonly OCR_PADDLE_MAX_IMAGES_PER_PROCESS?: number | undefined;
  readonly OCR_PADDLE_MAX_RSS_MB?: number | undefined;
}

/** The provider name the configuration selects. */
export function selectOcrProvider(config: OcrConfig): OcrProviderName {
  if (config.OCR_PROVIDER !== undefined) return config.OCR_PROVIDER;
  return config.GOOGLE_APPLICATION_CREDENTIALS === undefined ? 'paddle' : 'vision';
}

/** Creates the configured provider; nothing is loaded until the first image. */
export function createOcrProvider(config: OcrConfig): OcrProvider {
  const name = selectOcrProvider(config);
  switch (name) {
    case 'paddle':
      return new PaddleOcrProvider({
        ...(config.OCR_TIMEOUT_MS === undefined ? {} : { timeoutMs: config.OCR_TIMEOUT_MS }),
        ...(config.OCR_PADDLE_MAX_IMAGES_PER_PROCESS === undefined
          ? {}
          : { maxImagesPerProcess: config.OCR_PADDLE_MAX_IMAGES_PER_PROCESS }),
        ...(config.OCR_PADDLE_MAX_RSS_MB === undefined
          ? {}
          : { maxRssBytes: config.OCR_PADDLE_MAX_RSS_MB * 1024 * 1024 }),
      });
    case 'tesseract':
      return new TesseractOcrProvider();
    case 'vision':
      return new VisionOcrProvider({
        ...(config.GOOGLE_APPLICATION_CREDENTIALS === undefined
          ? {}
          : { keyFilename: config.GOOGLE_APPLICATION_CREDENTIALS }),
        ...(config.OCR_TIMEOUT_MS === undefined ? {} : { timeoutMs: config.OCR_TIMEOUT_MS }),
      });
  }
}
