/**
 * The real thing on three real receipts of the dev set: OCR (PaddleOCR in its child process, and
 * tesseract.js) then the parser. Kept small so CI stays fast; `npm run receipts:eval` measures all 60.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReceipt } from '@pace/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { PaddleOcrProvider } from './paddle-ocr.provider';
import { TesseractOcrProvider } from './tesseract-ocr.provider';

const DEV_DIR = path.resolve(
  import.meta.dirname,
  '../../../../../../shared/data/receipts/sroie-dev',
);
const hasData = existsSync(path.join(DEV_DIR, 'labels.json'));
if (!hasData) console.warn(`receipt OCR tests skipped: ${DEV_DIR} is missing`);

// Chosen for their formats: a date glued to its time, a month name, an OCR-spaced total with rounding.
const RECEIPTS = [
  {
    file: '002.jpg',
    total: '20.70',
    totalMinor: 2070,
    date: '2018-06-05',
    merchant: 'SOUP&PORRIDGE',
  },
  {
    file: '004.jpg',
    total: '14.50',
    totalMinor: 1450,
    date: '2016-07-19',
    merchant: 'YINMA(M)SDN.BHD.',
  },
  {
    file: '036.jpg',
    total: '98',
    totalMinor: 9800,
    date: '2018-04-06',
    merchant: 'FREEDOMOPTIMUMSDNBHD',
  },
];
const image = (file: string) => readFileSync(path.join(DEV_DIR, file));
const options = { locale: 'en-MY', defaultCurrency: 'MYR' };
const squeeze = (text: string | null) => (text ?? '').toUpperCase().replace(/\s+/g, '');

describe.runIf(hasData)('PaddleOCR on real receipts', () => {
  const paddle = new PaddleOcrProvider({ maxImagesPerProcess: 2 });
  afterAll(() => paddle.close());

  it.each(RECEIPTS)(
    '$file: the total is in the text, and the parser reads total, date and merchant',
    async ({ file, total, totalMinor, date, merchant }) => {
      const stages: string[] = [];
      const result = await paddle.recognize(image(file), (progress) => stages.push(progress.stage));
      expect(result.provider).toBe('paddle');
      expect(result.lines.some((line) => line.text.includes(total))).toBe(true);
      expect(stages).toContain('recognize');
      const parsed = parseReceipt(result.lines, options);
      expect(parsed.total.value).toBe(totalMinor);
      expect(parsed.date.value).toBe(date);
      expect(squeeze(parsed.merchant.value)).toBe(merchant);
      expect(parsed.currency.value).toBe('MYR');
    },
    120_000,
  );

  it('replaces its child process after maxImagesPerProcess images', async () => {
    const provider = new PaddleOcrProvider({ maxImagesPerProcess: 1 });
    try {
      await provider.recognize(image('002.jpg'));
      await provider.recognize(image('004.jpg'));
      expect(provider.processesStarted).toBe(2);
    } finally {
      await provider.close();
    }
  }, 120_000);

  it('rejects bytes that are not an image, and keeps working', async () => {
    await expect(paddle.recognize(Buffer.from('not an image'))).rejects.toThrow(/PaddleOCR failed/);
    const result = await paddle.recognize(image('002.jpg'));
    expect(result.lines.length).toBeGreaterThan(10);
  }, 120_000);
});

describe.runIf(hasData)('tesseract.js on a real receipt', () => {
  const tesseract = new TesseractOcrProvider();
  afterAll(() => tesseract.close());

  it('reads the total line offline', async () => {
    const result = await tesseract.recognize(image('002.jpg'));
    expect(result.provider).toBe('tesseract');
    expect(result.lines.some((line) => /TOTAL.*20\.70/i.test(line.text))).toBe(true);
    expect(parseReceipt(result.lines, options).total.value).toBe(2070);
  }, 120_000);
});
