import { describe, expect, it } from 'vitest';
import { groupWordsIntoLines, type OcrWord } from './receipt-ocr';
import { checkReceiptFile, uploadErrorOf } from './receipt-upload';

const word = (text: string, x0: number, y0: number, height = 20): OcrWord => ({
  text,
  confidence: 90,
  x0,
  y0,
  x1: x0 + text.length * 10,
  y1: y0 + height,
});

describe('groupWordsIntoLines', () => {
  it('keeps a label and its amount on one line, top to bottom, left to right', () => {
    const lines = groupWordsIntoLines([
      word('20.70', 300, 103),
      word('TOTAL:', 10, 100),
      word('SOUP', 10, 10),
      word('PORRIDGE', 80, 12),
      word('CASH', 10, 140),
      word('21.00', 300, 138),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['SOUP PORRIDGE', 'TOTAL: 20.70', 'CASH 21.00']);
    expect(lines[0]?.confidence).toBeCloseTo(0.9);
  });

  it('drops empty words and gives nothing for nothing', () => {
    expect(groupWordsIntoLines([word(' ', 0, 0)])).toEqual([]);
  });
});

describe('upload errors', () => {
  it.each([
    [
      400,
      { errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'RECEIPT_EMPTY' } }] },
      'RECEIPT_EMPTY',
    ],
    [
      413,
      { errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'RECEIPT_TOO_LARGE' } }] },
      'RECEIPT_TOO_LARGE',
    ],
    [415, null, 'RECEIPT_TYPE_UNSUPPORTED'],
    [403, { errors: [{ extensions: { code: 'FORBIDDEN' } }] }, 'FORBIDDEN'],
    [401, 'not json', 'UNAUTHENTICATED'],
    [500, { errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, 'UNKNOWN'],
  ])('HTTP %i %j → %s', (status, body, code) => {
    expect(uploadErrorOf(status, body)).toBe(code);
  });

  it.each([
    [new Blob([]), 'RECEIPT_EMPTY'],
    [new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/jpeg' }), 'RECEIPT_TOO_LARGE'],
    [new Blob(['GIF89a'], { type: 'image/gif' }), 'RECEIPT_TYPE_UNSUPPORTED'],
    [new Blob(['x'], { type: 'image/jpeg' }), null],
    [new Blob(['x']), null],
  ])('checks %o before sending → %s', (file, code) => {
    expect(checkReceiptFile(file)).toBe(code);
  });
});
