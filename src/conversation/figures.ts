/** Replies that give one figure per period or per subject: totals, money in, net, counts, averages, the largest charge. */
import { addDays } from '../day.ts';
import { previousLikePeriods } from '../insights/answers.ts';
import { execute, figure, mainCurrency, type Figure } from '../insights/execute.ts';
import type { Period, Query } from '../insights/query.ts';
import { compareWithUsual } from '../insights/usual.ts';
import { formatMoney } from '../money.ts';
import type { Asked } from './asked.ts';
import {
  accountIdsOf,
  accountsText,
  dayText,
  moneyText,
  percentText,
  periodText,
  subjectText,
} from './describe.ts';
import type { Reply } from './types.ts';
import { workingOf } from './working.ts';

const FIGURE_SUGGESTIONS = ['Show me those', 'Break that down by merchant', 'Compare with the month before'];

const nonZero = (f: Figure) => f.values.filter((v) => v.count > 0);
const currencyOf = (f: Figure | undefined) => mainCurrency(f?.values ?? []);

/** One figure per period asked about: the answer itself, or each period in turn. */
export async function figureReplies(a: Asked, figures: Figure[]): Promise<Reply[]> {
  if (figures.length > 1) return [figuresInTurn(a, figures)];
  const f = figures[0]!;
  switch (a.query.measure.kind) {
    case 'received':
      return [await income(a, f)];
    case 'net':
    case 'saved':
      return [net(a, f)];
    case 'count':
      return [count(a, f)];
    case 'average':
      return [average(a, f)];
    case 'largest':
      return [largest(a, f)];
    default:
      return [await spending(a, f)];
  }
}

function working(a: Asked, period: Period | undefined, f?: Figure) {
  return workingOf(a.query, period, a.ctx.vocabulary, a.span, currencyOf(f));
}

async function spending(a: Asked, f: Figure): Promise<Reply> {
  const { query, ctx } = a;
  const totals = nonZero(f);
  const accounts = accountsText(ctx.vocabulary, accountIdsOf(query, ctx.vocabulary));
  // Refunds larger than the purchases of the period: money came back, said as such rather than "spent -$80".
  const back = totals.length > 0 && totals.every((t) => t.amountMinor < 0);
  return {
    template: 'SpendingTotal',
    data: {
      working: working(a, f.period, f),
      amount: moneyText(back ? totals.map((t) => ({ ...t, amountMinor: -t.amountMinor })) : totals),
      back,
      nothing: totals.length === 0 || totals.every((t) => t.amountMinor === 0),
      subject: subjectText(query, ctx.vocabulary),
      period: f.period ? periodText(f.period) : '',
      accounts: accounts.text,
      accountCount: accounts.count,
      count: f.count,
      observation: await observe(a, f),
    },
    suggestions: FIGURE_SUGGESTIONS,
  };
}

/** One useful remark: who dominates the total, or how it compares with the usual. */
async function observe(a: Asked, f: Figure): Promise<string> {
  const single = f.values.length === 1 ? f.values[0] : undefined;
  if (!single || single.amountMinor <= 0 || !f.period) return '';
  const { query, exec, span } = a;
  if (!query.filters.include.merchants.length && query.filters.include.categories.length) {
    const result = await execute(exec, {
      ...query,
      form: 'breakdown',
      groupBy: 'merchant',
      ranking: { order: 'top', n: 1 },
    });
    const top = result.shape === 'breakdown' ? result.groups[0] : undefined;
    const share = top ? top.amountMinor / single.amountMinor : 0;
    if (top && share >= 0.5) return `mostly ${top.label} (${Math.round(share * 100)}%)`;
  }
  // A period the data has not reached the end of is not compared with whole ones.
  const whole = span !== undefined && f.period.end <= addDays(span.last, 1);
  if (whole && ['month', 'quarter', 'year'].includes(f.period.grain)) {
    const before = previousLikePeriods(f.period, 3);
    // The usual is measured only on periods the data covers whole, or months before it would count as nothing spent.
    if (!span || before.some((p) => p.start < span.first)) return '';
    const previous = await Promise.all(before.map((p) => figure(exec, query, p)));
    const amounts = previous.map(
      (p) => p.values.find((v) => v.currency === single.currency)?.amountMinor ?? 0,
    );
    const usual = compareWithUsual(single.amountMinor, amounts);
    if (usual && usual.direction !== 'same' && Math.abs(usual.diffPct) >= 0.1) {
      return `${percentText(usual.diffPct)} ${usual.direction} than your usual ${formatMoney(usual.usualMinor, single.currency)}`;
    }
  }
  return '';
}

