import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { bearer, type TestApi, type TestUser } from '../kit';

/** A real scanned receipt of the dev set (shared/data/receipts/sroie-dev). */
export const REAL_RECEIPT = readFileSync(
  new URL('../../../../shared/data/receipts/sroie-dev/001.jpg', import.meta.url),
);

export interface UploadAnswer {
  status: number;
  body: {
    id?: string;
    status?: string;
    transactionId?: string | null;
    errors?: Array<{ message: string; extensions: { code: string; reason?: string } }>;
  };
}

/** `POST /api/receipts` with one file part, as the PWA sends it. */
export async function uploadReceipt(
  api: TestApi,
  token: string | null,
  bytes: Buffer,
  options: { type?: string; filename?: string; transactionId?: string } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  // Before the file, as the PWA sends it: the transaction already booked from this photo.
  if (options.transactionId !== undefined) form.append('transactionId', options.transactionId);
  form.append(
    'file',
    new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/jpeg' }),
    options.filename ?? 'receipt.jpg',
  );
  const response = await fetch(`${api.url}/api/receipts`, {
    method: 'POST',
    headers: token ? bearer(token) : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}

export async function fetchReceiptImage(api: TestApi, user: TestUser, id: string) {
  return fetch(`${api.url}/api/receipts/${id}/image`, { headers: bearer(user.accessToken) });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header claiming `width`×`height` pixels (a decompression bomb's shape), ~100 bytes. */
export function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const RECEIPT_FIELDS = `id status progress stage attempts failureCode failureMessage contentType
  sizeBytes createdAt processedAt ocrProvider lines transactionId needsReview
  merchant { value confidence needsReview } date { value confidence needsReview }
  currencyRead { value confidence needsReview } total { value { amount currency } confidence needsReview }
  tax { value { amount currency } confidence needsReview } category { value confidence needsReview }
  items { description amount { amount currency } quantity }`;

export interface ReceiptView {
  id: string;
  status: string;
  progress: number;
  stage: string | null;
  attempts: number;
  failureCode: string | null;
  failureMessage: string | null;
  contentType: string;
  sizeBytes: number;
  processedAt: string | null;
  ocrProvider: string | null;
  lines: string[];
  transactionId: string | null;
  needsReview: string[];
  merchant: { value: string | null; confidence: number; needsReview: boolean } | null;
  total: { value: { amount: string; currency: string } | null; confidence: number } | null;
}
