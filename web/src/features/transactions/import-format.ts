import type { ImportFormat } from '@/lib/graphql/generated';

/** The file formats the import reads, CAMT.053 and MT940 included. */
export type BankFileFormat = ImportFormat;

/** File extensions the file picker offers. */
export const BANK_FILE_ACCEPT = '.csv,.txt,.ofx,.qfx,.qif,.xml,.sta,.mt940,.940';

const BY_EXTENSION: Record<string, BankFileFormat> = {
  csv: 'CSV',
  ofx: 'OFX',
  qfx: 'QFX',
  qif: 'QIF',
  xml: 'CAMT053',
  sta: 'MT940',
  mt940: 'MT940',
  '940': 'MT940',
};

/**
 * The format of a bank file, read from its first few kilobytes (banks name files freely: an
 * MT940 may be a .txt, a camt.053 a .xml or .camt); the extension decides only when the content
 * does not. Null when neither knows it.
 */
export function detectBankFileFormat(fileName: string, content: string): BankFileFormat | null {
  const head = content.slice(0, 4096).replace(/^\uFEFF/, '');
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  if (
    /urn:iso:std:iso:20022:tech:xsd:camt\.053\./.test(head) ||
    /<(\w+:)?BkToCstmrStmt[\s>]/.test(head)
  )
    return 'CAMT053';
  if (/^\s*OFXHEADER:|<OFX>/im.test(head)) return extension === 'qfx' ? 'QFX' : 'OFX';
  if (/^\s*!(Type|Account|Option)/i.test(head)) return 'QIF';
  if (/^(\{1:[^}]*\})?(\{2:[^}]*\})?(\{4:)?\s*:20:/m.test(head) && /^:61:/m.test(content))
    return 'MT940';
  const known = BY_EXTENSION[extension];
  if (known) return known;
  // A first line of several separated cells reads as a CSV header.
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t]/.test(first) && !first.trimStart().startsWith('<') ? 'CSV' : null;
}

/** The field separator of a CSV file: the one its header line uses most (`,` `;` or tab). */
export function csvDelimiterOf(content: string): string {
  const first = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
