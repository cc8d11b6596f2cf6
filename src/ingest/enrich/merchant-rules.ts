import { isCategoryCode } from './categories.ts';
import { readDataCsv } from './data-files.ts';

/** One line of `data/merchants.csv`. */
export interface MerchantRule {
  /** Words as in a match key, e.g. `['TRADER', 'JOE']`. */
  tokens: string[];
  merchant: string;
  category: string;
  /** May match after other words, not only at the start of the descriptor. */
  anywhere: boolean;
}

function loadRules(): Map<string, MerchantRule[]> {
  const index = new Map<string, MerchantRule[]>();
  for (const row of readDataCsv('merchants.csv')) {
    const tokens = (row.pattern ?? '')
      .toUpperCase()
      .replace(/['’`]/g, '')
      .replace(/@/g, ' AT ')
      .replace(/[^A-Z0-9&]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
    const category = row.category ?? '';
    const first = tokens[0];
    if (!first || !isCategoryCode(category))
      throw new Error(`data/merchants.csv: bad row ${JSON.stringify(row)}`);
    const rule: MerchantRule = {
      tokens,
      merchant: row.merchant ?? '',
      category,
      anywhere: row.anywhere === 'yes',
    };
    const list = index.get(first) ?? [];
    list.push(rule);
    index.set(first, list);
  }
  // Longest pattern first, so "UBER EATS" wins over "UBER".
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

const INDEX = loadRules();

/**
 * Every pattern with its spaces taken out ("PICK N PAY" → `PICKNPAY`), for descriptors that glue a name's words
 * together ("CHECKERSSIXTY60", "PICK'N PAY" read as `PICKN PAY`). Where two rules share a glued form the longer wins.
 */
const GLUED = new Map<string, MerchantRule>();
for (const list of INDEX.values()) {
  for (const rule of list) {
    const glued = rule.tokens.join('');
    const known = GLUED.get(glued);
    if (!known || known.tokens.length < rule.tokens.length) GLUED.set(glued, rule);
  }
}
/** How many words of a descriptor may make up one glued name. */
const MAX_GLUED_WORDS = 3;
/**
 * Shortest glued name that may start a longer word ("BURGERKINGMENLYN"): shorter ones would find "SHELL" in
 * "SHELLYS" or "SPUR" in "SPURGEON".
 */
const MIN_GLUED_PREFIX = 7;

/** Shortest start of a pattern's last word that still counts, for names banks cut short ("INCREDIBLE CONN"). */
const MIN_CUT_WORD = 3;

/**
 * True when the rule's words follow at `at`. A pattern of several words may end in a word the bank cut short
 * ("PICK N P", "INCREDIBLE CONN"); a single word must be whole, or "PROGRESS" would be Progressive.
 */
function matchesAt(tokens: string[], at: number, rule: MerchantRule): boolean {
  const last = rule.tokens.length - 1;
  for (let i = 1; i <= last; i++) {
    const token = tokens[at + i];
    if (token === rule.tokens[i]) continue;
    const cut =
      i === last && token !== undefined && token.length >= MIN_CUT_WORD && at + i === tokens.length - 1;
    if (!cut || !rule.tokens[i]!.startsWith(token)) return false;
  }
  return true;
}

/**
 * Finds the merchant rule for a match key: a rule matches whole words at the start of the key (a leading
 * "THE" aside), or anywhere when the rule allows it; the earliest, then longest, match wins.
 */
export function findMerchantRule(key: string): MerchantRule | undefined {
  const tokens = key.split(' ');
  // "THE CHEESECAKE FACTORY" starts with the merchant's name as much as "CHEESECAKE FACTORY" does.
  const start = tokens[0] === 'THE' && tokens.length > 1 ? 1 : 0;
  for (let at = 0; at < tokens.length; at++) {
    const candidates = INDEX.get(tokens[at] ?? '');
    if (!candidates) continue;
    for (const rule of candidates) {
      if ((at <= start || rule.anywhere) && matchesAt(tokens, at, rule)) return rule;
    }
  }
  return findGluedRule(tokens, start);
}

/**
 * A rule whose words the descriptor writes without spaces: several words that together spell a glued pattern
 * ("PICKN PAY", "MUGG N BEAN" as `MUGGNBEAN`), or one word that starts with a long one ("OCEANBASKETMENLYN").
 * Tried only when no rule matched word for word.
 */
function findGluedRule(tokens: string[], start: number): MerchantRule | undefined {
  for (let at = 0; at < tokens.length; at++) {
    let glued = '';
    for (let n = 0; n < MAX_GLUED_WORDS && at + n < tokens.length; n++) {
      glued += tokens[at + n];
      const rule = n > 0 || glued.length >= MIN_GLUED_PREFIX ? GLUED.get(glued) : undefined;
      if (rule && (at <= start || rule.anywhere)) return rule;
    }
    const word = tokens[at] ?? '';
    for (let cut = word.length - 1; cut >= MIN_GLUED_PREFIX; cut--) {
      const rule = GLUED.get(word.slice(0, cut));
      if (rule && (at <= start || rule.anywhere)) return rule;
    }
  }
  return undefined;
}
