import { isLocalDate } from '@pace/engine';
import { isUuid } from './ids';

/**
 * Opaque page cursors: a JSON array of strings in base64url. Decoding is strict — the exact
 * encoding of the expected number of strings, each part checked by the caller against what a
 * stored row can hold — so a forged cursor is refused as BAD_USER_INPUT before any query runs.
 */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor's parts, or null unless it is exactly what encodeCursor makes of `count` strings. */
export function decodeCursor(cursor: string, count: number): string[] | null {
  if (cursor.length > 512) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== count ||
    !parts.every((part): part is string => typeof part === 'string')
  )
    return null;
  return encodeCursor(parts) === cursor ? parts : null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor's instant as `toISOString` writes it, in years 0001–9999 (what a column holds). */
export function cursorInstant(text: string): Date | null {
  if (!ISO_INSTANT.test(text) || text.startsWith('0000')) return null;
  const instant = new Date(text);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === text ? instant : null;
}

/** A cursor's local date `YYYY-MM-DD` (a real date, years 0001–9999). */
export function isCursorDate(text: string): boolean {
  return isLocalDate(text);
}

/** A cursor's row id. */
export function isCursorId(text: string): boolean {
  return isUuid(text);
}
