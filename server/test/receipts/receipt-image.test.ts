import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { normaliseReceiptImage, sniffImageType } from '../../src/features/receipts/receipt-image';

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#ffffff' } });

describe('receipt image checks', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    ['PNG', Buffer.from('89504e470d0a1a0a0000', 'hex'), 'image/png'],
    ['WebP', Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), 'image/webp'],
    ['HEIC', Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'), 'image/heic'],
    ['HEIF (mif1)', Buffer.from('\0\0\0\x18ftypmif1\0\0\0\0', 'latin1'), 'image/heic'],
    ['AVIF', Buffer.from('\0\0\0\x18ftypavif\0\0\0\0', 'latin1'), null],
    ['GIF', Buffer.from('GIF89a', 'latin1'), null],
    ['PDF', Buffer.from('%PDF-1.7', 'latin1'), null],
    ['nothing', Buffer.alloc(0), null],
  ] as const)('sniffs %s', (_name, bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it('applies the EXIF orientation (a portrait photo stored sideways)', async () => {
    const sideways = await blank(1600, 1200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await normaliseReceiptImage(sideways);
    expect([image.width, image.height]).toEqual([1200, 1600]);
    const meta = await sharp(image.jpeg).metadata();
    expect(meta.orientation ?? 1).toBe(1);
  });

  it.each([
    ['a large photo', 4000, 3000, 2000, 1500],
    ['a long narrow receipt', 1200, 4000, 1000, 3333],
    ['a small image', 800, 600, 800, 600],
  ] as const)('sizes %s for OCR', async (_name, width, height, outWidth, outHeight) => {
    const image = await normaliseReceiptImage(await blank(width, height).png().toBuffer());
    expect(image.contentType).toBe('image/png');
    expect(image.width).toBe(outWidth);
    expect(Math.abs(image.height - outHeight)).toBeLessThanOrEqual(1);
    expect(sniffImageType(image.jpeg)).toBe('image/jpeg');
  });

  it('reads WebP', async () => {
    const image = await normaliseReceiptImage(await blank(1000, 1400).webp().toBuffer());
    expect(image).toMatchObject({ contentType: 'image/webp', width: 1000, height: 1400 });
  });
});
