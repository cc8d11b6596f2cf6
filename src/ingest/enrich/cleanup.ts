import { isCategoryCode } from './categories.ts';
import { readDataCsv } from './data-files.ts';

/**
 * Descriptor clean-up driven by `data/merchant-cleanup.csv`: the wording banks and card processors
 * wrap around a merchant's name, and the location details they append after it.
 */
interface CleanupRules {
  /** All prefix patterns in one anchored alternation: one test per pass instead of one per pattern. */
  prefix: RegExp | undefined;
  /** Processor codes before a star; the first group is the code. */
  processor: RegExp | undefined;
  /** What a processor's code says about the merchant behind it (Toast serves restaurants). */
  processorCategories: Map<string, string>;
  /** All noise patterns in one global alternation. */
  noise: RegExp | undefined;
  drop: Set<string>;
  /** Words that end a name, such as company suffixes; what follows them is location. */
  end: Set<string>;
  /** City names as token lists, longest first, listed under their last word. */
  cities: Map<string, string[][]>;
  states: Set<string>;
}

function checkedCategory(code: string): string {
  if (!isCategoryCode(code))
    throw new Error(`data/merchant-cleanup.csv: unknown category ${JSON.stringify(code)}`);
  return code;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function byLastWord(cities: string[][]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const city of cities) {
    const last = city[city.length - 1] ?? '';
    index.set(last, [...(index.get(last) ?? []), city]);
  }
  return index;
}

function loadRules(): CleanupRules {
  const rows = readDataCsv('merchant-cleanup.csv');
  const of = (kind: string): string[] =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => r.pattern ?? '')
      .filter(Boolean);
  const processors = of('processor').map(escapeRegExp);
  const processorCategories = new Map(
    rows
      .filter((r) => r.kind === 'processor' && r.category)
      .map((r) => [(r.pattern ?? '').toUpperCase(), checkedCategory(r.category ?? '')] as const),
  );
  const prefixes = of('prefix');
  const noise = of('noise');
  return {
    prefix: prefixes.length
      ? new RegExp(`^(?:${prefixes.map((p) => `(?:${p})`).join('|')})[\\s:*-]*`, 'i')
      : undefined,
    processor: processors.length ? new RegExp(`^(${processors.join('|')}) ?\\* *`, 'i') : undefined,
    processorCategories,
    noise: noise.length ? new RegExp(noise.map((p) => `(?:${p})`).join('|'), 'gi') : undefined,
    drop: new Set(of('drop').map((w) => w.toUpperCase())),
    end: new Set(of('end').map((w) => w.toUpperCase())),
    cities: byLastWord(
      of('city')
        .map((c) => c.toUpperCase().split(/\s+/))
        .sort((a, b) => b.length - a.length),
    ),
    states: new Set(of('state').flatMap((s) => s.toUpperCase().split(/\s+/))),
  };
}

const RULES = loadRules();

/** Removes bank wording and processor codes from the start, noting which processors were seen. */
function peelPrefixes(text: string, processors?: string[]): string {
  let current = text;
  for (let changed = true; changed;) {
    changed = false;
    for (const re of [RULES.prefix, RULES.processor]) {
      if (!re) continue;
      const next = current.replace(re, '');
      if (next !== current && next.length > 0) {
        if (re === RULES.processor) processors?.push((re.exec(current)?.[1] ?? '').toUpperCase());
        current = next;
        changed = true;
      }
    }
  }
  return current;
}

const stripPrefixes = (text: string): string => peelPrefixes(text);

/**
 * The category a card processor's code implies, for merchants no rule knows: Toast (`TST*`) serves restaurants.
 * @example processorCategory('TST* BURMA SUPERSTAR OAKLAND CA') // 'FOOD_AND_DRINK_RESTAURANT'
 */
export function processorCategory(raw: string): string | undefined {
  if (RULES.processorCategories.size === 0) return undefined;
  const seen: string[] = [];
  peelPrefixes(raw.toUpperCase().replace(/\s+/g, ' ').trim(), seen);
  for (const code of seen) {
    const category = RULES.processorCategories.get(code);
    if (category) return category;
  }
  return undefined;
}

/**
 * Upper-cases a raw descriptor and removes transaction wording, processor prefixes (`SQ *`, `TST*`),
 * ids, phone numbers and dates, leaving the merchant part first.
 * @example stripDescriptor('PURCHASE AUTHORIZED ON 12/04 SQ *BLUE BOTTLE 415-555-1234') // 'BLUE BOTTLE'
 */
export function stripDescriptor(raw: string): string {
  let text = stripPrefixes(raw.toUpperCase().replace(/\s+/g, ' ').trim());
  if (RULES.noise) text = text.replace(RULES.noise, ' ');
  return stripPrefixes(text.replace(/\s+/g, ' ').trim());
}

