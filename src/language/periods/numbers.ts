/**
 * Spelled-out numbers become digits before the period rules run, so one set of rules reads both
 * "the ninth of April" and "the 9th of April": "twenty second" → "22nd", "nineteen ninety six" → "1996",
 * "two thousand and fifteen" → "2015", "the nineteen seventies" → "the 1970s".
 */
import type { Normalised } from './normalise.ts';

export const UNITS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
export const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
/** Decades said as words; bare "tens" is left alone ("tens of dollars"). */
const DECADES: Readonly<Record<string, number>> = {
  tens: 10,
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

/** Words after which a spelled number of 100 or more is a year rather than an amount. */
const YEAR_CONTEXT = new Set([
  'in',
  'of',
  'year',
  'from',
  'until',
  'through',
  'to',
  'since',
  'between',
  'during',
  'and',
  'the',
  'before',
  'after',
]);
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

/** One number word; runs of them (with "and" and hyphens between) are read together. */
const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?' +
  '|(?:twen|thir|fou?r|fif|six|seven|eigh|nine)t(?:y|ies|ieth)|first|second|third|(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf)th' +
  '|hundred|thousands?|tens|noughties|aughts|oh)';
const NUMBER_RUN = new RegExp(`\\b${NUMBER_WORD}(?:[\\s-]+(?:and[\\s-]+)?${NUMBER_WORD})*\\b`, 'g');
const WORD_BEFORE = /([a-z]+)[^a-z]*$/;

interface Token {
  word: string;
  from: number;
  to: number;
}

interface Reading {
  /** Tokens used. */
  count: number;
  text: string;
}

function ordinalSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** 1–99 from one or two words ("twenty", "twenty five", "twenty-fifth"), with whether it was an ordinal. */
function small(tokens: Token[], i: number): { value: number; count: number; ordinal: boolean } | undefined {
  const w = tokens[i]?.word ?? '';
  if (w in UNITS) return { value: UNITS[w] ?? 0, count: 1, ordinal: false };
  if (w in TEENS) return { value: TEENS[w] ?? 0, count: 1, ordinal: false };
  if (w in ORDINALS) return { value: ORDINALS[w] ?? 0, count: 1, ordinal: true };
  const tens = TENS[w];
  if (tens === undefined) return undefined;
  const next = tokens[i + 1]?.word ?? '';
  if (next in UNITS) return { value: tens + (UNITS[next] ?? 0), count: 2, ordinal: false };
  const ord = ORDINALS[next];
  if (ord !== undefined && ord < 10) return { value: tens + ord, count: 2, ordinal: true };
  return { value: tens, count: 1, ordinal: false };
}

/** Reads one number starting at token `i`; `yearish` when its shape can only be a year. */
function readNumber(tokens: Token[], i: number): (Reading & { value: number; yearish: boolean }) | undefined {
  const word = tokens[i]?.word ?? '';
  const first = small(tokens, i);
  if (!first) {
    if (word === 'noughties' || word === 'aughts')
      return { count: 1, text: '2000s', value: 2000, yearish: true };
    const decade = word === 'tens' ? undefined : DECADES[word];
    return decade === undefined ? undefined : { count: 1, text: `${decade}s`, value: decade, yearish: true };
  }
  let k = i + first.count;
  const at = (j: number): string => tokens[j]?.word ?? '';
  if (first.ordinal)
    return {
      count: first.count,
      text: `${first.value}${ordinalSuffix(first.value)}`,
      value: first.value,
      yearish: false,
    };

  // "nineteen seventies", "twenty-tens": a century and a decade.
  const decade = DECADES[at(k)];
  if (decade !== undefined && first.value >= 15 && first.value <= 20 && first.count === 1) {
    return {
      count: k + 1 - i,
      text: `${first.value * 100 + decade}s`,
      value: first.value * 100 + decade,
      yearish: true,
    };
  }
  // "nineteen ninety six", "twenty twenty five", "nineteen oh five": a year said in two halves.
  if (first.value >= 15 && first.value <= 20 && first.count === 1) {
    if ((at(k) === 'oh' || at(k) === 'o') && at(k + 1) in UNITS) {
      const year = first.value * 100 + (UNITS[at(k + 1)] ?? 0);
      return { count: k + 2 - i, text: String(year), value: year, yearish: true };
    }
    const second = small(tokens, k);
    if (second && second.value >= 10 && !(at(k) in ORDINALS)) {
      const year = first.value * 100 + second.value;
      const text = second.ordinal ? `${year}${ordinalSuffix(year)}` : String(year);
      return { count: k + second.count - i, text, value: year, yearish: !second.ordinal };
    }
  }
  let total = 0;
  let current = first.value;
  let ordinal = false;
  for (;;) {
    if (at(k) === 'hundred') {
      current *= 100;
      k++;
    } else if (at(k) === 'thousand') {
      total += current * 1000;
      current = 0;
      k++;
    } else if (at(k) === 'thousands' && current > 0 && current < 10) {
      return { count: k + 1 - i, text: `${current * 1000}s`, value: current * 1000, yearish: true };
    } else break;
    const skipAnd = at(k) === 'and' && (small(tokens, k + 1) || DECADES[at(k + 1)] !== undefined) ? 1 : 0;
    const decadeAfter = DECADES[at(k + skipAnd)];
    if (decadeAfter !== undefined && total + current === 2000) {
      return {
        count: k + skipAnd + 1 - i,
        text: `${2000 + decadeAfter}s`,
        value: 2000 + decadeAfter,
        yearish: true,
      };
    }
    const rest = small(tokens, k + skipAnd);
    if (!rest) continue;
    k += skipAnd + rest.count;
    current += rest.value;
    if (rest.ordinal) {
      ordinal = true;
      break;
    }
  }
  const value = total + current;
  return {
    count: k - i,
    text: ordinal ? `${value}${ordinalSuffix(value)}` : String(value),
    value,
    yearish: false,
  };
}

/** The words of a run of number words, with their places in the text. */
function runTokens(run: string, offset: number): Token[] {
  const out: Token[] = [];
  const wordRe = /[a-z]+/g;
  for (let m = wordRe.exec(run); m; m = wordRe.exec(run))
    out.push({ word: m[0], from: offset + m.index, to: offset + m.index + m[0].length });
  return out;
}

/** Replaces spelled numbers with digits, keeping the map back to the original text; `spelled` marks the new spans. */
export function spellNumbers(n: Normalised): Normalised {
  let text = '';
  const map: number[] = [];
  const spelled: [number, number][] = [];
  let copied = 0;
  NUMBER_RUN.lastIndex = 0;
  for (let run = NUMBER_RUN.exec(n.text); run; run = NUMBER_RUN.exec(n.text)) {
    const tokens = runTokens(run[0], run.index);
    for (let i = 0; i < tokens.length;) {
      const reading = readNumber(tokens, i);
      const first = tokens[i]!;
      const last = reading && tokens[i + reading.count - 1];
      const before =
        i > 0
          ? (tokens[i - 1]?.word ?? '')
          : (WORD_BEFORE.exec(n.text.slice(Math.max(0, first.from - 20), first.from))?.[1] ?? '');
      const allowed =
        reading &&
        (reading.value < 100 ||
          reading.yearish ||
          YEAR_CONTEXT.has(before) ||
          MONTHS.test(before) ||
          /\d(?:st|nd|rd|th)?\s+$/.test(n.text.slice(0, first.from)));
      if (!reading || !last || !allowed) {
        i++;
        continue;
      }
      for (let c = copied; c < first.from; c++) map.push(n.map[c] ?? 0);
      text += n.text.slice(copied, first.from);
      spelled.push([text.length, text.length + reading.text.length]);
      // First character at the first word, last at the last word's end, so spans map back whole.
      for (let c = 0; c < reading.text.length; c++)
        map.push(n.map[c > 0 && c === reading.text.length - 1 ? last.to - 1 : first.from] ?? 0);
      text += reading.text;
      copied = last.to;
      i += reading.count;
    }
  }
  if (spelled.length === 0) return n;
  for (let c = copied; c <= n.text.length; c++) map.push(n.map[c] ?? 0);
  text += n.text.slice(copied);
  return { ...n, text, map, spelled };
}

/** True when the number at `index` of the normalised text was written out in words. */
export function isSpelled(n: Normalised, index: number): boolean {
  return (n.spelled ?? []).some(([a, b]) => index >= a && index < b);
}
