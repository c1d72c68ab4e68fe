import { describe, expect, it } from 'vitest';
import { selectOcrProvider } from './create-ocr-provider';
import { groupBoxesIntoLines, type OcrBox } from './ocr-lines';

const box = (text: string, x: number, y: number, height = 20, confidence?: number): OcrBox => ({
  text,
  x,
  y,
  width: text.length * 10,
  height,
  ...(confidence === undefined ? {} : { confidence }),
});

describe('groupBoxesIntoLines', () => {
  it('puts a label and its amount on one line even when the boxes come out of order', () => {
    const lines = groupBoxesIntoLines([
      box('20.70', 300, 103),
      box('CASH', 10, 140),
      box('TOTAL:', 10, 100),
      box('21.00', 300, 141),
    ]);
    expect(lines.map((line) => line.text)).toEqual(['TOTAL: 20.70', 'CASH 21.00']);
  });

  it('keeps slightly skewed boxes together and separate rows apart', () => {
    const lines = groupBoxesIntoLines([
      box('A', 0, 0),
      box('B', 50, 6),
      box('C', 100, 9),
      box('D', 0, 30),
    ]);
    expect(lines.map((line) => line.text)).toEqual(['A B C', 'D']);
  });

  it('normalises full-width characters and weighs confidence by text length', () => {
    const [line] = groupBoxesIntoLines([
      box('ＴＯＴＡＬ：', 0, 0, 20, 1),
      box('１２．３０', 100, 0, 20, 0.5),
    ]);
    expect(line?.text).toBe('TOTAL: 12.30');
    expect(line?.confidence).toBeCloseTo((6 * 1 + 5 * 0.5) / 11, 3);
  });

  it('drops empty boxes', () => {
    expect(groupBoxesIntoLines([box('  ', 0, 0), box('X', 0, 40)])).toEqual([{ text: 'X' }]);
  });
});

describe('selectOcrProvider', () => {
  it.each([
    [{}, 'paddle'],
    [{ GOOGLE_APPLICATION_CREDENTIALS: '/keys/sa.json' }, 'vision'],
    [
      { OCR_PROVIDER: 'tesseract' as const, GOOGLE_APPLICATION_CREDENTIALS: '/keys/sa.json' },
      'tesseract',
    ],
    [{ OCR_PROVIDER: 'paddle' as const }, 'paddle'],
  ])('%j → %s', (config, expected) => {
    expect(selectOcrProvider(config)).toBe(expected);
  });
});
