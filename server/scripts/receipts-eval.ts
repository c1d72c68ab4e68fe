/**
 * Receipt evaluation: `npm run receipts:eval -- <dir> [--provider paddle|tesseract|vision]
 * [--cache [dir]] [--locale en-MY] [--currency MYR] [--verbose]`.
 *
 * Reads `<dir>/labels.json` (`{ "file.jpg": { "company", "date", "total" } }`), runs OCR and the
 * parser on every image, and prints per-field accuracy and the median seconds per receipt for Pace's
 * parser and the naive baseline, then one JSON line. `--cache` keeps OCR output in a temp directory
 * (keyed by provider and image hash) so parser changes can be measured in seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  naiveReceiptBaseline,
  parseReceipt,
  type ParsedReceipt,
  type ReceiptLine,
} from '@pace/engine';
import {
  scoreReceipt,
  summarise,
  type Label,
  type ReceiptScore,
} from '../src/features/receipts/ocr/receipt-eval.rules';
import { createOcrProvider, type OcrProviderName } from '../src/features/receipts/ocr';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    provider: { type: 'string', default: 'paddle' },
    cache: { type: 'string' },
    locale: { type: 'string', default: 'en-MY' },
    currency: { type: 'string', default: 'MYR' },
    verbose: { type: 'boolean', default: false },
  },
});

// npm runs workspace scripts in server/; paths on the command line are relative to where it was typed.
const baseDir = process.env.INIT_CWD ?? process.cwd();
const [dirArg] = positionals;
if (dirArg === undefined) {
  console.error(
    'usage: npm run receipts:eval -- <dir> [--provider paddle|tesseract|vision] [--cache [dir]]',
  );
  process.exit(2);
}
const dir = path.resolve(baseDir, dirArg);
const provider = values.provider as OcrProviderName;
if (!['paddle', 'tesseract', 'vision'].includes(provider)) {
  console.error(`unknown provider "${provider}"`);
  process.exit(2);
}
const cacheDir =
  values.cache === undefined
    ? undefined
    : path.join(
        values.cache === '' ? path.join(tmpdir(), 'pace-receipts-ocr') : values.cache,
        provider,
      );
const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<
  string,
  Label
>;
const options = { locale: values.locale, defaultCurrency: values.currency };

interface Cached {
  readonly lines: ReceiptLine[];
  readonly ocrMs: number;
}

const ocr = createOcrProvider({
  OCR_PROVIDER: provider,
  GOOGLE_APPLICATION_CREDENTIALS: process.env.GOOGLE_APPLICATION_CREDENTIALS,
});

async function readReceipt(file: string): Promise<Cached> {
  const image = readFileSync(path.join(dir, file));
  const key = createHash('sha256').update(image).digest('hex');
  const cached = cacheDir === undefined ? undefined : path.join(cacheDir, `${key}.json`);
  if (cached !== undefined && existsSync(cached))
    return JSON.parse(readFileSync(cached, 'utf8')) as Cached;
  const started = performance.now();
  const result = await ocr.recognize(image);
  const read: Cached = { lines: [...result.lines], ocrMs: performance.now() - started };
  if (cached !== undefined && cacheDir !== undefined) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cached, JSON.stringify(read));
  }
  return read;
}

function timed(parse: () => ParsedReceipt): { parsed: ParsedReceipt; ms: number } {
  const started = performance.now();
  const parsed = parse();
  return { parsed, ms: performance.now() - started };
}

const pace: ReceiptScore[] = [];
const naive: ReceiptScore[] = [];
try {
  for (const [file, label] of Object.entries(labels)) {
    const { lines, ocrMs } = await readReceipt(file);
    const ours = timed(() => parseReceipt(lines, options));
    const baseline = timed(() => naiveReceiptBaseline(lines, options));
    const score = scoreReceipt(ours.parsed, label, options);
    pace.push({ ...score, seconds: (ocrMs + ours.ms) / 1000 });
    naive.push({
      ...scoreReceipt(baseline.parsed, label, options),
      seconds: (ocrMs + baseline.ms) / 1000,
    });
    if (values.verbose && !(score.merchant && score.date && score.total)) {
      const got = ours.parsed;
      console.log(
        `${file}: merchant ${JSON.stringify(got.merchant.value)} / ${JSON.stringify(label.company)}, ` +
          `date ${got.date.value} / ${label.date}, total ${got.total.value} / ${label.total}`,
      );
    }
  }
} finally {
  await ocr.close();
}

const ours = summarise(pace);
const theirs = summarise(naive);
const row = (name: string, a: number, b: number) =>
  `${name.padEnd(34)}${a.toFixed(2).padStart(8)}${b.toFixed(2).padStart(8)}`;
console.log(
  `\n${pace.length} receipts in ${dir} — OCR: ${provider}, locale ${options.locale}, default currency ${options.defaultCurrency}`,
);
console.log(`${'field'.padEnd(34)}${'pace'.padStart(8)}${'naive'.padStart(8)}`);
console.log(row('merchant (case and spaces ignored)', ours.merchant, theirs.merchant));
console.log(row('merchant (spaces collapsed)', ours.merchantStrict, theirs.merchantStrict));
console.log(row('date', ours.date, theirs.date));
console.log(row('total', ours.total, theirs.total));
console.log(row('median seconds per receipt', ours.medianSeconds, theirs.medianSeconds));
console.log(
  JSON.stringify({
    dir,
    provider,
    receipts: pace.length,
    cached: cacheDir !== undefined,
    pace: ours,
    naive: theirs,
  }),
);
