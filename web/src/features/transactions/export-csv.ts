import { formatDecimal } from '@pace/engine';
import type { TransactionRecord } from '@/lib/db';

const quote = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The transactions as CSV, exact decimals and local dates (what the API's export writes),
 * built on the device so it works offline.
 */
export function transactionsCsv(rows: readonly TransactionRecord[]): string {
  const lines = [['date', 'amount', 'currency', 'direction', 'category', 'note', 'merchant', 'id']];
  for (const t of rows) {
    const signed = t.direction === 'expense' ? -t.amountMinor : t.amountMinor;
    lines.push([
      t.bookedOn,
      formatDecimal(signed, t.currency),
      t.currency,
      t.direction,
      t.categoryId,
      t.note ?? '',
      t.merchant ?? '',
      t.id,
    ]);
  }
  return `${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through the browser's download. */
export function downloadText(fileName: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
