/**
 * Child-process entry of the PaddleOCR provider (bundled as dist/ocr-worker.js). It loads the models
 * once and answers one image at a time over IPC; the parent recycles the process to give back the
 * memory ONNX Runtime keeps after a large image.
 */
import { createPaddleEngine, type PaddleEngine } from './paddle-ocr.engine';
import type { PaddleWorkerReply, PaddleWorkerRequest } from './paddle-ocr.protocol';

function send(reply: PaddleWorkerReply): void {
  process.send?.(reply);
}

let engine: Promise<PaddleEngine> | undefined;

async function handle(request: PaddleWorkerRequest): Promise<void> {
  try {
    engine ??= createPaddleEngine();
    const ready = await engine;
    const boxes = await ready.recognizeBoxes(Buffer.from(request.image), (fraction, stage) =>
      send({ id: request.id, type: 'progress', fraction, stage }),
    );
    send({ id: request.id, type: 'result', boxes, rssBytes: process.memoryUsage().rss });
  } catch (error) {
    send({
      id: request.id,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

if (process.send === undefined) {
  console.error('paddle-ocr worker: start me with child_process.fork');
  process.exit(1);
}
process.on('message', (message: PaddleWorkerRequest) => void handle(message));
process.on('disconnect', () => process.exit(0));
send({ id: 0, type: 'ready' });
