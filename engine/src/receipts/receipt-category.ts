/**
 * A receipt's category in the canonical taxonomy (domain §2, §7): the merchant dictionary first
 * (well-known chains and the trade words in a business name), then keywords of the items.
 */

/** The chosen category id with its confidence. */
export interface CategoryPick {
  readonly id: string;
  readonly confidence: number;
}

type Rule = readonly [categoryId: string, words: string];

// Chains and trade words found in merchant names, most specific first.
const MERCHANT_RULES: readonly Rule[] = [
  ['coffee', 'starbucks|costa coffee|tim hortons|coffee bean|coffee|cafe|café|espresso'],
  [
    'fuel',
    'petrol|petroleum|petronas|shell|caltex|esso|exxon|chevron|texaco|bp |aral|total ?energies|fuel|gas station|tankstelle',
  ],
  [
    'dining_out',
    'mcdonald|burger king|kfc|subway|pizza hut|domino|nando|secret recipe|restaurant|restoran|bistro|diner|grill|bbq|kitchen|eatery|noodle|sushi|ramen|steak|food ?court|trattoria|pizzeria|brasserie|taqueria|gastro|wirtshaus|biergarten',
  ],
  [
    'groceries',
    'walmart|tesco|aeon|giant|lotus|mydin|carrefour|aldi|lidl|rewe|edeka|kaufland|sainsbury|asda|morrisons|waitrose|whole foods|trader joe|kroger|safeway|costco|7-eleven|supermarket|hypermarket|grocer|minimart|mini market|provision|cash & carry|pasar|market|bakery|bakeries|butcher',
  ],
  [
    'medical',
    'pharmacy|farmasi|apotheke|pharmacie|farmacia|chemist|guardian|watsons|boots|cvs|walgreens|clinic|klinik|hospital|dental|medical',
  ],
  [
    'home_repairs',
    'hardware|ace hardware|home depot|lowe|bunnings|b&q|obi|hornbach|bauhaus|leroy merlin|plumbing|electrical',
  ],
  ['home_goods', 'ikea|homeware|furniture|household|kitchenware'],
  [
    'books',
    'stationery|bookstore|book ?shop|popular|mph|kinokuniya|borders|barnes|waterstones|library',
  ],
  ['clothing', 'uniqlo|h&m|zara|primark|boutique|fashion|apparel|clothing|tailor|shoes'],
  [
    'gadgets',
    'electronics|apple store|best buy|mediamarkt|saturn|currys|harvey norman|senheng|computer|mobile phone',
  ],
  ['personal_care', 'salon|barber|beauty|spa|cosmetic|sephora'],
  ['entertainment', 'cinema|gsc|tgv|cinemas|theatre|theater|bowling|karaoke'],
  ['taxis', 'uber|lyft|grab|taxi|cab co'],
  ['travel', 'hotel|motel|airline|airasia|airways|hostel|resort|travel'],
  ['car_upkeep', 'car wash|parking|tyre|tire|auto parts|workshop|service centre'],
];

const ITEM_RULES: readonly Rule[] = [
  ['fuel', 'petrol|diesel|unleaded|ron ?9[57]|v-power|primax|gasoline|litre|liter'],
  ['coffee', 'latte|cappuccino|espresso|americano|mocha|macchiato|flat white'],
  [
    'dining_out',
    'nasi|mee|mihun|kuey teow|roti|teh|kopi|rice|noodle|chicken|burger|fries|set meal|meal|soup|porridge|pizza|pasta|beer|wine|dessert|tapas|dumpling',
  ],
  ['medical', 'tablet|capsule|syrup|paracetamol|panadol|vitamin|ointment|plaster|bandage|mask'],
  [
    'groceries',
    'milk|bread|egg|butter|cheese|yogurt|fruit|vegetable|sugar|flour|cooking oil|detergent|tissue|rice 5kg',
  ],
  [
    'home_repairs',
    'screw|nail|bolt|drill|paint|cable|pipe|hose|tape|wrench|hammer|plier|glue|welding|rod',
  ],
  ['books', 'pen|pencil|notebook|paper|envelope|file|folder|stapler|a4'],
];

function compile(rules: readonly Rule[]) {
  return rules.map(([id, words]) => [id, new RegExp(`(^|[^a-z])(${words})`, 'i')] as const);
}

const MERCHANTS = compile(MERCHANT_RULES);
const ITEMS = compile(ITEM_RULES);

/** Picks a category from the merchant name, then from the item descriptions; null when unsure. */
export function pickCategory(
  merchant: string | null,
  headerLines: readonly string[],
  items: readonly string[],
): CategoryPick | null {
  const named = [merchant ?? '', ...headerLines].join(' \n ');
  for (const [id, pattern] of MERCHANTS) {
    if (merchant !== null && pattern.test(merchant)) return { id, confidence: 0.85 };
  }
  for (const [id, pattern] of MERCHANTS) {
    if (pattern.test(named)) return { id, confidence: 0.7 };
  }
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const [id, pattern] of ITEMS) {
      if (pattern.test(item)) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        break;
      }
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top === undefined) return null;
  const isClear = second === undefined || top[1] >= 2 * second[1];
  return { id: top[0], confidence: isClear && top[1] >= 2 ? 0.65 : 0.45 };
}
