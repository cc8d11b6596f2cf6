/** Finds amounts of money, amount limits ("over $50") and counts ("top 5") in what people type. */
import { toMinorUnits } from '../money.ts';
import { TEENS, TENS, UNITS } from './periods/numbers.ts';
import type { AmountRange } from './types.ts';

/** One amount of money written in the text. */
export interface AmountMention {
  minor: number;
  currency?: string;
  index: number;
  length: number;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  r: 'ZAR',
  R: 'ZAR',
};
const WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  buck: 'USD',
  usd: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  gbp: 'GBP',
  yen: 'JPY',
  jpy: 'JPY',
  cad: 'CAD',
  aud: 'AUD',
  chf: 'CHF',
  rand: 'ZAR',
  rands: 'ZAR',
  zar: 'ZAR',
};

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?|\.\d{1,2}`;
const CURRENCY_WORD = String.raw`(?:dollars?|bucks?|usd|euros?|eur|pounds?|quid|gbp|yen|jpy|cad|aud|chf|rands?|zar)\b`;
/** "$1,200.50", "€15", "20 bucks", "1.5k", "US$ 30", "R500" and "R 500" (rand). */
const MONEY = String.raw`(?:(?:us)?([$£€¥]|[rR](?=\s?\d))\s*)?(${NUMBER})(?:\s*(k)\b)?(?:\s*(${CURRENCY_WORD}))?`;

/** Words after a number that make it something other than money. */
// Whole words only: "200 this year" is money ("th" is an ordinal only on its own), "50 amazon orders" too.
const NOT_MONEY_AFTER =
  /^\s*(?:%|(?:percent|days?|weeks?|months?|years?|yrs?|times|transactions?|payments?|purchases?|merchants?|items?|categories|am|pm|hours?|minutes?|mins?|st|nd|rd|th)(?![a-z])|of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|[/-]\d)/;
const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/;

interface Money {
  minor: number;
  currency?: string;
  /** True when a symbol or currency word was written. */
  explicit: boolean;
}

function toMoney(m: RegExpExecArray, offset: number): Money | undefined {
  const symbol = m[offset];
  const digits = (m[offset + 1] ?? '').replace(/,/g, '');
  const thousands = m[offset + 2];
  const word = m[offset + 3];
  const currency = symbol ? SYMBOLS[symbol] : word ? WORDS[word] : undefined;
  let minor = toMinorUnits(digits, currency ?? 'USD');
  if (minor === undefined) return undefined;
  if (thousands) minor *= 1000;
  return currency ? { minor, currency, explicit: true } : { minor, explicit: false };
}

/** A bare number is money only when nothing around it says it is a date, a count or a percentage. */
function looksLikeMoney(text: string, start: number, end: number, money: Money): boolean {
  if (money.explicit) return true;
  if (NOT_MONEY_AFTER.test(text.slice(end))) return false;
  if (MONTH_BEFORE.test(text.slice(0, start))) return false;
  return true;
}

/** Every spelled number word up to ninety, from the one table the period rules use too. */
const SPELLED_NUMBER: Readonly<Record<string, number>> = { ...UNITS, ...TEENS, ...TENS };
/** The words of a table as regex alternatives, longest first. */
const alternatives = (table: Readonly<Record<string, number>>): string =>
  Object.keys(table)
    .sort((a, b) => b.length - a.length)
    .join('|');
const SPELLED = new RegExp(
  String.raw`\b(a|${alternatives(SPELLED_NUMBER)})(?:[ -](${alternatives(UNITS)}))?(?: (hundred|thousand))?(?=\s+(?:dollars?|bucks?|quid|pounds?|euros?)\b)`,
  'g',
);

/**
 * Money written in words, as digits in the same place ("over a hundred dollars" → "over 100 dollars" padded
 * to the same length), so offsets still point into the original text.
 */
function spelledMoney(lower: string): string {
  return slangMoney(lower).replace(
    SPELLED,
    (whole: string, tens: string, ones: string | undefined, scale: string | undefined) => {
      if (tens === 'a' && !scale) return whole;
      const base = (tens === 'a' ? 1 : (SPELLED_NUMBER[tens] ?? 0)) + (ones ? (UNITS[ones] ?? 0) : 0);
      const value = scale === 'hundred' ? base * 100 : scale === 'thousand' ? base * 1000 : base;
      const digits = String(value);
      return digits.length <= whole.length ? digits.padEnd(whole.length, ' ') : whole;
    },
  );
}

/** British slang for notes: "a fiver", "a tenner"; and thousands: "a grand", "2 grand". */
const SLANG_MONEY = /\b(?:a|one) (fiver|tenner)\b/g;
const GRAND = /\b(a|one|\d+(?:\.\d+)?) grand\b/g;

function slangMoney(lower: string): string {
  return lower
    .replace(SLANG_MONEY, (whole: string, note: string) =>
      (note === 'fiver' ? '5 quid' : '10 quid').padEnd(whole.length, ' '),
    )
    .replace(GRAND, (whole: string, n: string) =>
      `${n === 'a' || n === 'one' ? '1' : n}k`.padEnd(whole.length, ' '),
    );
}

const AMOUNT = new RegExp(`(?<![\\w.,])${MONEY}(?![\\w])`, 'g');

/** Every amount written with a currency symbol or word, in text order. */
export function findAmounts(text: string): AmountMention[] {
  const lower = spelledMoney(text.toLowerCase());
  const re = AMOUNT;
  re.lastIndex = 0;
  const out: AmountMention[] = [];
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const money = toMoney(m, 1);
    if (money?.explicit)
      out.push({ minor: money.minor, currency: money.currency, index: m.index, length: m[0].length });
  }
  return out;
}

type Bound = 'min' | 'minExclusive' | 'max' | 'maxExclusive' | 'exact';

const COMPARATORS: readonly [RegExp, Bound][] = [
  [
    /^(?:at\s+least|no\s+less\s+than|not\s+less\s+than|min(?:imum)?(?:\s+of)?|>=|starting\s+(?:at|from))$/,
    'min',
  ],
  [
    /^(?:over|more\s+than|above|greater\s+than|bigger\s+than|larger\s+than|higher\s+than|in\s+excess\s+of|exceeding|north\s+of|upwards\s+of|>)$/,
    'minExclusive',
  ],
  [/^(?:at\s+most|no\s+more\s+than|not\s+more\s+than|up\s+to|max(?:imum)?(?:\s+of)?|<=)$/, 'max'],
  [/^(?:under|less\s+than|below|smaller\s+than|lower\s+than|cheaper\s+than|south\s+of|<)$/, 'maxExclusive'],
  [/^(?:exactly|precisely|=|of\s+exactly|for\s+exactly)$/, 'exact'],
];
const COMPARATOR = String.raw`at\s+least|no\s+less\s+than|not\s+less\s+than|minimum(?:\s+of)?|min(?:\s+of)?|>=|starting\s+(?:at|from)|over|more\s+than|above|greater\s+than|bigger\s+than|larger\s+than|higher\s+than|in\s+excess\s+of|exceeding|north\s+of|upwards\s+of|>|at\s+most|no\s+more\s+than|not\s+more\s+than|up\s+to|maximum(?:\s+of)?|max(?:\s+of)?|<=|under|less\s+than|below|smaller\s+than|lower\s+than|cheaper\s+than|south\s+of|<|exactly|precisely|=|of\s+exactly|for\s+exactly`;

function boundOf(word: string): Bound | undefined {
  const w = word.trim().replace(/\s+/g, ' ');
  for (const [re, bound] of COMPARATORS) if (re.test(w)) return bound;
  return undefined;
}

function withCurrency(range: AmountRange, ...moneys: Money[]): AmountRange {
  const currency = moneys.find((m) => m.currency)?.currency;
  return currency ? { ...range, currency } : range;
}

/** The patterns below are built once; each use starts from `lastIndex = 0`. */
const BETWEEN = new RegExp(
  String.raw`(?<![\w$])(between\s+|from\s+)?${MONEY}\s*(?:-|–|and|to)\s*${MONEY}(?![\w])`,
  'g',
);
// "$50 or more", "20 bucks or less", "$100+": the amount itself, then which way.
const TRAILING = new RegExp(
  String.raw`(?<![\w])${MONEY}\s*(\+|or more|or over|or above|and up|and upwards?|and over|and above|or higher|and higher|or greater|or less|or under|or below|or lower|and under|and below|and less)(?![\w])`,
  'g',
);
const SINGLE = new RegExp(String.raw`(?<![\w])(${COMPARATOR})\s*${MONEY}(?![\w])`, 'g');

/**
 * Finds the amount limit a question sets: "over $50", "between $10 and $50", "at least 75 bucks",
 * "exactly $9.99". Bounds are inclusive minor units, so "over $50" starts at 5001 and "under £20" ends at 1999.
 * Numbers that read as dates, counts or percentages ("jan 5", "3 months") are not amounts.
 * @example findAmountRange('coffee over $50')?.range // { minMinor: 5001, currency: 'USD' }
 */
export function findAmountRange(
  text: string,
): { range: AmountRange; index: number; length: number } | undefined {
  const lower = spelledMoney(text.toLowerCase());
  // Every reading below needs a number written in digits (spelled ones are digits by now).
  if (!/\d/.test(lower)) return undefined;
  const between = BETWEEN;
  between.lastIndex = 0;
  for (let m = between.exec(lower); m; m = between.exec(lower)) {
    const a = toMoney(m, 2);
    const b = toMoney(m, 6);
    if (!a || !b) continue;
    const joinedByWord = /\b(?:and|to)\b/.test(m[0]);
    if (joinedByWord && !m[1] && !a.explicit && !b.explicit) continue;
    if (m[0].includes('-') && !a.explicit && !b.explicit) continue;
    const end = m.index + m[0].length;
    if (!looksLikeMoney(lower, m.index, end, b) || MONTH_BEFORE.test(lower.slice(0, m.index))) continue;
    if (a.minor > b.minor) continue;
    return {
      range: withCurrency({ minMinor: a.minor, maxMinor: b.minor }, a, b),
      index: m.index,
      length: m[0].length,
    };
  }

  const trailing = TRAILING;
  trailing.lastIndex = 0;
  for (let m = trailing.exec(lower); m; m = trailing.exec(lower)) {
    const money = toMoney(m, 1);
    if (!money || !looksLikeMoney(lower, m.index, m.index + m[0].length - (m[5]?.length ?? 0), money))
      continue;
    const up = /\+|more|over|above|up|higher|greater/.test(m[5] ?? '');
    const range: AmountRange = up ? { minMinor: money.minor } : { maxMinor: money.minor };
    return { range: withCurrency(range, money), index: m.index, length: m[0].length };
  }

  const single = SINGLE;
  single.lastIndex = 0;
  for (let m = single.exec(lower); m; m = single.exec(lower)) {
    const bound = boundOf(m[1] ?? '');
    const money = toMoney(m, 2);
    if (!bound || !money) continue;
    if (!looksLikeMoney(lower, m.index, m.index + m[0].length, money)) continue;
    const v = money.minor;
    const range: AmountRange =
      bound === 'min'
        ? { minMinor: v }
        : bound === 'minExclusive'
          ? { minMinor: v + 1 }
          : bound === 'max'
            ? { maxMinor: v }
            : bound === 'maxExclusive'
              ? { maxMinor: Math.max(0, v - 1) }
              : { minMinor: v, maxMinor: v };
    return { range: withCurrency(range, money), index: m.index, length: m[0].length };
  }

  // One amount written with its currency and no comparator names a transaction's exact amount.
  const mentions = findAmounts(text);
  const only = mentions.length === 1 ? mentions[0] : undefined;
  if (only) {
    const range: AmountRange = { minMinor: only.minor, maxMinor: only.minor };
    return {
      range: only.currency ? { ...range, currency: only.currency } : range,
      index: only.index,
      length: only.length,
    };
  }
  return undefined;
}

/** How many items a ranking asks for, spelled: "top ten", "my three biggest". */
const COUNT_WORDS: Readonly<Record<string, number>> = { ...SPELLED_NUMBER, hundred: 100 };
const N = String.raw`(\d{1,3}|${alternatives(COUNT_WORDS)})`;
/** What a ranking ranks: "which 3 shops", "the 5 categories". */
const GROUPS = String.raw`(?:merchants?|shops?|stores?|places?|categories|restaurants|brands|companies|vendors|retailers|accounts|cards)`;
const SUPERLATIVE = String.raw`(?:biggest|largest|highest|most\s+expensive|costliest|priciest|top|most\s+frequent|most\s+common|main|smallest|cheapest|lowest)`;

const TOP_N: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\w$])top\s+${N}(?![\w.,/:-])(?!\s*(?:%|percent|dollars?|bucks))`, 'g'),
  new RegExp(String.raw`(?<![\w$/.-])(?:(?:my|the)\s+)?${N}\s+${SUPERLATIVE}(?![\w])`, 'g'),
  new RegExp(String.raw`\b(?:which|what|the|my)\s+${N}\s+${GROUPS}\b`, 'g'),
];

