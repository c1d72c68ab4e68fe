/** The OCR side of receipts: providers behind one interface and the configuration that picks one. */
export type { OcrProgress, OcrProvider, OcrProviderName, OcrResult } from './ocr-provider';
export { createOcrProvider, selectOcrProvider, type OcrConfig } from './create-ocr-provider';
export { groupBoxesIntoLines, normaliseOcrText, type OcrBox } from './ocr-lines';
export { PaddleOcrProvider, type PaddleOcrOptions } from './paddle-ocr.provider';
export { TesseractOcrProvider } from './tesseract-ocr.provider';
export { VisionOcrProvider, type VisionOcrOptions } from './vision-ocr.provider';
