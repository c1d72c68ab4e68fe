/**
 * The merchant: the registered business name near the top. A brand line, a stamp or a till number
 * often comes first, so header lines are scored: a legal form (`Sdn Bhd`, `Ltd`, `GmbH` …) or a
 * trade word (`Restaurant`, `Trading`, `Pharmacy` …) counts for a line, address, phone and tax-id
 * lines are skipped, and earlier lines win ties. Registration numbers are cut off, and common OCR
 * slips inside names (`0` for `O`, `1` for `l`, `SDNBHD`) are repaired.
 */
import { findDates } from './receipt-dates';

/** The chosen merchant name with its confidence. */
export interface MerchantPick {
  readonly name: string;
  readonly confidence: number;
}

// Legal forms, allowing common OCR slips in the Malaysian `Sdn Bhd` (S0N BHO, SDN8HD).
const LEGAL_FORM = new RegExp(
  [
    String.raw`S[DO0][NM]\.?\s?[B83]H[DO0]\b\.?`,
    String.raw`\bS\/B\b`,
    String.raw`\bBERHAD\b`,
    String.raw`\bBHD\b\.?`,
    String.raw`\bPTE\.?\s?LTD\b\.?`,
    String.raw`\bPTY\.?\s?LTD\b\.?`,
    String.raw`\bLTD\b\.?`,
    String.raw`\bLIMITED\b`,
    String.raw`\bL\.?L\.?C\b\.?`,
    String.raw`\bINC\b\.?`,
    String.raw`\bCORP(ORATION)?\b\.?`,
    String.raw`\bGMBH\b`,
    String.raw`\bPLC\b`,
    String.raw`\bS\.?A\.?R\.?L\b\.?`,
    String.raw`\bB\.V\.`,
    String.raw`\bN\.V\.`,
    String.raw`\bS\.A\.`,
    String.raw`\bS\.L\.`,
    String.raw`\bS\.P\.A\.`,
    String.raw`\bAB\b`,
    String.raw`株式会社|有限公司`,
  ].join('|'),
  'i',
);
const TRADE_WORD =
  /\b(enterprise|trading|traders?|restaurant|restoran|cafe|café|coffee|bakery|bakeries|pharmacy|farmasi|hardware|stationery|marketing|supermarket|market|mart|store|stores|shop|kedai|perniagaan|syarikat|chop|petroleum|station|grocer|grocery|kitchen|bistro|pizzeria|bar|pub|hotel|motel|boutique|salon|clinic|optical|services|industries|company|co\.)\b/i;
const NOT_A_NAME =
  /\b(jalan|jln|lot|taman|no\.?\s?\d|road|rd\.|street|st\.|avenue|ave\.|blvd|floor|level|suite|tel|fax|phone|h\/p|hp:|gst|reg\.?|vat|tax\s?invoice|invoice|receipt|cashier|date|time|table|welcome|thank|www\.|http|@|order|guest|check|posted|copy|bill|qty|item|price|description|amount)\b|\b\d{5}\b|,(?=.*\p{L})/iu;

function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

/** Repairs OCR slips inside words and cuts registration numbers and noise after the name. */
export function tidyMerchantName(raw: string): string {
  let name = raw
    .replace(/(?<=\p{L})0|0(?=\p{L}{2})/gu, 'O')
    .replace(/(?<=\p{L}{2})1(?=\p{L}|\s|$)/gu, 'l')
    .replace(/(?<=\s|^)['’`"]/g, '')
    .replace(/\b(MR|MRS|MS|DR)\.(?=\p{L})/giu, '$1. ')
    .replace(/(?<=\p{L})\((?=\p{L}{1,3}\))/gu, ' (')
    .replace(/(?<=\(\p{L}{1,3}\))(?=\p{L})/gu, ' ');
  const legal = LEGAL_FORM.exec(name);
  if (legal !== null) {
    name = name.slice(0, legal.index) + canonicalLegalForm(legal[0]);
    if (!/^\s/.test(name.slice(legal.index - 1, legal.index)) && legal.index > 0)
      name = `${name.slice(0, legal.index)} ${name.slice(legal.index)}`;
  }
  name = name
    .replace(/\s*[([]?[A-Z]{0,3}\s?\d[\d\s]{3,}-?\s?[A-Z]?\b[)\]]?[^\p{L}]*$/iu, '')
    .replace(/[·•,;:]+$/, '')
    .trim();
  name = name.replace(/^\((.*)\)?$/, '$1').trim();
  return name.replace(/\s+/g, ' ');
}

/** `SDNBHD` → `SDN BHD`, `S0N8HD` → `SDN BHD`; dots as printed (`SDN.BHD.` stays). */
function canonicalLegalForm(printed: string): string {
  const malaysian = /^S[DO0][NM](\.?)(\s?)[B83]H[DO0](\.?)$/i.exec(printed);
  if (malaysian === null) return printed;
  const [, dot = '', space = '', end = ''] = malaysian;
  const upper = printed === printed.toUpperCase();
  const form = `${upper ? 'SDN' : 'Sdn'}${dot}${dot === '' ? ' ' : space}${upper ? 'BHD' : 'Bhd'}${end}`;
  return form;
}

function scoreLine(text: string, index: number): number | null {
  const letters = letterCount(text);
  if (letters < 3 || digitCount(text) > letters || NOT_A_NAME.test(text)) return null;
  // Address lines end with a comma; a name line does not (unless a registration number closes it).
  if (/,\s*$/.test(text) && !LEGAL_FORM.test(text)) return null;
  if (findDates(text, 'en').length > 0) return null;
  let score = -0.35 * index;
  if (LEGAL_FORM.test(text)) score += 3;
  if (TRADE_WORD.test(text)) score += 1;
  return score;
}

function isContinuation(text: string, next: string | undefined): next is string {
  if (next === undefined || LEGAL_FORM.test(text) || letterCount(next) < 2) return false;
  if (next.length > 24 || !(LEGAL_FORM.test(next) || TRADE_WORD.test(next))) return false;
  const rest = next.replace(LEGAL_FORM, '').replace(TRADE_WORD, '');
  return rest.replace(/[\s.]/g, '').length <= 6;
}

/** Picks the merchant from the first lines of the receipt. */
export function pickMerchant(lines: readonly string[]): MerchantPick | null {
  const header = lines.slice(0, 12);
  let best: { name: string; score: number } | null = null;
  const consider = (name: string, score: number | null) => {
    if (score !== null && (best === null || score > best.score)) best = { name, score };
  };
  header.forEach((text, index) => {
    const own = scoreLine(text, index);
    consider(text, own);
    // A name broken before its legal form or trade word: `TSH POWER HARDWARE` / `TRADING`.
    const next = header[index + 1];
    if (own !== null && isContinuation(text, next)) {
      const joined = `${text} ${next}`;
      const score = scoreLine(joined, index);
      // The whole name outranks its first half.
      consider(joined, score === null ? null : score + 0.25);
    }
  });
  const found = best as { name: string; score: number } | null;
  if (found === null) return null;
  const name = tidyMerchantName(found.name);
  if (letterCount(name) < 2) return null;
  const confidence = found.score >= 2 ? 0.85 : found.score >= 0.5 ? 0.7 : 0.55;
  return { name, confidence };
}
