/**
 * The query a frame asks when the language layer has not filled `frame.understood`: built from the intent
 * and entities alone. It goes once every frame about money carries its own query.
 */
import { addDays, addMonths } from '../day.ts';
import { baseQuery, type Query, type Understood } from '../insights/query.ts';
import type { Frame } from '../language/types.ts';

export function frameToUnderstood(frame: Frame, today: string): Understood {
  const query: Query = baseQuery([...frame.periods]);
  query.filters.include = {
    categories: frame.categories.map((c) => ({ codes: [...c.codes], label: c.label })),
    merchants: [...frame.merchants],
    accounts: [...frame.accounts],
    accountTypes: frame.accountType && !frame.accounts.length ? [frame.accountType] : [],
  };
  if (frame.amount && (frame.amount.minMinor !== undefined || frame.amount.maxMinor !== undefined)) {
    query.filters.amount = { minMinor: frame.amount.minMinor, maxMinor: frame.amount.maxMinor };
  }
  switch (frame.intent) {
    case 'breakdown':
      query.form = 'breakdown';
      query.groupBy = frame.groupBy;
      break;
    case 'top':
      query.form = 'breakdown';
      query.groupBy = frame.groupBy ?? 'merchant';
      query.ranking = { order: 'top', n: frame.top ?? 5 };
      break;
    case 'compare':
      query.comparison = { kind: 'periods' };
      break;
    case 'trend': {
      const start = addMonths(`${today.slice(0, 7)}-01`, -11);
      query.series = {
        grain: 'month',
        within: query.periods[0] ?? {
          start,
          end: addDays(today, 1),
          label: 'the last 12 months',
          grain: 'custom',
        },
      };
      query.periods = [];
      break;
    }
    case 'balance':
      query.measure = { kind: 'balance' };
      break;
    case 'income':
      query.measure = { kind: 'received' };
      // Income has no spending categories: a category word beside it was about something else.
      query.filters.include.categories = [];
      break;
    case 'transactions':
      query.form = 'list';
      break;
    default:
      break;
  }
  return { query, unplaced: [], unknownNames: [] };
}
