import { resolveApiEndpoints } from '@/lib/apollo';
import { currentAccessToken } from '@/features/sync/session-bridge';

/** The upload errors the API names, and what the screen says when the cause is elsewhere. */
export const UPLOAD_ERROR_CODES = [
  'RECEIPT_FILE_MISSING',
  'RECEIPT_EMPTY',
  'RECEIPT_TOO_LARGE',
  'RECEIPT_TYPE_UNSUPPORTED',
  'RECEIPT_IMAGE_UNREADABLE',
  'RECEIPT_TOO_MANY_PIXELS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NETWORK',
  'UNKNOWN',
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

/** The API's limit, checked before sending so a huge photo fails at once. */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];

export class ReceiptUploadError extends Error {
  constructor(readonly code: UploadErrorCode) {
    super(code);
    this.name = 'ReceiptUploadError';
  }
}

/** A problem visible before uploading (the server sniffs the content again). */
export function checkReceiptFile(file: Blob): UploadErrorCode | null {
  if (file.size === 0) return 'RECEIPT_EMPTY';
  if (file.size > MAX_RECEIPT_BYTES) return 'RECEIPT_TOO_LARGE';
  // An empty type (some HEIC pickers) is left to the server's sniffing.
  if (file.type && !ACCEPTED_TYPES.includes(file.type)) return 'RECEIPT_TYPE_UNSUPPORTED';
  return null;
}

const isKnown = (code: unknown): code is UploadErrorCode =>
  typeof code === 'string' && (UPLOAD_ERROR_CODES as readonly string[]).includes(code);

/** The error code in an error body, whichever shape it has (`{code}`, `{error}`, `{errors}`). */
export function uploadErrorOf(status: number, body: unknown): UploadErrorCode {
  const candidates: unknown[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    candidates.push(record.reason, record.code);
    visit(record.extensions);
    visit(record.error);
    if (Array.isArray(record.errors)) record.errors.forEach(visit);
  };
  visit(body);
  const known = candidates.find((c) => isKnown(c) && c !== 'UNKNOWN');
  if (isKnown(known)) return known;
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 413) return 'RECEIPT_TOO_LARGE';
  if (status === 415) return 'RECEIPT_TYPE_UNSUPPORTED';
  return 'UNKNOWN';
}

/** Where the REST endpoints live (the GraphQL endpoint's origin). */
export function receiptsUrl(path = ''): string {
  const { httpUrl } = resolveApiEndpoints(window.location);
  return `${httpUrl.replace(/\/graphql$/, '')}/api/receipts${path}`;
}

export interface UploadedReceipt {
  id: string;
  status: string;
}

/**
 * Sends a receipt photo with XMLHttpRequest (fetch reports no upload progress); `onProgress` gets
 * 0..1 as the bytes leave. Rejects with a ReceiptUploadError.
 */
export async function uploadReceipt(
  file: Blob,
  options: { fileName?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<UploadedReceipt> {
  const early = checkReceiptFile(file);
  if (early) throw new ReceiptUploadError(early);
  const token = await currentAccessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', receiptsUrl());
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ReceiptUploadError('NETWORK'));
    xhr.onabort = () => reject(new ReceiptUploadError('NETWORK'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // not JSON: the status decides
      }
      const id = (body as { id?: unknown } | null)?.id;
      if (xhr.status >= 200 && xhr.status < 300 && typeof id === 'string') {
        options.onProgress?.(1);
        const status = (body as { status?: unknown }).status;
        resolve({ id, status: typeof status === 'string' ? status : 'UPLOADED' });
      } else {
        reject(new ReceiptUploadError(uploadErrorOf(xhr.status, body)));
      }
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, options.fileName ?? 'receipt.jpg');
    xhr.send(form);
  });
}

/** The receipt's stored photo as an object URL (the image endpoint needs the bearer token). */
export async function fetchReceiptImage(id: string): Promise<string | null> {
  const token = await currentAccessToken();
  const response = await fetch(receiptsUrl(`/${encodeURIComponent(id)}/image`), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).catch(() => null);
  if (!response?.ok) return null;
  return URL.createObjectURL(await response.blob());
}
