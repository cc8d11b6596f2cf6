/**
 * Halves and fortnights of a named period: "the second half of March", "the back half of last month",
 * "December's first half", "the first fortnight of January", "the last fortnight of 2025".
 *
 * A month's halves are the 1st–15th and the 16th to its end, as "the start" and "the end" of a month are in
 * rules-parts.ts; a year's are H1 and H2; any other period splits at its middle day. A month is two fortnights:
 * the first is its first 14 days, the second runs from the 15th to its end, and "the last fortnight" is its last
 * 14 days. "Mid-January" is not a half: rules-parts.ts reads it as the 10th–20th.
 */
import type { Period } from '../types.ts';
import { addDays, midpoint } from './dates.ts';
import { nthOf, partOfBase, readNthOf } from './bases.ts';
import { customPeriod, halfPeriod } from './build.ts';
import { rule, type Rule } from './grammar.ts';

const FIRST = '(?:first|1st|front|former|opening)';
const SECOND = '(?:second|2nd|back|latter|later|last|final|closing|other)';

const IS_FIRST = new RegExp(`^${FIRST}$`);

/** Which half: 1 or 2. */
const halfNumber = (word: string): 1 | 2 => (IS_FIRST.test(word) ? 1 : 2);

/** The label's name for the part, without the base ("the second half", "the last fortnight"). */
function partName(word: string, noun: 'half' | 'fortnight'): string {
  if (noun === 'half') return halfNumber(word) === 1 ? 'the first half' : 'the second half';
  if (IS_FIRST.test(word)) return 'the first fortnight';
  return /^(?:second|2nd|other)$/.test(word) ? 'the second fortnight' : 'the last fortnight';
}

const withoutDates = (label: string) => label.replace(/ \(.*\)$/, '');

function halfOf(base: Period, half: 1 | 2, said: string): Period {
  if (base.grain === 'year') return halfPeriod(Number(base.start.slice(0, 4)), half);
  const middle = base.grain === 'month' ? addDays(base.start, 15) : midpoint(base.start, base.end);
  return half === 1 ? customPeriod(base.start, middle, said) : customPeriod(middle, base.end, said);
}

function fortnightOf(base: Period, word: string, said: string): Period | undefined {
  const cut = (from: string, to: string) =>
    customPeriod(from < base.start ? base.start : from, to > base.end ? base.end : to, said);
  if (IS_FIRST.test(word)) return cut(base.start, addDays(base.start, 14));
  if (/^(?:second|2nd|other)$/.test(word)) {
    const from = addDays(base.start, 14);
    return from >= base.end ? undefined : cut(from, base.grain === 'month' ? base.end : addDays(from, 14));
  }
  return cut(addDays(base.end, -14), base.end);
}

const PREP = '(?:(?:in|during|for|over|throughout|across)\\s+)?';

export const HALF_RULES: Rule[] = [
  {
    name: 'half-of',
    hint: /half/,
    re: rule(`${PREP}(?:${nthOf(`${FIRST}|${SECOND}`, 'half')})`),
    resolve(m, ctx) {
      const { which, baseText } = readNthOf(m);
      return partOfBase(baseText, ctx, (base) =>
        halfOf(base, halfNumber(which), `${partName(which, 'half')} of ${withoutDates(base.label)}`),
      );
    },
  },
  {
    name: 'fortnight-of',
    hint: /fortnight/,
    re: rule(`${PREP}(?:${nthOf(`${FIRST}|${SECOND}`, 'fortnight')})`),
    resolve(m, ctx) {
      const { which, baseText } = readNthOf(m);
      return partOfBase(baseText, ctx, (base) =>
        fortnightOf(base, which, `${partName(which, 'fortnight')} of ${withoutDates(base.label)}`),
      );
    },
  },
];
