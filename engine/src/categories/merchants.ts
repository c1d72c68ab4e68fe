/**
 * The built-in merchant dictionary: well-known chains and the trade words of a payee or note,
 * matched as whole words after folding (case, accents and punctuation ignored), so "LIDL SAGT
 * DANKE", "latte at Starbucks" and "Pizza Place #42" find a category while "Shellfish Bar" is no
 * Shell station. A person's own rules come before it; Flex after it.
 */
import { resolveCategoryId } from './categories';

/** A dictionary hit: the category and the merchant's usual name. */
export interface MerchantMatch {
  readonly categoryId: string;
  readonly name: string;
}

type Entry = readonly [name: string, categoryId: string, spellings?: string];

// Chains: the name itself always matches; `spellings` adds other ways banks write it.
const CHAINS: readonly Entry[] = [
  ['Starbucks', 'coffee', 'starbucks coffee|sbux'],
  ['Costa Coffee', 'coffee', 'costa'],
  ['Tim Hortons', 'coffee', 'tim horton'],
  ['Dunkin', 'coffee', 'dunkin donuts|dunkin'],
  ['Pret A Manger', 'coffee', 'pret'],
  ['Caffe Nero', 'coffee', 'cafe nero'],
  ['Tchibo', 'coffee'],
  ["McDonald's", 'dining_out', 'mcdonalds|mcdonald|mc donalds|mcd'],
  ['Burger King', 'dining_out'],
  ['KFC', 'dining_out', 'kentucky fried chicken'],
  ['Subway', 'dining_out'],
  ['Pizza Hut', 'dining_out'],
  ["Domino's", 'dining_out', 'dominos|domino s pizza|dominos pizza'],
  ["Nando's", 'dining_out', 'nandos'],
  ['Chipotle', 'dining_out'],
  ["Wendy's", 'dining_out', 'wendys'],
  ['Taco Bell', 'dining_out'],
  ['Five Guys', 'dining_out'],
  ['Vapiano', 'dining_out'],
  ['Wagamama', 'dining_out'],
  ['Uber Eats', 'delivery', 'ubereats'],
  ['Deliveroo', 'delivery'],
  ['DoorDash', 'delivery', 'door dash'],
  ['Just Eat', 'delivery', 'justeat'],
  ['Grubhub', 'delivery'],
  ['Wolt', 'delivery'],
  ['Glovo', 'delivery'],
  ['Lieferando', 'delivery'],
  ['Uber', 'taxis', 'uber trip|uber bv'],
  ['Lyft', 'taxis'],
  ['Bolt', 'taxis'],
  ['FreeNow', 'taxis', 'free now'],
  ['Cabify', 'taxis'],
  ['Lidl', 'groceries'],
  ['Aldi', 'groceries', 'aldi sud|aldi nord'],
  ['Tesco', 'groceries', 'tesco stores|tesco express'],
  ["Sainsbury's", 'groceries', 'sainsburys|sainsbury'],
  ['Asda', 'groceries'],
  ['Morrisons', 'groceries'],
  ['Waitrose', 'groceries'],
  ['Carrefour', 'groceries'],
  ['Auchan', 'groceries'],
  ['Leclerc', 'groceries', 'e leclerc'],
  ['Intermarche', 'groceries'],
  ['Rewe', 'groceries'],
  ['Edeka', 'groceries'],
  ['Kaufland', 'groceries'],
  ['Netto', 'groceries'],
  ['Penny Markt', 'groceries'],
  ['Mercadona', 'groceries'],
  ['Albert Heijn', 'groceries'],
  ['Biedronka', 'groceries'],
  ['Spar', 'groceries'],
  ['Coop', 'groceries'],
  ['Migros', 'groceries'],
  ['Walmart', 'groceries', 'wal mart'],
  ['Kroger', 'groceries'],
  ['Safeway', 'groceries'],
  ['Whole Foods', 'groceries', 'whole foods market'],
  ["Trader Joe's", 'groceries', 'trader joes'],
  ['Costco', 'groceries'],
  ['7-Eleven', 'groceries', '7 eleven|seven eleven'],
  ['Shell', 'fuel'],
  ['BP', 'fuel'],
  ['Esso', 'fuel'],
  ['ExxonMobil', 'fuel', 'exxon|mobil'],
  ['Chevron', 'fuel'],
  ['Texaco', 'fuel'],
  ['Aral', 'fuel'],
  ['TotalEnergies', 'fuel', 'total energies'],
  ['Repsol', 'fuel'],
  ['Orlen', 'fuel'],
  ['Netflix', 'subscriptions'],
  ['Spotify', 'subscriptions'],
  ['Disney+', 'subscriptions', 'disney plus'],
  ['HBO Max', 'subscriptions', 'hbo'],
  ['YouTube Premium', 'subscriptions', 'youtube'],
  ['Apple Music', 'subscriptions'],
  ['iCloud', 'subscriptions', 'apple com bill'],
  ['Google One', 'subscriptions', 'google storage'],
  ['Microsoft 365', 'subscriptions', 'office 365'],
  ['Adobe', 'subscriptions'],
  ['Dropbox', 'subscriptions'],
  ['Amazon Prime', 'subscriptions', 'prime video'],
  ['Amazon', 'home_goods', 'amzn|amazon marketplace|amazon mktp'],
  ['IKEA', 'home_goods'],
  ['Home Depot', 'home_repairs', 'the home depot'],
  ["Lowe's", 'home_repairs', 'lowes'],
  ['B&Q', 'home_repairs'],
  ['OBI', 'home_repairs'],
  ['Bauhaus', 'home_repairs'],
  ['Hornbach', 'home_repairs'],
  ['Leroy Merlin', 'home_repairs'],
  ['Zara', 'clothing'],
  ['H&M', 'clothing', 'hennes mauritz'],
  ['Uniqlo', 'clothing'],
  ['Primark', 'clothing'],
  ['Zalando', 'clothing'],
  ['Nike', 'clothing'],
  ['Adidas', 'clothing'],
  ['Decathlon', 'hobbies'],
  ['Boots', 'medical'],
  ['CVS', 'medical', 'cvs pharmacy'],
  ['Walgreens', 'medical'],
  ['dm-drogerie markt', 'personal_care', 'dm drogerie'],
  ['Rossmann', 'personal_care'],
  ['Sephora', 'personal_care'],
  ['Douglas', 'personal_care'],
  ['Apple Store', 'gadgets'],
  ['Best Buy', 'gadgets'],
  ['MediaMarkt', 'gadgets', 'media markt'],
  ['Saturn', 'gadgets'],
  ['Currys', 'gadgets'],
  ['Steam', 'gaming', 'steam games|steampowered'],
  ['PlayStation Store', 'gaming', 'playstation|psn'],
  ['Xbox', 'gaming'],
  ['Nintendo', 'gaming', 'nintendo eshop'],
  ['Waterstones', 'books'],
  ['Barnes & Noble', 'books', 'barnes noble'],
  ['Audible', 'books'],
  ['Kindle', 'books'],
  ['Ryanair', 'travel'],
  ['easyJet', 'travel', 'easy jet'],
  ['Lufthansa', 'travel'],
  ['British Airways', 'travel'],
  ['Airbnb', 'travel'],
  ['Booking.com', 'travel', 'booking com'],
  ['Expedia', 'travel'],
  ['Deutsche Bahn', 'transport_public', 'db bahn|db vertrieb'],
  ['Transport for London', 'transport_public', 'tfl|tfl travel'],
  ['SNCF', 'transport_public'],
  ['Trenitalia', 'transport_public'],
  ['Vodafone', 'phone'],
  ['T-Mobile', 'phone', 't mobile|telekom'],
  ['Verizon', 'phone'],
  ['PureGym', 'gym', 'pure gym'],
  ['McFit', 'gym'],
  ['Planet Fitness', 'gym'],
];

