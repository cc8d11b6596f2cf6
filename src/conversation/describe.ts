import { addDays } from '../day.ts';
import type { Period, UserVocabulary } from '../language/types.ts';
import { formatMoney } from '../money.ts';
import type { MoneyTotal } from '../store/index.ts';

/** Money totals in words, one per currency, never added across currencies: "$12.50 and €3.00". */
export function moneyText(totals: readonly Pick<MoneyTotal, 'amountMinor' | 'currency'>[], fallbackCurrency = 'USD'): string {
  if (totals.length === 0) return formatMoney(0, fallbackCurrency);
  return joinWords(totals.map((t) => formatMoney(t.amountMinor, t.currency)));
}

/** "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "across all 4 of your accounts", "on Amex Gold", "on Amex Gold and Chase Sapphire". */
export function accountsText(vocabulary: UserVocabulary, accountIds: readonly number[]): { text: string; count: number } {
  if (accountIds.length === 0) {
    const n = vocabulary.accounts.length;
    return { text: n === 1 ? `on ${vocabulary.accounts[0]?.name}` : `across all ${n} of your accounts`, count: n };
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

/** "this month so far", the default when a question names no period. */
export function monthToDate(today: string): Period {
  const start = `${today.slice(0, 8)}01`;
  const d = new Date(`${start}T00:00:00Z`);
  const month = d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return { start, end: addDays(today, 1), label: `${month} so far`, grain: 'custom' };
}

/** The last twelve whole months plus this one, for trends. */
export function lastTwelveMonths(today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const start = `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(today, 1), label: 'the last 12 months', grain: 'custom' };
}

export function percentText(fraction: number): string {
  return `${Math.round(Math.abs(fraction) * 100)}%`;
}
