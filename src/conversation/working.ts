/**
 * What an answer says it computed, so a person sees at once when they were misunderstood: the measure, what
 * was included and left out, the period (and why, when the bot chose it), and the accounts. The words are
 * put together by the `Working` template in dialogs/answers.lg; this gathers the parts.
 */
import { addDays } from '../day.ts';
import type { DataSpan } from '../insights/defaults.ts';
import type { Period, Query } from '../insights/query.ts';
import type { UserVocabulary } from '../language/types.ts';
import { currencyExponent, formatMoney } from '../money.ts';
import { dayRangeText, dayText, periodText } from './describe.ts';

export interface Working {
  /** spent, received, net, saved, count, average, largest, balance. */
  measure: string;
  /** For count, average and largest: of spending or of money in. */
  of: string;
  /** For average: day, week, month or transaction. */
  per: string;
  /** Category labels included. */
  categories: string[];
  /** Merchant (or payer) names included. */
  merchants: string[];
  /** Subjects side by side ("Chevron", "Shell"), each with its own figure. */
  sides: string[];
  /** Names of whatever is left out: categories, merchants, accounts. */
  except: string[];
  /** Account types left out. */
  exceptTypes: string[];
  /** Amount conditions as money text, or '': strictly over or under (`over`, `under`), or inclusive. */
  over: string;
  under: string;
  atLeast: string;
  atMost: string;
  /** The period's name, or '' for a balance. */
  period: string;
  /** all-linked, latest-complete-month, month-to-date, or '' when the question named the period. */
  defaulted: string;
  /** The bot chose the data's whole months ("December 2025 – February 2026"), not all of it. */
  wholeMonths: boolean;
  /** The span of the data, for "all your linked data, 3 Sep 2025 – 2 Mar 2026". */
  covered: string;
  /** The period runs past the data: the data's last day, or ''. */
  dataEnds: string;
  /** The period starts before the data: its first day, or ''. */
  dataStarts: string;
  /** Account names when the question named some; empty for all of them. */
  accounts: string[];
  /** Account types named ("credit_card"). */
  accountTypes: string[];
  /** How many accounts the person has linked, and the only one's name when there is one. */
  accountCount: number;
  onlyAccount: string;
}

/** The parts of the working line for a query over one period (undefined: all the data, or a balance). */
/** The last day of data, in words, when the data stops inside `period`; '' when it covers the period or misses it. */
export function dataEndsIn(period: Period | undefined, span: DataSpan | undefined): string {
  return span && period && period.start <= span.last && period.end > addDays(span.last, 1)
    ? dayText(span.last)
    : '';
}

export function workingOf(
  query: Query,
  period: Period | undefined,
  vocabulary: UserVocabulary,
  span: DataSpan | undefined,
  currency = 'USD',
): Working {
  const m = query.measure;
  const { include, exclude, amount } = query.filters;
  const accountName = (id: number) => vocabulary.accounts.find((a) => a.id === id)?.name ?? '';
  const periodWords = period ? periodText(period) : '';
  const defaulted = query.defaultedPeriod ?? '';
  return {
    measure: m.kind,
    of: 'of' in m ? m.of : '',
    per: m.kind === 'average' ? m.per : '',
    categories: include.categories.map((c) => c.label),
    merchants: [...include.merchants],
    sides: query.comparison?.kind === 'subjects' ? query.comparison.subjects.map((x) => x.label) : [],
    except: [
      ...exclude.categories.map((c) => c.label),
      ...exclude.merchants,
      ...exclude.accounts.map(accountName),
    ].filter(Boolean),
    exceptTypes: [...exclude.accountTypes],
    ...bounds(amount, currency),
    period: m.kind === 'balance' ? '' : periodWords,
    defaulted: m.kind === 'balance' ? '' : defaulted,
    wholeMonths:
      defaulted === 'all-linked' &&
      Boolean(span && period && (period.start !== span.first || period.end !== addDays(span.last, 1))),
    covered: span ? dayRangeText(span.first, span.last) : '',
    dataEnds: dataEndsIn(period, span),
    dataStarts:
      span && period && period.start < span.first && period.end > span.first ? dayText(span.first) : '',
    accounts: include.accounts.map(accountName).filter(Boolean),
    accountTypes: [...include.accountTypes],
    accountCount: vocabulary.accounts.length,
    onlyAccount: vocabulary.accounts.length === 1 ? (vocabulary.accounts[0]?.name ?? '') : '',
  };
}

/**
 * Amount bounds in words. The bounds are inclusive minor units; "over $100" arrives as $100.01 and is said
 * back as over $100.00, "$20 or less" as at most $20.00.
 */
function bounds(
  amount: Query['filters']['amount'],
  currency: string,
): Pick<Working, 'over' | 'under' | 'atLeast' | 'atMost'> {
  const unit = 10 ** currencyExponent(currency);
  const out = { over: '', under: '', atLeast: '', atMost: '' };
  const min = amount?.minMinor;
  const max = amount?.maxMinor;
  if (min !== undefined) {
    if (unit > 1 && min % unit === 1) out.over = formatMoney(min - 1, currency);
    else out.atLeast = formatMoney(min, currency);
  }
  if (max !== undefined) {
    if (unit > 1 && max % unit === unit - 1) out.under = formatMoney(max + 1, currency);
    else out.atMost = formatMoney(max, currency);
  }
  return out;
}