// Trade words, tried after every chain: a payee's kind of business or a note's first words.
const TRADE_WORDS: readonly Entry[] = [
  ['Coffee', 'coffee', 'latte|cappuccino|espresso|flat white|americano|cafe|caffe|coffee shop'],
  [
    'Restaurant',
    'dining_out',
    'pizza|pizzeria|pizza place|burger|burgers|sushi|ramen|noodles|kebab|doner|bistro|diner|grill|trattoria|brasserie|taqueria|tapas|steakhouse|lunch|dinner|brunch|restaurant|restaurants',
  ],
  ['Bakery', 'groceries', 'bakery|baker|boulangerie|backerei|supermarket|grocery|groceries|market'],
  ['Pharmacy', 'medical', 'pharmacy|apotheke|pharmacie|farmacia|chemist|drugstore'],
  ['Taxi', 'taxis', 'taxi|cab|rideshare'],
  ['Parking', 'car_upkeep', 'parking|car wash|carwash'],
  ['Fuel', 'fuel', 'petrol|gas station|fuel|tankstelle'],
  ['Cinema', 'entertainment', 'cinema|movies|theatre|theater|concert'],
  ['Hotel', 'travel', 'hotel|hostel|motel|airline|flight'],
  ['Barber', 'personal_care', 'barber|hairdresser|salon|nails'],
  ['Bookshop', 'books', 'bookshop|bookstore'],
];

/** Folds text for matching: lower case, no accents, apostrophes dropped, other marks as spaces. */
export function foldMerchantText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

interface Compiled {
  readonly key: string;
  readonly match: MerchantMatch;
}

function compile(entries: readonly Entry[]): Compiled[] {
  return entries
    .flatMap(([name, categoryId, spellings]) =>
      [name, ...(spellings ? spellings.split('|') : [])].map((spelling) => ({
        key: foldMerchantText(spelling),
        match: { categoryId, name },
      })),
    )
    .filter((entry) => entry.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
}

let compiled: { chains: Compiled[]; trades: Compiled[] } | undefined;

/** How many chains the dictionary knows (for documentation and tests). */
export const MERCHANT_CHAIN_COUNT = CHAINS.length;

/**
 * The dictionary's category for a payee or note: a chain first (the longest spelling wins, so
 * "Uber Eats" is delivery and "Uber" a taxi), then a trade word; undefined when none matches.
 */
export function matchMerchant(text: string): MerchantMatch | undefined {
  compiled ??= { chains: compile(CHAINS), trades: compile(TRADE_WORDS) };
  const folded = ` ${foldMerchantText(text)} `;
  if (folded.trim().length === 0) return undefined;
  for (const list of [compiled.chains, compiled.trades]) {
    for (const entry of list) if (folded.includes(` ${entry.key} `)) return entry.match;
  }
  return undefined;
}

/**
 * The built-in guess for a transaction's texts (payee, then description or note): a whole text
 * naming a category or alias ("coffee", "food"), else the merchant dictionary; undefined when
 * nothing fits (the caller books it on Flex).
 */
export function inferCategoryId(texts: readonly (string | null | undefined)[]): string | undefined {
  const given = texts.filter((text): text is string => typeof text === 'string' && text !== '');
  for (const text of given) {
    const named = resolveCategoryId(text);
    if (named !== undefined) return named;
  }
  for (const text of given) {
    const hit = matchMerchant(text);
    if (hit !== undefined) return hit.categoryId;
  }
  return undefined;
}
