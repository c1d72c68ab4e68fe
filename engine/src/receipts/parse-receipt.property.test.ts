import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReceipt } from './parse-receipt';

const options = { locale: 'en-US', defaultCurrency: 'USD' };
const decimal = (minor: number) => (minor / 100).toFixed(2);

const word = fc.constantFrom(
  'Latte',
  'Muffin',
  'Bread',
  'Milk 1L',
  'Apples',
  'Soap',
  'Batteries AA',
);
const itemLine = fc
  .tuple(word, fc.integer({ min: 1, max: 99_999 }))
  .map(([name, minor]) => `${name} ${decimal(minor)}`);
const noiseLine = fc.oneof(
  itemLine,
  fc.constantFrom('Thank you!', 'Welcome', 'Table 4', 'Served by Anna', 'Tel: 555-0182', '*****'),
  fc.integer({ min: 1, max: 99_999 }).map((minor) => `Subtotal ${decimal(minor)}`),
  fc.integer({ min: 1, max: 9_999 }).map((minor) => `Tax ${decimal(minor)}`),
  fc.constantFrom('12/03/2024 14:05', 'Order #10492'),
);
const totalLabel = fc.constantFrom('Total', 'TOTAL:', 'Amount due', 'Balance due', 'Grand Total');

describe('parseReceipt properties', () => {
  it('the total is the planted total line, whatever noise surrounds it', () => {
    fc.assert(
      fc.property(
        fc.array(noiseLine, { maxLength: 12 }),
        totalLabel,
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.array(
          noiseLine.filter((line) => !line.startsWith('Subtotal')),
          { maxLength: 3 },
        ),
        fc.integer({ min: 0, max: 10_000 }),
        (before, label, totalMinor, after, overpaidMinor) => {
          const lines = [
            'Corner Store',
            ...before,
            `${label} ${decimal(totalMinor)}`,
            `Cash ${decimal(totalMinor + overpaidMinor)}`,
            `Change ${decimal(overpaidMinor)}`,
            ...after.filter((line) => !line.startsWith('Tax')),
          ].map((text) => ({ text }));
          expect(parseReceipt(lines, options).total.value).toBe(totalMinor);
        },
      ),
    );
  });

  it('never throws, and every flagged field is under the threshold, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'binary', maxLength: 60 }).map((text) => ({ text })),
          {
            maxLength: 30,
          },
        ),
        fc.constantFrom('en-US', 'de-DE', 'ja-JP', 'ar-EG', 'en-IN'),
        (lines, locale) => {
          const receipt = parseReceipt(lines, { locale, defaultCurrency: 'EUR' });
          for (const name of receipt.needsReview)
            expect(receipt[name].confidence).toBeLessThan(0.6);
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('amounts written the locale’s way read back exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'en-IN', 'de-CH', 'es-ES', 'nl-NL'),
        fc.integer({ min: 1, max: 999_999_999 }),
        (locale, minor) => {
          const formatted = new Intl.NumberFormat(locale, {
            minimumFractionDigits: 2,
            useGrouping: true,
          }).format(minor / 100);
          const receipt = parseReceipt([{ text: `Total ${formatted}` }], {
            locale,
            defaultCurrency: 'EUR',
          });
          expect(receipt.total.value).toBe(minor);
        },
      ),
    );
  });

  it('a printed date reads back as that calendar date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1995-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom('iso', 'dmy-dots', 'mdy-us', 'dmy-gb', 'month-name'),
        (date, style) => {
          const y = date.getUTCFullYear();
          const m = String(date.getUTCMonth() + 1).padStart(2, '0');
          const d = String(date.getUTCDate()).padStart(2, '0');
          const printed = {
            iso: [`${y}-${m}-${d}`, 'en-US'],
            'dmy-dots': [`${d}.${m}.${y}`, 'de-DE'],
            'mdy-us': [`${m}/${d}/${y}`, 'en-US'],
            'dmy-gb': [`${d}/${m}/${y}`, 'en-GB'],
            'month-name': [
              `${d} ${date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${y}`,
              'en-US',
            ],
          }[style] as [string, string];
          const receipt = parseReceipt([{ text: 'Shop' }, { text: `Date ${printed[0]}` }], {
            locale: printed[1],
            defaultCurrency: 'EUR',
          });
          expect(receipt.date.value).toBe(`${y}-${m}-${d}`);
        },
      ),
    );
  });
});
