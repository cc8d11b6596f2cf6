/**
 * What Tally would say to one person without being asked, at a given moment: a budget at risk (once per
 * budget per month), a bill due in the next 3 days, payday arriving, and — for those who asked for it —
 * the weekly recap on Sunday evening in their time zone. Decides and words (as templates and data) only;
 * the bot layer plans, claims and delivers.
 */
import { TZDate } from '@date-fns/tz';
import { currencyExponent, formatMoney } from '../money.ts';
import { daysBetween, localDay } from '../day.ts';
import { atRisk, budgetStatus, monthSoFar } from '../insights/budgets.ts';
import type { ExecContext } from '../insights/execute.ts';
import { weekOf, weeklyRecap } from '../insights/recap.ts';
import type { UpcomingSource } from '../insights/upcoming.ts';
import type { NoticeKind, PlannedMessage, Store } from '../store/index.ts';
import { budgetStatusData } from './budgets.ts';
import { dayText } from './describe.ts';
import type { Reply } from './types.ts';

/** Days ahead a bill is mentioned. */
export const BILL_DAYS_AHEAD = 3;
/** The local hour on Sunday from which the weekly recap goes out. */
export const RECAP_HOUR = 18;

export type ProactiveKind = 'budget_risk' | 'bill_due' | 'payday' | 'weekly_recap';

/** Which setting turns each kind of message off. */
export const NOTICE_OF: Readonly<Record<ProactiveKind, NoticeKind>> = {
  budget_risk: 'budget_alerts',
  bill_due: 'bill_reminders',
  payday: 'payday_notes',
  weekly_recap: 'weekly_recap',
};

/** What is stored to be said: a reply, and for the recap the chart to draw when it is sent. */
export interface ProactivePayload {
  reply: Reply;
  chart?: {
    title: string;
    periodLabel: string;
    labels: string[];
    amounts: string[];
    values: number[];
    shares: number[];
    currency: string;
    totalText: string;
  };
}

export interface ProactiveDeps {
  store: Store;
  upcoming: UpcomingSource;
}

export async function execContextFor(store: Store, userId: string): Promise<ExecContext> {
  const ids = new Map<string, number[]>();
  for (const m of await store.queries.merchants(userId)) {
    const key = m.name.toLowerCase();
    ids.set(key, [...(ids.get(key) ?? []), m.id]);
  }
  return { store, userId, merchantIds: (name) => ids.get(name.toLowerCase()) ?? [] };
}

/** Every message due for the person at `now` that their settings allow; the schedule keeps each once. */
export async function proactiveFor(
  deps: ProactiveDeps,
  userId: string,
  now: Date,
): Promise<PlannedMessage<ProactivePayload>[]> {
  const { store } = deps;
  const settings = await store.coaching.get(userId);
  const today = localDay(now, settings.timeZone);
  const out: PlannedMessage<ProactivePayload>[] = [];
  const plan = (kind: ProactiveKind, periodKey: string, payload: ProactivePayload) =>
    out.push({ userId, kind, periodKey, dueAt: now, payload });
  let exec: ExecContext | undefined;
  const execOnce = async () => (exec ??= await execContextFor(store, userId));

  if (settings.notices.budget_alerts) {
    const month = monthSoFar(today).month.start.slice(0, 7);
    for (const budget of await store.budgets.list(userId)) {
      const key = `${month}:${budget.id}`;
      if (await store.schedule.planned(userId, 'budget_risk', key)) continue;
      const status = await budgetStatus(await execOnce(), budget, today);
      if (!atRisk(status)) continue;
      const data = budgetStatusData([status]);
      plan('budget_risk', key, {
        reply: {
          template: 'BudgetAtRisk',
          data: { month: data.month, row: (data.rows as unknown[])[0] },
          suggestions: ['How am I doing on my budgets?', 'Turn off budget alerts'],
        },
      });
    }
  }

  // What comes next is read from the whole history: only for someone who wants bill or payday messages.
  const coming =
    settings.notices.bill_reminders || settings.notices.payday_notes
      ? await deps.upcoming.upcoming(userId, today)
      : { bills: [] };
  if (settings.notices.bill_reminders) {
    for (const bill of coming.bills) {
      const daysAway = daysBetween(today, bill.date);
      if (daysAway < 0 || daysAway > BILL_DAYS_AHEAD) continue;
      plan('bill_due', `${bill.date}:${bill.name.toLowerCase()}`, {
        reply: {
          template: 'BillDue',
          data: {
            name: bill.name,
            amount: formatMoney(bill.amountMinor, bill.currency),
            date: dayText(bill.date),
            daysAway,
          },
          suggestions: ['Stop bill reminders'],
        },
      });
    }
  }
  if (settings.notices.payday_notes && coming.payday?.date === today) {
    plan('payday', today, {
      reply: {
        template: 'PaydayArrived',
        data: {
          amount: formatMoney(coming.payday.amountMinor, coming.payday.currency),
          date: dayText(today),
        },
        suggestions: ['How am I doing on my budgets?', 'Stop payday messages'],
      },
    });
  }

  if (settings.notices.weekly_recap && isRecapTime(now, settings.timeZone)) {
    const week = weekOf(today);
    if (!(await store.schedule.planned(userId, 'weekly_recap', week.start)))
      plan('weekly_recap', week.start, await recapPayload(await execOnce(), week));
  }
  return out;
}

/** Sunday, from RECAP_HOUR on, on the person's own clock (UTC when their zone is not known). */
export function isRecapTime(now: Date, timeZone?: string): boolean {
  const zoned = timeZone ? new TZDate(now.getTime(), timeZone) : undefined;
  const local = zoned && !Number.isNaN(zoned.getTime()) ? zoned : new TZDate(now.getTime(), 'UTC');
  return local.getDay() === 0 && local.getHours() >= RECAP_HOUR;
}

async function recapPayload(exec: ExecContext, week: ReturnType<typeof weekOf>): Promise<ProactivePayload> {
  const recap = await weeklyRecap(exec, week);
  const money = (minor: number) => formatMoney(minor, recap.currency);
  const total = recap.byCategory.reduce((s, c) => s + c.amountMinor, 0);
  return {
    reply: {
      template: 'WeeklyRecap',
      data: {
        week: week.label,
        spent: money(recap.spentMinor),
        usual: recap.usualMinor !== undefined ? money(recap.usualMinor) : '',
        changePercent: Math.round(Math.abs(recap.changePct ?? 0) * 100),
        more: (recap.changePct ?? 0) > 0,
        movers: recap.movers.map((m) => ({
          label: m.key,
          up: m.change > 0,
          change: money(Math.abs(m.change)),
        })),
      },
      suggestions: ['How am I doing on my budgets?', 'Stop the weekly recap'],
    },
    ...(recap.byCategory.length
      ? {
          chart: {
            title: 'Your week by category',
            periodLabel: week.label,
            labels: recap.byCategory.map((c) => c.label),
            amounts: recap.byCategory.map((c) => money(c.amountMinor)),
            values: recap.byCategory.map((c) => c.amountMinor / 10 ** currencyExponent(recap.currency)),
            shares: recap.byCategory.map((c) => (total ? c.amountMinor / total : 0)),
            currency: recap.currency,
            totalText: money(total),
          },
        }
      : {}),
  };
}
