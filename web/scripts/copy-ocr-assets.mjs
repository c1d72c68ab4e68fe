// Pre-build step: copies tesseract.js's worker, its LSTM-only cores and the English language data
// into public/ocr, so the PWA reads receipts on the device from its own origin (no CDN, works
// offline once cached). The service worker caches /ocr/ on first use instead of precaching it.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(webDir, 'public', 'ocr');
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

const tesseract = packageDir('tesseract.js');
const core = packageDir('tesseract.js-core');
const eng = packageDir('@tesseract.js-data/eng');

// Only the LSTM variants: the legacy engine's cores are not used and weigh three times as much.
const files = [
  [path.join(tesseract, 'dist', 'worker.min.js'), 'worker.min.js'],
  [path.join(core, 'tesseract-core-lstm.wasm.js'), 'tesseract-core-lstm.wasm.js'],
  [path.join(core, 'tesseract-core-simd-lstm.wasm.js'), 'tesseract-core-simd-lstm.wasm.js'],
  [
    path.join(core, 'tesseract-core-relaxedsimd-lstm.wasm.js'),
    'tesseract-core-relaxedsimd-lstm.wasm.js',
  ],
  [path.join(eng, '4.0.0_best_int', 'eng.traineddata.gz'), 'eng.traineddata.gz'],
];

await mkdir(target, { recursive: true });
let bytes = 0;
for (const [from, name] of files) {
  await copyFile(from, path.join(target, name));
  bytes += (await stat(from)).size;
}
console.log(
  `ocr: copied ${files.length} files to public/ocr (${(bytes / 1048576).toFixed(1)} MiB)`,
);