/**
 * Finds how many items a ranking question asks for: "top 5", "top ten", "my 3 biggest", "5 largest".
 * Years and dates are never counts ("top merchants in 2025" has none).
 * @example findTopN('top three merchants')?.n // 3
 */
export function findTopN(text: string): { n: number; index: number; length: number } | undefined {
  const lower = text.toLowerCase();
  for (const re of TOP_N) {
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const word = m[1] ?? '';
      const n = /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word];
      if (n === undefined || n < 1 || n > 100) continue;
      if (MONTH_BEFORE.test(lower.slice(0, m.index))) continue;
      return { n, index: m.index, length: m[0].length };
    }
  }
  return undefined;
}

/** "more than $100", "less than 10 bucks", "over a fiver": a limit on each amount, not a comparison. */
const AMOUNT_LIMIT = new RegExp(
  String.raw`\b(?:more|less|greater|bigger|larger|higher|lower|smaller|cheaper|pricier) than (?:a |an )?(?:[$£€]?\d[\d,.]*k?|(?:${alternatives(COUNT_WORDS)}|a fiver|a tenner|a grand|hundred|thousand)\b)`,
  'g',
);

/**
 * The words with every amount limit blanked out, for cues that must not read "less than $10" as a comparison.
 * @example withoutAmountLimits('coffee less than 10 bucks') // 'coffee _ bucks'
 */
export function withoutAmountLimits(lower: string): string {
  return lower.replace(AMOUNT_LIMIT, '_');
}
