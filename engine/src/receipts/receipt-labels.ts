/**
 * What a receipt line says it is, read from its words. OCR often drops spaces (`NETTOTAL`,
 * `TotalAmtIncl.GST`), so labels are matched on the line lower-cased with spaces removed.
 */

/** The role a line's label gives its amount. */
export type LineRole =
  | 'total-strong'
  | 'total'
  | 'subtotal'
  | 'tax'
  | 'tendered'
  | 'change'
  | 'rounding'
  | 'discount'
  | 'count'
  | 'summary-heading'
  | 'other';

/** Lower case, accents folded, whitespace removed. */
export function compactText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '');
}

const SUMMARY_HEADING =
  /(gst|tax|vat)(summary|analysis|code)|summary$|^taxcode|^code.*(amount|tax)/;
const COUNT = /totalq(ty|uantity|nty)|totalitem|^qty|totalpcs|noofitems|itemcount|totalunits/;
const SUBTOTAL =
  /sub-?total|zwischensumme|sous-?total|subtotaal|totaleparziale|excl|exclud|exclusive|beforetax|pretax|nettbeforegst/;
const CHANGE =
  /change|kembali|wechselgeld|rendu|monnaie|cambio|wisselgeld|resto|troco|balancereturn/;
const TENDERED =
  /cash(?!ier)|tender|received|paid|payment|bezahlt|gegeben|especes|efectivo|contanti|kontant|visa|master|card|credit|debit|eftpos|voucher|^amex/;
const ROUNDING = /round|arrondi|rundung|redondeo|arrotond/;
const DISCOUNT = /discount|saving|rabatt|remise|descuento|sconto|korting|promo/;
// `GST 6% included in total 1.75`, `(Total included GST: 0.41)`: the tax inside the total.
const TAX_INCLUDED_NOTE =
  /included(in)?(total)?\d*%?(gst|tax|vat)|(gst|tax|vat).*included|^\(total/;
const TAX_FIRST =
  /^(total)?(gst|tax|vat|mwst|ust|tva|iva|btw|hst|pst|sst|salestax|消費税|税)(?!invoice|i)/;
const TAX = /(gst|tax|vat)(payable|amount|amt|@|\d|:|\()|^\d+(\.\d+)?%(gst|tax|vat)/;
const TOTAL_STRONG = new RegExp(
  [
    'grandtotal',
    'amountdue',
    'balancedue',
    'totaldue',
    '^due',
    'nett?total',
    'totalnett?',
    'nett?amo?u?n?t',
    'totalpayable',
    'amountpayable',
    'payable',
    'totalamo?u?n?t',
    'roundedtotal',
    'totalrounded',
    'afterrounding',
    'totalsales.*incl',
    'totalincl(?!udes)',
    'inclusiveof',
    'tobepaid',
    'zuzahlen',
    'gesamtbetrag',
    'summe',
    'totalttc',
    'netapayer',
    'totalapagar',
    'importetotal',
    'tebetalen',
    'totaledapagare',
    'jumlah',
    '合計',
    '合计',
    '总计',
    '총액',
  ].join('|'),
);
const TOTAL =
  /total|ttl|totaal|totale|gesamt|betrag|montant|importe|bedrag|summa|celkem|razem|toplam|итого/;

/** Classifies a line by its label; `other` when it names nothing the parser cares about. */
export function lineRole(text: string): LineRole {
  const compact = compactText(text);
  if (SUMMARY_HEADING.test(compact) && !/\d+\.\d\d/.test(text)) return 'summary-heading';
  if (COUNT.test(compact)) return 'count';
  if (SUBTOTAL.test(compact)) return 'subtotal';
  if (CHANGE.test(compact)) return 'change';
  if (ROUNDING.test(compact) && !/roundedtotal|totalrounded|afterrounding/.test(compact))
    return 'rounding';
  if (DISCOUNT.test(compact)) return 'discount';
  if (TAX_INCLUDED_NOTE.test(compact) || TAX_FIRST.test(compact)) return 'tax';
  if (TOTAL_STRONG.test(compact)) return 'total-strong';
  if (TENDERED.test(compact)) return 'tendered';
  if (TOTAL.test(compact)) return 'total';
  if (TAX.test(compact)) return 'tax';
  return 'other';
}

/** Summary lines are never items (domain §7): totals, tax, payment, change, rounding, discounts. */
export function isSummaryRole(role: LineRole): boolean {
  return role !== 'other';
}

const HEADER_NOISE =
  /(^|[^a-z])(tel|fax|phone|h\/p|gst(id|no|reg)|reg\.?no|co\.?no|company|invoice|receipt|cashier|table|pax|date|time|server|terminal|doc(no|#)|slip|bill|www\.|http|@|jalan|jln|lot\b|street|road|st\.|ave)/i;

/** Lines of the header and footer that carry numbers but are not priced items. */
export function isNoiseLine(text: string): boolean {
  return HEADER_NOISE.test(text);
}
