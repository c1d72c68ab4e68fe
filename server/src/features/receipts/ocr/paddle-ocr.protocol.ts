/** Messages between the PaddleOCR provider and its child process (structured-clone IPC). */
import type { OcrBox } from './ocr-lines';

export interface PaddleWorkerRequest {
  readonly id: number;
  readonly image: Uint8Array;
}

export type PaddleWorkerReply =
  | { readonly id: 0; readonly type: 'ready' }
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly fraction: number;
      readonly stage: string;
    }
  | {
      readonly id: number;
      readonly type: 'result';
      readonly boxes: OcrBox[];
      readonly rssBytes: number;
    }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
