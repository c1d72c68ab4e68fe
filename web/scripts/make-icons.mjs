// Draws the Pace app icons (a "P." mark on the brand green) and writes them as PNG files into
// public/. Uses only node:zlib and node:fs so it runs anywhere Node does; the PNGs are committed,
// so run it again only when the mark or the colours change: `npm run icons -w web`.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

const BRAND = [11, 110, 79]; // #0b6e4f, the theme colour in the manifest
const MARK = [255, 255, 255];
const ACCENT = [138, 230, 190]; // #8ae6be
const SAMPLES = 4; // 4×4 samples a pixel for smooth edges

/** Signed distance to a rounded rectangle centred on (0.5, 0.5). */
function roundedSquare(x, y, inset, radius) {
  const half = 0.5 - inset - radius;
  const qx = Math.abs(x - 0.5) - half;
  const qy = Math.abs(y - 0.5) - half;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance to a vertical capsule from (cx, top) to (cx, bottom). */
function capsule(x, y, cx, top, bottom, radius) {
  const cy = Math.min(Math.max(y, top), bottom);
  return Math.hypot(x - cx, y - cy) - radius;
}

/** Signed distance to a ring of centre-line radius r and thickness t. */
function ring(x, y, cx, cy, r, t) {
  return Math.abs(Math.hypot(x - cx, y - cy) - r) - t / 2;
}

/** The mark in unit coordinates: a "P" (stem + bowl) followed by a full stop. */
function markLayer(x, y) {
  const stroke = 0.11;
  if (Math.hypot(x - 0.655, y - 0.705) - 0.062 <= 0) return ACCENT;
  const stem = capsule(x, y, 0.36, 0.29, 0.71, stroke / 2);
  const bowl = ring(x, y, 0.5, 0.43, 0.14, stroke);
  return Math.min(stem, bowl) <= 0 ? MARK : null;
}

/**
 * Colour of one sample. `shape` is 'rounded' (transparent corners), 'full' (opaque square) or
 * 'maskable' (opaque square, mark shrunk into the 80% safe zone).
 */
function sample(x, y, shape) {
  if (shape === 'rounded' && roundedSquare(x, y, 0.02, 0.2) > 0) return null;
  const scale = shape === 'maskable' ? 0.78 : 1;
  const mark = markLayer(0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale);
  return mark ?? BRAND;
}

function render(size, shape) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let i = 0; i < n; i++) {
        const x = (px + ((i % SAMPLES) + 0.5) / SAMPLES) / size;
        const y = (py + (Math.floor(i / SAMPLES) + 0.5) / SAMPLES) / size;
        const colour = sample(x, y, shape);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
      const o = (py * size + px) * 4;
      // Colours are averaged over covered samples only, so edges do not darken toward black.
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outputs = [
  { file: 'icons/icon-192.png', size: 192, shape: 'rounded' },
  { file: 'icons/icon-512.png', size: 512, shape: 'rounded' },
  { file: 'icons/maskable-192.png', size: 192, shape: 'maskable' },
  { file: 'icons/maskable-512.png', size: 512, shape: 'maskable' },
  { file: 'icons/favicon-32.png', size: 32, shape: 'rounded' },
  { file: 'apple-touch-icon.png', size: 180, shape: 'full' },
];

mkdirSync(path.join(publicDir, 'icons'), { recursive: true });
for (const { file, size, shape } of outputs) {
  const png = encodePng(size, render(size, shape));
  writeFileSync(path.join(publicDir, file), png);
  console.log(`${file}  ${size}×${size}  ${png.length} bytes`);
}
