/**
 * Free tags on transactions. A tag is stored in one canonical spelling so that `#Trip`, ` trip `
 * and `TRIP` are the same tag on every device: trimmed, lower-cased without a locale (the same
 * result in every language), inner whitespace collapsed to one space, leading `#` removed.
 */

/** The longest tag, in characters (Unicode code points) after normalisation. */
export const MAX_TAG_LENGTH = 40;
/** The most tags one transaction carries, after duplicates are merged. */
export const MAX_TAGS_PER_TRANSACTION = 20;

/** Why a list of tags was refused. */
export type TagProblem =
  | { kind: 'empty'; index: number }
  | { kind: 'too_long'; index: number; tag: string }
  | { kind: 'control_character'; index: number }
  | { kind: 'too_many'; count: number };

export type TagsResult = { ok: true; tags: string[] } | { ok: false; problem: TagProblem };

// Control characters (NUL included) and the Unicode line/paragraph separators never belong in a tag.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;

/** The canonical spelling of one tag; empty when nothing but spaces and `#` was given. */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^#+/u, '').trim().toLowerCase();
}

/**
 * A list of tags in canonical spelling, in the order first given, duplicates merged; refused
 * when one is empty, too long or holds a control character, or when more than the maximum remain.
 */
export function normaliseTags(raw: readonly string[]): TagsResult {
  const tags: string[] = [];
  for (const [index, value] of raw.entries()) {
    if (CONTROL.test(value)) return { ok: false, problem: { kind: 'control_character', index } };
    const tag = normaliseTag(value);
    if (tag === '') return { ok: false, problem: { kind: 'empty', index } };
    if ([...tag].length > MAX_TAG_LENGTH)
      return { ok: false, problem: { kind: 'too_long', index, tag } };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > MAX_TAGS_PER_TRANSACTION)
    return { ok: false, problem: { kind: 'too_many', count: tags.length } };
  return { ok: true, tags };
}

/** A refusal in words, naming the field it came from. */
export function describeTagProblem(problem: TagProblem, field = 'tags'): string {
  switch (problem.kind) {
    case 'empty':
      return `${field}[${problem.index}] is empty.`;
    case 'too_long':
      return `${field}[${problem.index}] is longer than ${MAX_TAG_LENGTH} characters.`;
    case 'control_character':
      return `${field}[${problem.index}] holds a control character.`;
    case 'too_many':
      return `${field} holds ${problem.count} tags; at most ${MAX_TAGS_PER_TRANSACTION} are allowed.`;
  }
}

/** How a tag filter combines its tags. */
export type TagMatch = 'any' | 'all';

/** Whether a transaction's tags pass a filter of (already normalised) tags; an empty filter passes. */
export function matchesTags(
  tags: readonly string[] | undefined,
  wanted: readonly string[],
  match: TagMatch = 'any',
): boolean {
  if (wanted.length === 0) return true;
  const own = tags ?? [];
  return match === 'all'
    ? wanted.every((tag) => own.includes(tag))
    : wanted.some((tag) => own.includes(tag));
}
