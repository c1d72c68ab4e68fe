import { REVIEW_THRESHOLD, type ReceiptFieldName } from '@pace/engine';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { Node } from '../../graphql/node';
import { connectionTypes, mapConnection, type Connection } from '../../graphql/relay';
import { CurrencyCodeScalar, LocalDateScalar } from '../../graphql/scalars';
import { Transaction, toTransaction } from '../transactions';
import type { ConfirmResult } from './receipt.service';
import type { ReceiptRow } from './receipt.table';

export enum ReceiptStatusGql {
  UPLOADED = 'UPLOADED',
  PROCESSING = 'PROCESSING',
  PROCESSED = 'PROCESSED',
  FAILED = 'FAILED',
  CONFIRMED = 'CONFIRMED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(ReceiptStatusGql, {
  name: 'ReceiptStatus',
  description: 'Where a receipt is, from upload to a booked transaction.',
  valuesConfig: {
    UPLOADED: { description: 'Stored; its processing job is queued.' },
    PROCESSING: { description: 'Being read (OCR, then parsing); see progress and stage.' },
    PROCESSED: { description: 'Read: the fields await the person’s review and confirmReceipt.' },
    FAILED: {
      description:
        'Could not be read (failureCode says why); reprocess it, or confirm values typed by hand.',
    },
    CONFIRMED: { description: 'Booked as one transaction (transactionId).' },
    DISCARDED: { description: 'Dropped by the person; its image is deleted.' },
  },
});

export enum ReceiptFailureGql {
  IMAGE_MISSING = 'IMAGE_MISSING',
  NO_TEXT = 'NO_TEXT',
  OCR_FAILED = 'OCR_FAILED',
}
registerEnumType(ReceiptFailureGql, {
  name: 'ReceiptFailure',
  description: 'Why a receipt’s processing failed for good.',
  valuesConfig: {
    IMAGE_MISSING: { description: 'The stored image is gone; upload the photo again.' },
    NO_TEXT: { description: 'No text was found: the photo may be blurred, dark or not a receipt.' },
    OCR_FAILED: {
      description: 'The OCR engine failed on every attempt; reprocessing may help later.',
    },
  },
});

export enum ReceiptFieldGql {
  MERCHANT = 'merchant',
  DATE = 'date',
  CURRENCY = 'currency',
  TOTAL = 'total',
  TAX = 'tax',
  CATEGORY = 'category',
}
registerEnumType(ReceiptFieldGql, {
  name: 'ReceiptField',
  description: 'A field read from a receipt.',
  valuesConfig: {
    MERCHANT: { description: 'Who was paid.' },
    DATE: { description: 'The date printed on the receipt.' },
    CURRENCY: { description: 'The currency of the amounts.' },
    TOTAL: { description: 'The amount paid.' },
    TAX: { description: 'The tax included.' },
    CATEGORY: { description: 'The budget category suggested.' },
  },
});

const CONFIDENCE = 'How sure the parser is, 0..1.';
const NEEDS_REVIEW = `True when the confidence is below ${REVIEW_THRESHOLD}: highlight it for review.`;

@ObjectType({ description: 'A text read from a receipt, with the parser’s confidence.' })
export class ReceiptTextField {
  @Field(() => String, { nullable: true, description: 'The value; null when none was found.' })
  value!: string | null;
  @Field(() => Float, { description: CONFIDENCE }) confidence!: number;
  @Field(() => Boolean, { description: NEEDS_REVIEW }) needsReview!: boolean;
}

@ObjectType({ description: 'The date read from a receipt, with the parser’s confidence.' })
export class ReceiptDateField {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The date printed; null when none was found (unknown, never today).',
  })
  value!: string | null;
  @Field(() => Float, { description: CONFIDENCE }) confidence!: number;
  @Field(() => Boolean, { description: NEEDS_REVIEW }) needsReview!: boolean;
}

@ObjectType({ description: 'The currency read from a receipt, with the parser’s confidence.' })
export class ReceiptCurrencyField {
  @Field(() => CurrencyCodeScalar, {
    nullable: true,
    description: 'The currency detected; null when the receipt names none (the budget’s is used).',
  })
  value!: string | null;
  @Field(() => Float, { description: CONFIDENCE }) confidence!: number;
  @Field(() => Boolean, { description: NEEDS_REVIEW }) needsReview!: boolean;
}

@ObjectType({ description: 'An amount read from a receipt, with the parser’s confidence.' })
export class ReceiptMoneyField {
  @Field(() => Money, { nullable: true, description: 'The amount; null when none was found.' })
  value!: Money | null;
  @Field(() => Float, { description: CONFIDENCE }) confidence!: number;
  @Field(() => Boolean, { description: NEEDS_REVIEW }) needsReview!: boolean;
}

@ObjectType({ description: 'A priced line of a receipt (never a subtotal, tax, cash or change).' })
export class ReceiptItem {
  @Field(() => String, { description: 'The line’s text without its price.' })
  description!: string;
  @Field(() => Money, { description: 'The line’s price.' }) amount!: Money;
  @Field(() => Float, { nullable: true, description: 'The quantity when printed.' })
  quantity!: number | null;
}

