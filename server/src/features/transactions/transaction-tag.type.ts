import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
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
}
