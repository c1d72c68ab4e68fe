/**
 * Upload checks and normalisation of receipt photos: the type by content sniffing (never the
 * declared type), the pixel count from the header before anything is decoded, then one JPEG with
 * EXIF orientation applied and a size OCR reads well.
 */
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { ReceiptError } from './receipt.errors';

export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
/** Phone cameras take 12–48 MP; anything above is refused unread (decompression bombs). */
export const MAX_RECEIPT_PIXELS = 50_000_000;
/** The stored image's long side is capped here … */
const LONG_SIDE_PX = 2000;
/** … unless that would make it narrower than this: small text loses digits below ~1000 px. */
const MIN_WIDTH_PX = 1000;

export type ReceiptImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The image type by its magic bytes; null for anything else (GIF, PDF, random bytes …). */
export function sniffImageType(bytes: Buffer): ReceiptImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    const brand = bytes.toString('latin1', 8, 12);
    if (HEIF_BRANDS.has(brand)) return 'image/heic';
  }
  return null;
}

export interface NormalisedReceiptImage {
  /** The sniffed type of the upload. */
  contentType: ReceiptImageType;
  /** JPEG bytes, orientation applied. */
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Checks an upload and turns it into the stored JPEG; every refusal is a ReceiptError. */
export async function normaliseReceiptImage(bytes: Buffer): Promise<NormalisedReceiptImage> {
  if (bytes.length === 0) throw new ReceiptError('RECEIPT_EMPTY');
  if (bytes.length > MAX_RECEIPT_BYTES)
    throw new ReceiptError('RECEIPT_TOO_LARGE', { maxMb: MAX_RECEIPT_BYTES / 1024 / 1024 });
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new ReceiptError('RECEIPT_TYPE_UNSUPPORTED');
  const source = contentType === 'image/heic' ? await decodeHeic(bytes) : await openImage(bytes);
  try {
    const { data, info } = await source.pipeline
      .rotate()
      .resize({ width: targetWidth(source) })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 88, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { contentType, jpeg: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof ReceiptError) throw error;
    throw new ReceiptError('RECEIPT_IMAGE_UNREADABLE');
  }
}

interface OpenedImage {
  pipeline: Sharp;
  width: number;
  height: number;
  /** EXIF orientation 5–8 swaps width and height. */
  rotated: boolean;
}

function checkPixels(width: number | undefined, height: number | undefined): void {
  if (!width || !height) throw new ReceiptError('RECEIPT_IMAGE_UNREADABLE');
  if (width * height > MAX_RECEIPT_PIXELS)
    throw new ReceiptError('RECEIPT_TOO_MANY_PIXELS', {
      maxMegapixels: MAX_RECEIPT_PIXELS / 1_000_000,
    });
}

/** JPEG, PNG, WebP: the header is read first; sharp's own limit stays as a second guard. */
async function openImage(bytes: Buffer): Promise<OpenedImage> {
  const options: SharpOptions = { limitInputPixels: MAX_RECEIPT_PIXELS, failOn: 'truncated' };
  let metadata: Metadata;
  try {
    // Only the header is read here; the limit applies when the pixels are decoded below.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ReceiptError('RECEIPT_IMAGE_UNREADABLE');
  }
  checkPixels(metadata.width, metadata.height);
  return {
    pipeline: sharp(bytes, options),
    width: metadata.width,
    height: metadata.height,
    rotated: (metadata.orientation ?? 1) >= 5,
  };
}

/** HEIC: sharp's libheif decodes only AVIF here, so heic-decode (libheif in wasm) reads it. */
async function decodeHeic(bytes: Buffer): Promise<OpenedImage> {
  const { default: decode } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    images = await decode.all({ buffer: bytes });
  } catch {
    throw new ReceiptError('RECEIPT_IMAGE_UNREADABLE');
  }
  const first = images[0];
  if (!first) throw new ReceiptError('RECEIPT_IMAGE_UNREADABLE');
  checkPixels(first.width, first.height);
  let pixels: { width: number; height: number; data: Uint8ClampedArray };
  try {
    pixels = await first.decode();
  } catch {
    throw new ReceiptError('RECEIPT_IMAGE_UNREADABLE');
  }
  return {
    pipeline: sharp(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length), {
      raw: { width: pixels.width, height: pixels.height, channels: 4 },
    }),
    width: pixels.width,
    height: pixels.height,
    rotated: false,
  };
}

/** The stored width (upright): long side ≤ 2000 px, yet never narrower than 1000 px, nor enlarged. */
function targetWidth(image: OpenedImage): number {
  const [w, h] = image.rotated ? [image.height, image.width] : [image.width, image.height];
  let scale = Math.min(1, LONG_SIDE_PX / Math.max(w, h));
  if (w * scale < MIN_WIDTH_PX) scale = Math.min(1, MIN_WIDTH_PX / w);
  return Math.max(1, Math.round(w * scale));
}