@ObjectType({
  implements: Node,
  description:
    'A scanned receipt: its processing state and what was read from it (scope process:receipts).',
})
export class Receipt {
  @Field(() => ID, {
    description:
      'The receipt’s id: a UUID, globally unique (never a transaction’s id), so `node(id)` fetches it again.',
  })
  id!: string;
  @Field(() => ReceiptStatusGql, { description: 'Where the receipt is.' })
  status!: ReceiptStatusGql;
  @Field(() => Float, { description: 'How far processing got, 0..1.' }) progress!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The current step (queued, loading, recognizing …, parsing, done, failed).',
  })
  stage!: string | null;
  @Field(() => Int, { description: 'Processing runs started (retries and reprocessing).' })
  attempts!: number;
  @Field(() => ReceiptFailureGql, { nullable: true, description: 'Why processing failed.' })
  failureCode!: ReceiptFailureGql | null;
  @Field(() => String, { nullable: true, description: 'The failure in words.' })
  failureMessage!: string | null;
  @Field(() => String, { description: 'The uploaded file’s type, by its content.' })
  contentType!: string;
  @Field(() => Int, { description: 'The uploaded file’s size in bytes.' }) sizeBytes!: number;
  @Field(() => Date, { description: 'When it was uploaded.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When processing last ended.' })
  processedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The OCR engine that read it.' })
  ocrProvider!: string | null;
  @Field(() => [String], { description: 'The text read, line by line; empty until processed.' })
  lines!: string[];
  @Field(() => ReceiptTextField, { nullable: true, description: 'Who was paid.' })
  merchant!: ReceiptTextField | null;
  @Field(() => ReceiptDateField, { nullable: true, description: 'The printed date.' })
  date!: ReceiptDateField | null;
  @Field(() => ReceiptCurrencyField, {
    nullable: true,
    description:
      'The amounts’ currency as read, with the parser’s confidence (its `value` is a CurrencyCode).',
  })
  currencyRead!: ReceiptCurrencyField | null;
  @Field(() => ReceiptMoneyField, { nullable: true, description: 'The amount paid.' })
  total!: ReceiptMoneyField | null;
  @Field(() => ReceiptMoneyField, { nullable: true, description: 'The tax included.' })
  tax!: ReceiptMoneyField | null;
  @Field(() => ReceiptTextField, {
    nullable: true,
    description: 'A suggested category id of the canonical taxonomy.',
  })
  category!: ReceiptTextField | null;
  @Field(() => [ReceiptItem], { description: 'The priced lines; empty until processed.' })
  items!: ReceiptItem[];
  @Field(() => [ReceiptFieldGql], {
    description: 'The fields to highlight for review; empty until processed.',
  })
  needsReview!: ReceiptFieldGql[];
  @Field(() => ID, {
    nullable: true,
    description:
      'The transaction booked by confirmReceipt, or the one booked on the device that the upload named (`transactionId` form field).',
  })
  transactionId!: string | null;
}

export const ReceiptConnection = connectionTypes(
  Receipt,
  'Receipt',
  'the viewer’s receipts, newest first (discarded ones left out)',
);
export type ReceiptConnection = Connection<Receipt>;

@ObjectType({ description: 'A confirmed receipt and the transaction it became.' })
export class ConfirmReceiptPayload {
  @Field(() => Receipt, { description: 'The receipt, now CONFIRMED.' }) receipt!: Receipt;
  @Field(() => Transaction, { description: 'The one transaction booked from it.' })
  transaction!: Transaction;
  @Field(() => Boolean, {
    description:
      'True when it was confirmed before: nothing changed, the first booking is returned.',
  })
  alreadyConfirmed!: boolean;
}

@ObjectType({ description: 'The receipt after `discardReceipt`.' })
export class DiscardReceiptPayload {
  @Field(() => Receipt, {
    description: 'The receipt, now DISCARDED (its image deleted); a booked transaction stays.',
  })
  receipt!: Receipt;
}

@ObjectType({ description: 'The receipt after `reprocessReceipt`.' })
export class ReprocessReceiptPayload {
  @Field(() => Receipt, {
    description:
      'The receipt: UPLOADED again with a new job queued, or as it was when it was still queued or processing.',
  })
  receipt!: Receipt;
}

/** A receipt row on the wire; through Redis its instants arrive as strings. */
export function toReceipt(row: ReceiptRow): Receipt {
  const parsed = row.parsed;
  const currency = row.currency ?? 'XXX';
  const review = new Set<ReceiptFieldName>(parsed?.needsReview ?? []);
  const field = <T, U>(name: ReceiptFieldName, map: (value: T) => U) => {
    const source = parsed?.[name] as { value: T | null; confidence: number } | undefined;
    if (!source) return null;
    return {
      value: source.value === null ? null : map(source.value),
      confidence: source.confidence,
      needsReview: review.has(name),
    };
  };
  const same = <T>(value: T) => value;
  return Object.assign(new Receipt(), {
    ...row,
    status: row.status as ReceiptStatusGql,
    failureCode: row.failureCode as ReceiptFailureGql | null,
    createdAt: new Date(row.createdAt),
    processedAt: row.processedAt === null ? null : new Date(row.processedAt),
    lines: (row.ocrLines ?? []).map((line) => line.text),
    merchant: field<string, string>('merchant', same),
    date: field<string, string>('date', same),
    currencyRead: field<string, string>('currency', same),
    total: field<number, Money>('total', (minor) => toMoney(minor, currency)),
    tax: field<number, Money>('tax', (minor) => toMoney(minor, currency)),
    category: field<string, string>('category', same),
    items: (parsed?.items ?? []).map((item) =>
      Object.assign(new ReceiptItem(), {
        description: item.description,
        amount: toMoney(item.amountMinor, currency),
        quantity: item.quantity,
      }),
    ),
    needsReview: (parsed?.needsReview ?? []).map((name) => name as ReceiptFieldGql),
  });
}

export function toReceiptConnection(page: Connection<ReceiptRow>): ReceiptConnection {
  return mapConnection(page, toReceipt);
}

export function toConfirmReceiptPayload(result: ConfirmResult): ConfirmReceiptPayload {
  return Object.assign(new ConfirmReceiptPayload(), {
    receipt: toReceipt(result.receipt),
    transaction: toTransaction(result.transaction),
    alreadyConfirmed: result.alreadyConfirmed,
  });
}
