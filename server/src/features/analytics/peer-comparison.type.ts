import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { YearMonthScalar } from '../../graphql/scalars';
import { IncomeBandGql, PeerComparisonStatusGql, PeerPositionGql } from './analytics-enums.type';

@ObjectType({
  description:
    'The person’s share of a category against their peers’. Each peer figure is the mean of the three peers’ shares nearest its rank, so none is one peer’s share.',
})
export class PeerCategoryComparison {
  @Field(() => ID, { description: 'A built-in category id (a person’s own are never compared).' })
  categoryId!: string;
  @Field(() => String, { description: 'Its name (English default).' }) categoryName!: string;
  @Field(() => Int, { description: 'The person’s share of their spending, basis points.' })
  yourShareBasisPoints!: number;
  @Field(() => Int, { description: 'The peers’ lower quartile share, basis points.' })
  lowerQuartileBasisPoints!: number;
  @Field(() => Int, { description: 'The peers’ median share, basis points.' })
  medianBasisPoints!: number;
  @Field(() => Int, { description: 'The peers’ upper quartile share, basis points.' })
  upperQuartileBasisPoints!: number;
  @Field(() => Float, { description: 'yourShareBasisPoints / 10000, for display only.' })
  yourShare!: number;
  @Field(() => Float, { description: 'medianBasisPoints / 10000, for display only.' })
  median!: number;
  @Field(() => PeerPositionGql, { description: 'Below, within or above the middle half.' })
  position!: PeerPositionGql;
}

@ObjectType({
  description:
    'How the person’s spending mix compares with people of the same income band and region (k-anonymous: at least 20 others, group figures only).',
})
export class PeerComparison {
  @Field(() => YearMonthScalar, { description: 'The local month compared (to date).' })
  month!: string;
  @Field(() => PeerComparisonStatusGql, { description: 'Whether anything could be shown.' })
  status!: PeerComparisonStatusGql;
  @Field(() => Int, {
    description:
      'Other people of the group (who spent that month) needed before anything is shown: 20. The group’s real size is never given.',
  })
  neededPeers!: number;
  @Field(() => IncomeBandGql, { description: 'The person’s income band, which the group shares.' })
  incomeBand!: IncomeBandGql;
  @Field(() => String, {
    description:
      'The region the group shares: the plan’s ISO 3166 code, or the currency’s default profile (NONE without either).',
  })
  region!: string;
  @Field(() => [PeerCategoryComparison], {
    description: 'Per category, largest peer median first; empty unless REPORTED.',
  })
  categories!: PeerCategoryComparison[];
}
