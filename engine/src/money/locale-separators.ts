/**
 * Decimal and grouping separators of a locale, read once from Intl.NumberFormat and cached.
 * Where a locale groups with a (narrow) no-break space, a plain space is accepted too, because
 * that is what people type.
 */
import { EngineError } from '../errors';

/** Separators and group sizes (primary = last group, secondary = the others) of a locale. */
export interface Separators {
  readonly decimal: string;
  readonly groups: readonly string[];
  readonly primary: number;
  readonly secondary: number;
}

const cache = new Map<string, Separators>();
const SPACES = new Set([' ', '\u00a0', '\u202f']);

function read(locale: string): Separators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  } catch {
    throw new EngineError('LOCALE_INVALID', `Unknown locale "${locale}"`, { locale });
  }
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value;
  const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value.length);
  const primary = integers.at(-1) ?? 3;
  const secondary = integers.length > 2 ? (integers[1] ?? 3) : primary;
  const groups = group === undefined ? [] : SPACES.has(group) ? [group, ...SPACES] : [group];
  return { decimal, groups: [...new Set(groups)], primary, secondary };
}

/** Returns the separators of a BCP 47 locale; throws LOCALE_INVALID for an unknown tag. */
export function separatorsOf(locale: string): Separators {
  let seps = cache.get(locale);
  if (seps === undefined) {
    seps = read(locale);
    cache.set(locale, seps);
  }
  return seps;
}
