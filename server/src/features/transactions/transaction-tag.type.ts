import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../graphql/relay';

export enum TagMatchGql {
  ANY = 'any',
  ALL = 'all',
}
registerEnumType(TagMatchGql, {
  name: 'TagMatch',
  description: 'How a filter’s tags combine.',
  valuesConfig: {
    ANY: { description: 'A transaction with at least one of the tags matches.' },
    ALL: { description: 'Only a transaction with every one of the tags matches.' },
  },
});

@ObjectType({ description: 'One of the person’s tags and how many live transactions carry it.' })
export class TagUsage {
  @Field(() => String, { description: 'The tag, in its canonical spelling (lower-case, no #).' })
  tag!: string;
  @Field(() => Int, { description: 'How many live (not deleted) transactions carry it.' })
  transactionCount!: number;
}

/** The person's tags, most used first (then alphabetically). */
export const TagUsageConnection = connectionTypes(TagUsage, 'TagUsage', 'tags');

@ObjectType({
  description:
    'A transaction a tag change wrote, with the version it has now (tags only changed: amounts and days stay).',
})
export class TagChangedTransaction {
  @Field(() => ID, { description: 'The transaction’s id, as `Transaction.id`.' })
  id!: string;
  @Field(() => Int, {
    description:
      'Its version after the change: a device that queued edits of it after the same change sends them against this version, so they are no conflict.',
  })
  version!: number;
}

@ObjectType({ description: 'The outcome of renaming a tag on every transaction that carries it.' })
export class RenameTagPayload {
  @Field(() => String, { description: 'The old tag, as normalised.' })
  from!: string;
  @Field(() => String, {
    description:
      'The new tag, as normalised; where a transaction already had it, the two are merged.',
  })
  tag!: string;
  @Field(() => Int, {
    description:
      'How many live transactions changed (each got a new version and reaches other devices through `changes`).',
  })
  transactionCount!: number;
  @Field(() => [TagChangedTransaction], {
    description:
      'Every transaction the change wrote (deleted ones too), with its new version; bounded by the transactions carrying the tag.',
  })
  changed!: TagChangedTransaction[];
}

@ObjectType({
  description: 'The outcome of removing a tag from every transaction that carries it.',
})
export class DeleteTagPayload {
  @Field(() => String, { description: 'The removed tag, as normalised.' })
  tag!: string;
  @Field(() => Int, {
    description:
      'How many live transactions changed (each got a new version and reaches other devices through `changes`).',
  })
  transactionCount!: number;
  @Field(() => [TagChangedTransaction], {
    description:
      'Every transaction the change wrote (deleted ones too), with its new version; bounded by the transactions carrying the tag.',
  })
  changed!: TagChangedTransaction[];
}
