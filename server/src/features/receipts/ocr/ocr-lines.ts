/**
 * Grouping of OCR text boxes into lines: engines return boxes (words or fragments), and a receipt's
 * "TOTAL ..... 12.30" only keeps its number when both boxes land on one line. Boxes are chained by
 * vertical centre (a box joins a line when its centre lies within half a line height of the line's
 * centre), then each line is read left to right.
 */
import type { ReceiptLine } from '@pace/engine';

/** One recognised text box in image pixels (top-left origin). */
export interface OcrBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** 0..1 when the engine gives one. */
  readonly confidence?: number;
}

interface LineDraft {
  centreY: number;
  height: number;
  boxes: OcrBox[];
}

/** NFKC (full-width punctuation and digits become ASCII) and collapsed whitespace. */
export function normaliseOcrText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function joinBoxes(boxes: readonly OcrBox[]): ReceiptLine {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const text = sorted
    .map((box) => normaliseOcrText(box.text))
    .filter(Boolean)
    .join(' ');
  const scored = sorted.filter((box) => box.confidence !== undefined);
  if (scored.length === 0) return { text };
  // Weighted by text length: one long, sure box outweighs a short unsure fragment.
  let weight = 0;
  let sum = 0;
  for (const box of scored) {
    const length = Math.max(1, box.text.length);
    weight += length;
    sum += (box.confidence ?? 0) * length;
  }
  return { text, confidence: Math.round((sum / weight) * 1000) / 1000 };
}

/** Groups boxes into lines by centre y, then orders each line by x; lines come top to bottom. */
export function groupBoxesIntoLines(boxes: readonly OcrBox[]): ReceiptLine[] {
  const usable = boxes.filter((box) => box.height > 0 && normaliseOcrText(box.text) !== '');
  const byCentre = [...usable].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2));
  const lines: LineDraft[] = [];
  for (const box of byCentre) {
    const centreY = box.y + box.height / 2;
    const line = lines.find(
      (candidate) =>
        Math.abs(candidate.centreY - centreY) <= Math.min(candidate.height, box.height) / 2,
    );
    if (line === undefined) {
      lines.push({ centreY, height: box.height, boxes: [box] });
      continue;
    }
    const count = line.boxes.length;
    line.centreY = (line.centreY * count + centreY) / (count + 1);
    line.height = (line.height * count + box.height) / (count + 1);
    line.boxes.push(box);
  }
  return lines
    .sort((a, b) => a.centreY - b.centreY)
    .map((line) => joinBoxes(line.boxes))
    .filter((line) => line.text !== '');
}
