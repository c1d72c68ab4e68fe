import { localDateOf, localDayBounds, type LocalDate } from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import { parseAmount } from '../../graphql/money.type';
import type { WriteContext } from '../budget';
import { canonicalCategory } from '../transactions';
import { SplitError } from './split.errors';
import { checkSplitParts } from './split.rules';
import type { SplitRow } from './split.table';

const MAX_TEXT = 500;

export interface SplitPartRequest {
  id?: string | null;
  categoryId: string;
  amount: string;
  note?: string | null;
}

export interface SplitFields {
  total?: string | null;
  currency?: string | null;
  payee?: string | null;
  description?: string | null;
  occurredAt?: Date | null;
  bookedOn?: LocalDate | null;
  parts: SplitPartRequest[];
}

export interface CreateSplitRequest extends SplitFields {
  id?: string | null;
  total: string;
  /** In a household budget: the member booking the split; its parts are stamped with them. */
  memberId?: string | null;
  /** A plain transaction this split replaces (deleted in the same write). */
  replacesTransactionId?: string | null;
}

export interface UpdateSplitRequest extends SplitFields {
  id: string;
  baseVersion: number;
}

export interface ResolvedPart {
  id: string;
  categoryId: string;
  amountMinor: number;
  description: string;
}

export interface ResolvedSplit {
  totalMinor: number;
  currency: string;
  payee: string | null;
  description: string;
  occurredAt: Date;
  bookedOn: LocalDate;
  parts: ResolvedPart[];
}

/**
 * Validates a split request against the budget (currency, categories, exact parts); an edit
 * keeps what it does not name. New parts take ids from `newId`.
 */
export function resolveSplit(
  input: SplitFields,
  context: WriteContext,
  current: SplitRow | null,
  newId: () => string,
): ResolvedSplit {
  const { currency, timeZone } = context.settings;
  if (input.currency != null && input.currency !== currency)
    throw new SplitError('SPLIT_INPUT_INVALID', {
      message: `The budget is in ${currency}; convert ${input.currency} amounts first.`,
    });
  const totalMinor =
    input.total != null
      ? parseAmount(input.total, currency, { field: 'total' })
      : (current?.totalMinor ?? 0);
  for (const [field, value] of [
    ['payee', input.payee],
    ['description', input.description],
    ...input.parts.map((part, index) => [`parts[${index}].note`, part.note] as const),
  ] as const) {
    if (value != null && value.length > MAX_TEXT)
      throw invalid(`${field} is longer than ${MAX_TEXT} characters.`);
  }
  const seen = new Set<string>();
  const parts = input.parts.map((part, index): ResolvedPart => {
    if (part.id != null && !isUuid(part.id)) throw invalid(`parts[${index}].id must be a UUID.`);
    const id = part.id ?? newId();
    if (seen.has(id)) throw invalid(`parts[${index}].id is given twice.`);
    seen.add(id);
    return {
      id,
      categoryId: canonicalCategory(part.categoryId, context.userCategoryIds),
      amountMinor: parseAmount(part.amount, currency, { field: `parts[${index}].amount` }),
      description: part.note ?? '',
    };
  });
  checkSplitParts(
    totalMinor,
    parts.map((part) => part.amountMinor),
  );
  const { occurredAt, bookedOn } = resolveDay(input, context, current, timeZone);
  return {
    totalMinor,
    currency,
    payee: input.payee !== undefined ? input.payee : (current?.payee ?? null),
    description: input.description ?? current?.description ?? '',
    occurredAt,
    bookedOn,
    parts,
  };
}

/** The day of the payment: a picked local date, else the instant's day in the budget's zone. */
function resolveDay(
  input: SplitFields,
  context: WriteContext,
  current: SplitRow | null,
  timeZone: string,
): { occurredAt: Date; bookedOn: LocalDate } {
  let occurredAt = input.occurredAt ?? current?.occurredAt ?? context.now;
  let bookedOn = current?.bookedOn ?? localDateOf(occurredAt, timeZone);
  if (input.bookedOn != null) {
    bookedOn = input.bookedOn;
    // A picked date without a time: the instant is the start of that local day.
    if (input.occurredAt == null && localDateOf(occurredAt, timeZone) !== bookedOn)
      occurredAt = new Date(localDayBounds(bookedOn, timeZone).startsAt);
  } else if (input.occurredAt != null) {
    bookedOn = localDateOf(input.occurredAt, timeZone);
  }
  return { occurredAt, bookedOn };
}

function invalid(message: string): Error {
  return new SplitError('SPLIT_INPUT_INVALID', { message });
}
