/**
 * The scheduler's view of what comes next for a person: the next payday of their main income stream and
 * the bills expected until then, from the same facts the coaching answers use.
 */
import type { Upcoming, UpcomingSource } from '../insights/upcoming.ts';
import type { Store } from '../store/index.ts';
import { billsUntil, coachingFactsFor, horizonOf } from './coaching-facts.ts';
import { execContextFor } from './proactive.ts';

export function upcomingFromHistory(store: Store): UpcomingSource {
  return {
    async upcoming(userId: string, today: string): Promise<Upcoming> {
      const facts = await coachingFactsFor(await execContextFor(store, userId), today);
      const { until, byPayday } = horizonOf(facts);
      const bills = billsUntil(facts, until).map((b) => ({
        name: b.merchant,
        date: b.date,
        amountMinor: b.amountMinor,
        currency: b.currency,
      }));
      const schedule = facts.schedule;
      // A payday is only announced while the pay keeps its rhythm: stopped pay is never promised.
      if (!schedule || !byPayday) return { bills };
      return {
        payday: {
          date: schedule.nextPayday,
          amountMinor: schedule.usualAmountMinor,
          currency: schedule.currency,
        },
        bills,
      };
    },
  };
}
