import { addDays } from '../day.ts';
import type { Query, SubjectFilter } from '../insights/query.ts';
import type { Period, UserVocabulary } from '../language/types.ts';
import { formatMoney } from '../money.ts';
import type { MoneyTotal } from '../store/index.ts';

/** Money totals in words, one per currency, never added across currencies: "$12.50 and €3.00". */
export function moneyText(
  totals: readonly Pick<MoneyTotal, 'amountMinor' | 'currency'>[],
  fallbackCurrency = 'USD',
): string {
  if (totals.length === 0) return formatMoney(0, fallbackCurrency);
  return joinWords(totals.map((t) => formatMoney(t.amountMinor, t.currency)));
}

/** "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "across all 4 of your accounts", "on Amex Gold", "on Amex Gold and Chase Sapphire". */
export function accountsText(
  vocabulary: UserVocabulary,
  accountIds: readonly number[],
): { text: string; count: number } {
  if (accountIds.length === 0) {
    const n = vocabulary.accounts.length;
    const text =
      n === 1
        ? `on ${vocabulary.accounts[0]?.name}`
        : n === 2
          ? 'across both of your accounts'
          : `across all ${n} of your accounts`;
    return { text, count: n };
  }
  const names = vocabulary.accounts.filter((a) => accountIds.includes(a.id)).map((a) => a.name);
  return { text: `on ${joinWords(names)}`, count: names.length };
}

/** "1 Sep 2025 – 28 Feb 2026" for an inclusive day range. */
export function dayRangeText(first: string, last: string): string {
  return first === last ? dayText(first) : `${dayText(first)} – ${dayText(last)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sep 2025" for a `yyyy-mm` month (fixed wording, whatever the server's ICU data says). */
export function monthText(ym: string): string {
  return `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
}

/** "1 Sep 2025" (fixed wording, whatever the server's ICU data says). */
export function dayText(isoDay: string): string {
  return `${Number(isoDay.slice(8, 10))} ${monthText(isoDay)}`;
}

/** The period's label, falling back to its concrete dates. */
export function periodText(period: Period): string {
  return period.label || dayRangeText(period.start, addDays(period.end, -1));
}

export function percentText(fraction: number): string {
  return `${Math.round(Math.abs(fraction) * 100)}%`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Monday" for the SQL builder's weekday key (0 = Sunday). */
export function weekdayText(key: string | number): string {
  return WEEKDAYS[Number(key)] ?? String(key);
}

/** A series step in words: "3 Feb 2026", "week of 2 Feb 2026", "Feb 2026", "Q1 2026", "2026". */
export function stepText(grain: 'day' | 'week' | 'month' | 'quarter' | 'year', period: Period): string {
  switch (grain) {
    case 'day':
      return dayText(period.start);
    case 'week':
      return `week of ${dayText(period.start)}`;
    case 'month':
      return monthText(period.start.slice(0, 7));
    case 'quarter':
      return `Q${Math.floor((Number(period.start.slice(5, 7)) - 1) / 3) + 1} ${period.start.slice(0, 4)}`;
    case 'year':
      return period.start.slice(0, 4);
  }
}

/** Names of a subject's categories, merchants and accounts, for lists in replies. */
export function subjectNames(s: SubjectFilter, vocabulary: UserVocabulary): string[] {
  return [
    ...s.categories.map((c) => c.label),
    ...s.merchants,
    ...vocabulary.accounts.filter((a) => s.accounts.includes(a.id)).map((a) => a.name),
  ];
}

/** "on groceries", "at Amazon", "on food except groceries", "in total" — what the question was about. */
export function subjectText(query: Query, vocabulary: UserVocabulary): string {
  const { include, exclude } = query.filters;
  const parts: string[] = [];
  if (include.categories.length) parts.push(`on ${joinWords(include.categories.map((c) => c.label))}`);
  if (include.merchants.length)
    parts.push(`${query.measure.kind === 'received' ? 'from' : 'at'} ${joinWords(include.merchants)}`);
  const left = subjectNames(exclude, vocabulary);
  if (left.length) parts.push(`${parts.length ? '' : 'on everything '}except ${joinWords(left)}`.trim());
  return parts.join(' ') || 'in total';
}

/**
 * The question a query answers, as a person would type it, for a suggestion to tap ("How much did I
 * spend on eating out in February 2026?"); the period is left out when the bot chose it.
 */
export function questionText(query: Query, vocabulary: UserVocabulary): string {
  const subject = subjectText(query, vocabulary);
  const about = subject === 'in total' ? '' : ` ${subject}`;
  const when = query.periods[0] && !query.defaultedPeriod ? ` in ${periodText(query.periods[0])}` : '';
  switch (query.measure.kind) {
    case 'received':
      return `How much did I receive${about}${when}?`;
    case 'net':
    case 'saved':
      return `How much did I save${when}?`;
    case 'count':
      return `How many times did I pay${about}${when}?`;
    case 'average':
      return `Average spending${about}${when}`;
    case 'largest':
      return `Biggest charge${about}${when}`;
    case 'balance':
      return "What's my balance?";
    default:
      return `How much did I spend${about}${when}?`;
  }
}

/** The accounts a query is about, as ids: those named, and the user's accounts of the types named. */
export function accountIdsOf(query: Query, vocabulary: UserVocabulary): number[] {
  const { accounts, accountTypes } = query.filters.include;
  const ofType = vocabulary.accounts.filter((a) => accountTypes.includes(a.type)).map((a) => a.id);
  return [...new Set([...accounts, ...ofType])];
}
