import { describe, expect, it } from 'vitest';
import { parseReceipt } from './parse-receipt';
import { naiveReceiptBaseline } from './receipt-baseline';
import { REVIEW_THRESHOLD, type ParseReceiptOptions } from './receipt-types';

const US: ParseReceiptOptions = { locale: 'en-US', defaultCurrency: 'USD' };
const GB: ParseReceiptOptions = { locale: 'en-GB', defaultCurrency: 'GBP' };
const DE: ParseReceiptOptions = { locale: 'de-DE', defaultCurrency: 'EUR' };
const FR: ParseReceiptOptions = { locale: 'fr-FR', defaultCurrency: 'EUR' };

const parse = (text: string, options: ParseReceiptOptions = US) =>
  parseReceipt(
    text
      .trim()
      .split('\n')
      .map((line) => ({ text: line.trim() })),
    options,
  );

describe('total: the labelled total, never a summary line', () => {
  it.each([
    [
      'subtotal, tax, cash and change around it',
      'Subtotal 10.00\nTax 0.80\nTotal 10.80\nCash 20.00\nChange 9.20',
      1080,
    ],
    [
      'a subtotal larger than the total (discount)',
      'Sub-total 50.00\nDiscount -5.00\nTOTAL 45.00\nVisa 45.00',
      4500,
    ],
    [
      'cash tendered is the largest number',
      'Coffee 3.50\nTotal 3.50\nCash tendered 50.00\nChange 46.50',
      350,
    ],
    ['amount due', 'Item 4.00\nAmount due 4.00\nPaid 5.00', 400],
    ['balance due', 'Service 120.00\nBalance due: 120.00', 12000],
    ['grand total over total', 'Total 18.00\nTip 2.00\nGrand Total 20.00', 2000],
    [
      'rounding after the total: the rounded total',
      'Total incl. GST 23.79\nRounding Adj 0.01\nTOTAL 23.80',
      2380,
    ],
    ['rounding is never the total', 'Total 9.98\nRounding 0.02\nTotal rounded 10.00', 1000],
    [
      'total quantity is not a total',
      'Total qty: 6\nTOTAL: 20.70\nCASH: 21.00\nCHANGE: 0.30',
      2070,
    ],
    [
      'the label without spaces (OCR)',
      'SUBTOTAL 56.00\nGST6% 3.36\nNETTOTAL 59.35\nCash 100.00\nCHANGE 40.65',
      5935,
    ],
    ['the amount on the next line', 'Subtotal 7.00\nTOTAL\n7.50\nCASH 10.00', 750],
    [
      'tax summary after the total is ignored',
      'Total 94.13\nGST Summary Amount Tax\nTotal: 88.80 5.33',
      9413,
    ],
    [
      'tax "included in total" is not the total',
      'TOTAL 30.90\nCASH 50.90\nCHANGE 20.00\nGST @6% included in total 1.75',
      3090,
    ],
  ])('%s', (_, text, expected) => {
    expect(parse(text).total.value).toBe(expected);
  });

  it.each([
    [
      'Subtotal 10.00\nTax 0.80\nTotal 10.80\nCash 20.00\nChange 9.20',
      ['Subtotal', 'Tax', 'Total', 'Cash', 'Change'],
    ],
    [
      'Latte 4.50\nMuffin 3.00\nSubtotal 7.50\nRounding 0.00\nCard 7.50\nTotal 7.50',
      ['Subtotal', 'Rounding', 'Card', 'Total'],
    ],
  ])('summary lines are never items: %s', (text, summaries) => {
    const descriptions = parse(text).items.map((item) => item.description);
    for (const summary of summaries) {
      expect(descriptions.some((description) => description.startsWith(summary))).toBe(false);
    }
  });

  it('items are the priced lines above the summary, and their sum cross-checks the total', () => {
    const receipt = parse('Corner Cafe\nLatte 4.50\n2 x Muffin 6.00\nSubtotal 10.50\nTotal 10.50');
    expect(receipt.items).toEqual([
      { description: 'Latte', amountMinor: 450, quantity: null },
      { description: '2 x Muffin', amountMinor: 600, quantity: 2 },
    ]);
    expect(receipt.total.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('tax is read from its own line', () => {
    expect(parse('Subtotal 10.00\nVAT 20% 2.00\nTotal 12.00', GB).tax.value).toBe(200);
  });

  it('cash − change settles a total that was printed unrounded', () => {
    expect(parse('Subtotal 42.64\nTotal: 46.89\nPayment 56.90\nChange Due 10.00').total.value).toBe(
      4690,
    );
  });

  it('no total anywhere → null, flagged for review', () => {
    const receipt = parse('Some Shop\nThank you');
    expect(receipt.total.value).toBeNull();
    expect(receipt.needsReview).toContain('total');
  });
});

describe('amounts: thousands separators and decimal commas by locale', () => {
  it.each<[string, ParseReceiptOptions, number]>([
    ['Total 1,234.56', US, 123456],
    ['Total $1,234,567.89', US, 123456789],
    ['Summe 1.234,56', DE, 123456],
    ['Gesamt 12,30 €', DE, 1230],
    ['TOTAL TTC 1 234,56 €', FR, 123456],
    ['Total 205.5', US, 20550],
    ['Total RM 98. 00', { locale: 'en-MY', defaultCurrency: 'MYR' }, 9800],
    ['Total 1,500', { locale: 'ja-JP', defaultCurrency: 'JPY' }, 1500],
    ['合計 ¥1,500', { locale: 'ja-JP', defaultCurrency: 'JPY' }, 1500],
    ['Total 1.250', { locale: 'en-KW', defaultCurrency: 'KWD' }, 1250],
    ['Total 1,250', { locale: 'de-DE', defaultCurrency: 'KWD' }, 1250],
  ])('%s (%j)', (text, options, expected) => {
    expect(parse(text, options).total.value).toBe(expected);
  });
});

describe('date: the receipt formats, the locale deciding day/month order', () => {
  it.each<[string, ParseReceiptOptions, string | null]>([
    ['Date: 2024-03-07', US, '2024-03-07'],
    ['03/07/2024', US, '2024-03-07'],
    ['03/07/2024', GB, '2024-07-03'],
    ['13/07/2024', US, '2024-07-13'],
    ['07.03.2024', DE, '2024-03-07'],
    ['07/03/24', GB, '2024-03-07'],
    ['7-3-24', GB, '2024-03-07'],
    ['19 JUL 2016', US, '2016-07-19'],
    ['Date :19Jul201601:25pm', GB, '2016-07-19'],
    ['28-FEB-2018', GB, '2018-02-28'],
    ['Jul 19, 2016', US, '2016-07-19'],
    ['19. März 2024', DE, '2024-03-19'],
    ['5 janv. 2024', FR, '2024-01-05'],
    ['Date:05-06-201807:24:41', GB, '2018-06-05'],
    ['28/07/179:48:42AM', GB, '2017-07-28'],
    ['29Jun1806:01:34PM', GB, '2018-06-29'],
    ['27:03/2018 No.:CS-20242', GB, '2018-03-27'],
    ['Tel 03-7847 2376', GB, null],
    ['no date printed', GB, null],
    ['31/02/2024', GB, null],
  ])('%s (%s)', (text, options, expected) => {
    expect(parse(`Shop\n${text}\nTotal 1.00`, options).date.value).toBe(expected);
  });

  it('an ambiguous date resolved by the locale is less certain than an unambiguous one', () => {
    const ambiguous = parse('03/07/2024', GB).date.confidence;
    const clear = parse('13/07/2024', GB).date.confidence;
    expect(ambiguous).toBeLessThan(clear);
    expect(ambiguous).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it('a missing date is unknown, never today', () => {
    const receipt = parse('Shop\nTotal 5.00');
    expect(receipt.date).toEqual({ value: null, confidence: 0 });
    expect(receipt.needsReview).toContain('date');
  });
});

describe('currency detection', () => {
  it.each<[string, ParseReceiptOptions, string | null]>([
    ['Total RM 12.30', { locale: 'en-MY', defaultCurrency: 'MYR' }, 'MYR'],
    ['TOTAL RM12.30', US, 'MYR'],
    ['GST Summary Amount(RM) Tax(RM)\nTotal 12.30', US, 'MYR'],
    ['Total €12.30', US, 'EUR'],
    ['Total 12,30 €', DE, 'EUR'],
    ['Total £8.00', US, 'GBP'],
    ['Total EUR 12.30', US, 'EUR'],
    ['Total 12.30 CHF', US, 'CHF'],
    ['Total S$ 12.30', US, 'SGD'],
    ['Total $12.30', { locale: 'en-CA', defaultCurrency: 'CAD' }, 'CAD'],
    ['Total $12.30', US, 'USD'],
    ['Total ₹250.00', US, 'INR'],
    ['Total 12.30', US, null],
    ['ABC SDN BHD\nTotal 12.30', US, null],
    ['FORM 12.30\nTERM 1.00', US, null],
  ])('%s (%s)', (text, options, expected) => {
    expect(parse(text, options).currency.value).toBe(expected);
  });

  it('without a currency on the receipt, amounts are in the default currency and not flagged', () => {
    const receipt = parse('Total 12.30');
    expect(receipt.needsReview).not.toContain('currency');
  });
});

describe('merchant and category', () => {
  it.each([
    [
      'the registered name over a brand line',
      'Win Soon Cafe\nPacific Asian Food Delights S/B\n(Company No: 1164418-D)\nNo.35, Jalan Metro',
      'Pacific Asian Food Delights S/B',
    ],
    [
      'registration number cut off',
      'ACME TRADING SDN BHD(955950-H)\nLot 26, Jalan 1',
      'ACME TRADING SDN BHD',
    ],
    [
      'till number and address skipped',
      '31803034\nGreen Leaf Bistro\n12 High Street, London',
      'Green Leaf Bistro',
    ],
    [
      'OCR slips in the legal form repaired',
      'NORTHWIND TRADING S0N8HD\nTel: 03-1234 5678',
      'NORTHWIND TRADING SDN BHD',
    ],
    [
      'a name broken before its trade word',
      'TSH POWER HARDWARE\nTRADING\n002458685-T',
      'TSH POWER HARDWARE TRADING',
    ],
    ['GmbH', 'Bäckerei Müller GmbH\nHauptstr. 5', 'Bäckerei Müller GmbH'],
  ])('%s', (_, text, expected) => {
    expect(parse(`${text}\nTotal 1.00`).merchant.value).toBe(expected);
  });

  it.each([
    ['Shell Station Oxford\nUnleaded 45.00\nTotal 45.00', 'fuel'],
    ['Sunrise Pharmacy\nParacetamol 5.00\nTotal 5.00', 'medical'],
    ['Mario Ristorante Pizzeria\nMargherita 12.00\nTotal 12.00', 'dining_out'],
    ['QUICK STOP 24\nLatte 4.00\nCappuccino 4.00\nTotal 8.00', 'coffee'],
  ])('category in the canonical taxonomy: %s', (text, expected) => {
    expect(parse(text).category.value).toBe(expected);
  });

  it('fields under the threshold are the ones flagged for review', () => {
    const receipt = parse('12345\nsomething 3.00\n4.00');
    for (const name of receipt.needsReview) {
      expect(receipt[name].confidence).toBeLessThan(REVIEW_THRESHOLD);
    }
  });
});

describe('naive baseline', () => {
  it('first line, largest number on a "total" line, first date', () => {
    const receipt = naiveReceiptBaseline(
      [
        { text: 'Brand' },
        { text: 'ACME SDN BHD' },
        { text: '05/06/2018' },
        { text: 'Total 10.00 Cash 20.00' },
      ],
      { locale: 'en-GB', defaultCurrency: 'GBP' },
    );
    expect([receipt.merchant.value, receipt.date.value, receipt.total.value]).toEqual([
      'Brand',
      '2018-06-05',
      2000,
    ]);
  });
});
