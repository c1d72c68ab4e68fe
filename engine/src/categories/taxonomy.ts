/**
 * The one canonical category list (domain §2). Ids are stable snake_case and never change; names
 * are English defaults a locale may rename. Aliases are matched after normalisation (lower case,
 * accents and punctuation dropped), so "Restaurants", "restaurant" and "RESTAURANTS!" all resolve.
 *
 * Decisions: "debt / loan / car payment" are three ids; "streaming and software subscriptions" is
 * one id, `subscriptions`; "gas" resolves to fuel (the US sense) while "gas bill" is utilities;
 * "other", "misc" and "uncategorized" resolve to Flex.
 */

/** How a category's month amount is laid over days (domain §2). */
export type CategoryBehaviour = 'fixed' | 'spread' | 'clustered';

/**
 * Who gives first when another category overspends. `buffer` is Flex, the first donor before every
 * tier; `sacred` never gives.
 */
export type CategoryPriority = 'sacred' | 'protected' | 'flexible' | 'discretionary' | 'buffer';

/** A category as the engine knows it. */
export interface CategoryDefinition {
  readonly id: string;
  readonly name: string;
  readonly behaviour: CategoryBehaviour;
  readonly priority: CategoryPriority;
  readonly isBuiltIn: boolean;
  readonly aliases: readonly string[];
}

/** Id of the Flex buffer category. */
export const FLEX_CATEGORY_ID = 'flex';
/** Id of the savings category (the target of `savings` rollover). */
export const SAVINGS_CATEGORY_ID = 'savings';

type Row = readonly [id: string, name: string, aliases: string];

const BILLS: readonly Row[] = [
  ['rent', 'Rent', 'rental|apartment rent|housing'],
  ['mortgage', 'Mortgage', 'home loan|mortgage payment'],
  [
    'utilities',
    'Utilities',
    'utility|electricity|electric|electric bill|gas bill|water|power|heating',
  ],
  ['internet', 'Internet', 'broadband|wifi|wi fi'],
  ['phone', 'Phone', 'mobile|cell phone|cellphone|telephone|phone bill'],
  [
    'insurance',
    'Insurance',
    'health insurance|car insurance|home insurance|life insurance|renters insurance',
  ],
  ['debt', 'Debt payment', 'debt payment|credit card|credit card payment'],
  ['loan', 'Loan payment', 'loan payment|student loan|personal loan'],
  ['car_payment', 'Car payment', 'car loan|auto loan|car lease|auto payment'],
  ['childcare', 'Childcare', 'daycare|nanny|child care'],
  ['school_fees', 'School fees', 'tuition|school|education'],
  ['gym', 'Gym', 'fitness|gym membership'],
  ['subscriptions', 'Subscriptions', 'subscription|streaming|software|netflix|spotify|apps'],
];

type Group = readonly [CategoryBehaviour, CategoryPriority, readonly Row[]];

const GROUPS: readonly Group[] = [
  ['fixed', 'sacred', BILLS],
  ['spread', 'sacred', [['savings', 'Savings', 'saving|save']]],
  [
    'spread',
    'protected',
    [
      ['groceries', 'Groceries', 'food|grocery|supermarket'],
      [
        'transport_public',
        'Public transport',
        'transportation|transport|public transport|transit|bus|metro|subway|train',
      ],
    ],
  ],
  [
    'clustered',
    'protected',
    [
      [
        'medical',
        'Out-of-pocket medical',
        'out of pocket medical|health|healthcare|doctor|pharmacy|medicine',
      ],
      ['home_repairs', 'Home repairs', 'repairs|repair|maintenance|home maintenance'],
    ],
  ],
  [
    'spread',
    'flexible',
    [
      ['coffee', 'Coffee', 'cafe|coffee shop'],
      ['personal_care', 'Personal care', 'beauty|haircut|hair|cosmetics|toiletries'],
    ],
  ],
  [
    'clustered',
    'flexible',
    [
      ['clothing', 'Clothing', 'clothes|apparel|fashion|shoes'],
      ['fuel', 'Fuel', 'gas|petrol|gasoline|diesel'],
      ['car_upkeep', 'Car upkeep', 'car maintenance|car repair|parking|car wash|auto maintenance'],
      ['home_goods', 'Home goods', 'household|furniture|homeware|home'],
    ],
  ],
  [
    'clustered',
    'discretionary',
    [
      ['dining_out', 'Dining out', 'restaurants|restaurant|dining|eating out'],
      ['delivery', 'Delivery', 'food delivery|takeout|takeaway'],
      ['entertainment', 'Entertainment', 'fun|movies|cinema|concerts|events'],
      ['gaming', 'Gaming', 'games|video games'],
      ['hobbies', 'Hobbies', 'hobby|crafts|sports'],
      ['books', 'Books', 'book|ebooks|magazines'],
      ['gadgets', 'Gadgets', 'gadget|electronics|tech'],
      ['taxis', 'Taxis', 'taxi|rideshare|ride share|uber|lyft|cab'],
      ['travel', 'Flights and travel', 'flights|flight|trips|trip|vacation|holiday|hotels|airfare'],
    ],
  ],
  ['spread', 'buffer', [['flex', 'Flex', 'buffer|other|misc|miscellaneous|uncategorized']]],
];

/** The canonical taxonomy, in the engine's processing order (priority, then id). */
export const CATEGORY_TAXONOMY: readonly CategoryDefinition[] = GROUPS.flatMap(
  ([behaviour, priority, rows]) =>
    rows.map(([id, name, aliases]) => ({
      id,
      name,
      behaviour,
      priority,
      isBuiltIn: true,
      aliases: aliases.split('|'),
    })),
);
