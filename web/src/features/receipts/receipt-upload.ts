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
  constructor(
    readonly code: UploadErrorCode,
    /** The API's own reason when it named one (also those the screen does not word). */
    readonly reason: string | null = null,
  ) {
    super(code);
    this.name = 'ReceiptUploadError';
  }
}

/** The API's reason in an error body (`errors[0].extensions.reason`), or null. */
export function uploadReasonOf(body: unknown): string | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as { extensions?: unknown } | undefined) : null;
  const reason = (first?.extensions as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
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
  /** The transaction it is linked to (the one named on upload); null while it awaits review. */
  transactionId: string | null;
}

/**
 * Sends a receipt photo with XMLHttpRequest (fetch reports no upload progress); `onProgress` gets
 * 0..1 as the bytes leave. Rejects with a ReceiptUploadError.
 */
export async function uploadReceipt(
  file: Blob,
  options: {
    fileName?: string;
    onProgress?: (fraction: number) => void;
    signal?: AbortSignal;
    /**
     * The transaction already booked from this photo on the device: the server links the receipt
     * to it (CONFIRMED, nothing booked again; the same upload repeated returns the same receipt).
     */
    transactionId?: string;
  },
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
        const { status, transactionId } = body as { status?: unknown; transactionId?: unknown };
        resolve({
          id,
          status: typeof status === 'string' ? status : 'UPLOADED',
          transactionId: typeof transactionId === 'string' ? transactionId : null,
        });
      } else {
        reject(new ReceiptUploadError(uploadErrorOf(xhr.status, body), uploadReasonOf(body)));
      }
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    // Before the file part, so the server knows the link when the photo arrives.
    if (options.transactionId) form.append('transactionId', options.transactionId);
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