/** Money in: the total, who paid most, and what was left after spending. */
async function income(a: Asked, f: Figure): Promise<Reply> {
  const { query, exec, ctx } = a;
  const currency = currencyOf(f);
  const byPayer = await execute(exec, {
    ...query,
    form: 'breakdown',
    groupBy: 'merchant',
    ranking: { order: 'top', n: 3 },
  });
  const sources =
    byPayer.shape === 'breakdown'
      ? byPayer.groups.map((s) => `${s.label} ${formatMoney(s.amountMinor, s.currency)}`)
      : [];
  // "After spending" only when the question is about all money in, not one payer's.
  const whole = !query.filters.include.merchants.length && !query.filters.include.categories.length;
  const netFigure = whole ? await figure(exec, { ...query, measure: { kind: 'net' } }, f.period) : undefined;
  const netMinor = netFigure?.values.find((v) => v.currency === currency)?.amountMinor ?? 0;
  return {
    template: 'Income',
    data: {
      working: working(a, f.period, f),
      amount: moneyText(nonZero(f), currency),
      nothing: f.values.every((t) => t.amountMinor === 0),
      // "from Blue Bottle Coffee": an empty answer names what it looked for, never "no income at all".
      subject: whole ? '' : subjectText(query, ctx.vocabulary),
      period: f.period ? periodText(f.period) : '',
      sources: sources.slice(0, 3),
      hasNet: Boolean(netFigure),
      net: formatMoney(Math.abs(netMinor), currency),
      netPositive: netMinor >= 0,
      accounts: accountsText(ctx.vocabulary, accountIdsOf(query, ctx.vocabulary)).text,
    },
    suggestions: ['Spending last month', 'What is my balance?'],
  };
}

function net(a: Asked, f: Figure): Reply {
  const currency = currencyOf(f);
  const value = f.values.find((v) => v.currency === currency)?.amountMinor ?? 0;
  return {
    template: 'NetTotal',
    data: {
      working: working(a, f.period, f),
      saved: a.query.measure.kind === 'saved',
      received: moneyText(f.received ?? [], currency),
      spent: moneyText(f.spent ?? [], currency),
      amount: formatMoney(Math.abs(value), currency),
      positive: value >= 0,
      period: f.period ? periodText(f.period) : '',
    },
    suggestions: ['Spending last month', 'Income last month'],
  };
}

function count(a: Asked, f: Figure): Reply {
  return {
    template: 'CountTotal',
    data: {
      working: working(a, f.period, f),
      count: f.count,
      of: 'of' in a.query.measure ? a.query.measure.of : 'spent',
      subject: subjectText(a.query, a.ctx.vocabulary),
      period: f.period ? periodText(f.period) : '',
    },
    suggestions: ['Show me those'],
  };
}

function average(a: Asked, f: Figure): Reply {
  const m = a.query.measure as Extract<Query['measure'], { kind: 'average' }>;
  const currency = currencyOf(f);
  const units = f.units === undefined ? '' : String(Math.round(f.units * 10) / 10);
  const whole = f.units !== undefined ? Math.round(f.units * 10) / 10 === 1 : false;
  return {
    template: 'AverageTotal',
    data: {
      working: working(a, f.period, f),
      amount: moneyText(nonZero(f), currency),
      nothing: f.count === 0,
      per: m.per,
      of: m.of,
      units,
      one: whole,
      count: f.count,
      subject: subjectText(a.query, a.ctx.vocabulary),
      period: f.period ? periodText(f.period) : '',
    },
    suggestions: ['Show me those'],
  };
}

function largest(a: Asked, f: Figure): Reply {
  const rows = (f.rows ?? []).map((r) => ({
    date: dayText(r.date),
    merchant: r.merchant,
    amount: formatMoney(Math.abs(r.amountMinor), r.currency),
    account: r.accountName,
  }));
  return {
    template: 'LargestCharges',
    data: {
      working: working(a, f.period, f),
      rows,
      single: rows.length === 1,
      of: 'of' in a.query.measure ? a.query.measure.of : 'spent',
      subject: subjectText(a.query, a.ctx.vocabulary),
      period: f.period ? periodText(f.period) : '',
    },
    suggestions: ['Show me those'],
  };
}

/** "January and March": each period's figure on its own line. */
function figuresInTurn(a: Asked, figures: Figure[]): Reply {
  return {
    template: 'FiguresInTurn',
    data: {
      working: {
        ...working(a, undefined, figures[0]),
        period: figures.map((f) => (f.period ? periodText(f.period) : '')).join(', '),
      },
      measure: a.query.measure.kind,
      rows: figures.map((f) => ({
        period: f.period ? periodText(f.period) : '',
        amount: valueText(a.query, f),
        nothing: f.count === 0,
      })),
    },
    suggestions: ['Show me those'],
  };
}

/** A figure's value in words: money, or a count. */
export function valueText(query: Query, f: Figure): string {
  if (query.measure.kind === 'count') return String(f.count);
  return moneyText(
    query.measure.kind === 'net' || query.measure.kind === 'saved' ? f.values : nonZero(f),
    currencyOf(f),
  );
}

/** Two or more subjects side by side ("Chevron or Shell in Q4?"): a figure each. */
export function subjectsReply(a: Asked, subjects: { label: string; figures: Figure[] }[]): Reply {
  const periods = subjects[0]?.figures.map((f) => f.period) ?? [];
  return {
    template: 'SubjectsSideBySide',
    data: {
      working: {
        ...working(a, periods[0], subjects[0]?.figures[0]),
        period: periods.map((p) => (p ? periodText(p) : '')).join(', '),
      },
      measure: a.query.measure.kind,
      rows: subjects.flatMap((s) =>
        s.figures.map((f) => ({
          label: s.label,
          period: periods.length > 1 && f.period ? periodText(f.period) : '',
          amount: valueText(a.query, f),
          count: f.count,
        })),
      ),
    },
    suggestions: ['Show me those'],
  };
}