/**
 * The form merchant rules are matched against: letters, digits and `&` only, apostrophes dropped, `@` read
 * as "AT" (`@HOME` is the shop At Home), everything else a single space.
 * @example matchKey("TRADER JOE'S #236") // 'TRADER JOES 236'
 */
export function matchKey(stripped: string): string {
  return stripped
    .replace(/['’`]/g, '')
    .replace(/@/g, ' AT ')
    .replace(/[^A-Z0-9&]+/g, ' ')
    .trim();
}

const bare = (token: string): string => token.replace(/[^A-Z0-9&]/g, '');

function endsWithCity(tokens: string[]): number {
  const candidates = RULES.cities.get(bare(tokens[tokens.length - 1] ?? ''));
  if (!candidates) return 0;
  for (const city of candidates) {
    if (city.length >= tokens.length) continue;
    const start = tokens.length - city.length;
    if (city.every((word, i) => bare(tokens[start + i] ?? '') === word)) return city.length;
  }
  return 0;
}

/** Cuts location and reference details off an unrecognised merchant's tokens. */
function trimTokens(tokens: string[]): string[] {
  // A store or terminal number ends the name: what follows is location ("SAFEWAY #1507 SAN FRANCISCO CA").
  const cut = tokens.findIndex((t, i) => i > 0 && (/\d/.test(t) || RULES.end.has(bare(t))));
  let kept = cut > 0 ? tokens.slice(0, cut) : tokens.slice();
  for (let changed = true; changed && kept.length > 1;) {
    changed = false;
    const last = bare(kept[kept.length - 1] ?? '');
    if (last === '' || RULES.states.has(last) || RULES.drop.has(last)) {
      kept.pop();
      changed = true;
      continue;
    }
    const twoWords = `${bare(kept[kept.length - 2] ?? '')} ${last}`;
    if (RULES.drop.has(twoWords) && kept.length > 2) {
      kept = kept.slice(0, -2);
      changed = true;
      continue;
    }
    const city = endsWithCity(kept);
    if (city) {
      kept = kept.slice(0, kept.length - city);
      changed = true;
    }
  }
  for (let changed = true; changed && kept.length > 1;) {
    changed = false;
    if (kept.length > 2 && RULES.drop.has(`${bare(kept[0] ?? '')} ${bare(kept[1] ?? '')}`)) {
      kept = kept.slice(2);
      changed = true;
    } else if (RULES.drop.has(bare(kept[0] ?? ''))) {
      kept.shift();
      changed = true;
    }
  }
  return kept;
}

const KEEP_UPPER = new Set([
  'KFC',
  'BP',
  'ATM',
  'USA',
  'UK',
  'TV',
  'DC',
  'ABC',
  'CVS',
  'IBM',
  'HSBC',
  'BBC',
  'PNP',
]);

/** Short words without vowels that are abbreviated words, not initials: "Oakwood Prop Mgmt", not "MGMT". */
const WORD_ABBREVIATIONS = new Set([
  'MR',
  'MRS',
  'DR',
  'ST',
  'MS',
  'MGMT',
  'MGT',
  'SVC',
  'SVCS',
  'CTR',
  'CNTR',
  'MKT',
  'MKTS',
  'DPT',
  'BLVD',
  'PKWY',
  'HWY',
  'SQ',
  'RD',
]);

function titleWord(word: string): string {
  if (KEEP_UPPER.has(word)) return word;
  if (/^[A-Z]{2,4}$/.test(word) && !/[AEIOUY]/.test(word) && !WORD_ABBREVIATIONS.has(word)) return word;
  return word
    .toLowerCase()
    .replace(/(^|[\s\-/&(])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\.(com|net|org|co|io)\b/g, '.$1');
}

/**
 * A readable name for a merchant no rule knows: the words before any store number, without the
 * trailing city and state, in Title Case.
 * @example tidyMerchantName('NOPALITO 9TH AVE SAN FRANCISCO CA') // 'Nopalito'
 */
export function tidyMerchantName(stripped: string): string {
  let text = stripped;
  const star = text.indexOf('*');
  if (star > 0 && /[A-Z]{3}/.test(text.slice(0, star))) text = text.slice(0, star);
  const tokens = text
    .replace(/[^A-Z0-9&'.\-/ ]+/g, ' ')
    .split(' ')
    .filter((t) => t && !/^[-./]+$/.test(t));
  const kept = trimTokens(tokens);
  const words = kept.filter((t, i) => i === 0 || bare(t) !== bare(kept[i - 1] ?? ''));
  return words.map(titleWord).join(' ').trim();
}
