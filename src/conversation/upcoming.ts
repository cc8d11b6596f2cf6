/**
 * The scheduler's view of what comes next for a person: the next payday of their main income stream and
 * the bills expected until then, from the same facts the coaching answers use. Learning them reads 400
 * days of history, and the scheduler asks on every tick: the answer is kept per person for the day until
 * the ledger changes (a new statement, a deletion, a corrected category), as the store's ledger version
 * for that person says (SQLite's covers the whole file; PostgreSQL's is read from the person's rows).
 */
import type { Upcoming, UpcomingSource } from '../insights/upcoming.ts';
import type { Store } from '../store/index.ts';
import { billsUntil, coachingFactsFor, horizonOf } from './coaching-facts.ts';
import { execContextFor } from './proactive.ts';
import { setNewest } from '../newest.ts';

/** People whose answer is kept at once; the one asked about longest ago goes first. */
const KEPT_PEOPLE = 5000;

async function upcomingNow(store: Store, userId: string, today: string): Promise<Upcoming> {
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
}

export function upcomingFromHistory(store: Store, keptPeople = KEPT_PEOPLE): UpcomingSource {
  const kept = new Map<string, { key: string; upcoming: Promise<Upcoming> }>();
  return {
    async upcoming(userId: string, today: string): Promise<Upcoming> {
      const version = await store.queries.ledgerVersion?.(userId);
      if (version === undefined) return upcomingNow(store, userId, today);
      const key = `${today}|${version}`;
      const hit = kept.get(userId);
      if (hit?.key === key) return hit.upcoming;
      const upcoming = upcomingNow(store, userId, today);
      setNewest(kept, userId, { key, upcoming }, keptPeople);
      // A failed read is not kept: the next tick tries again.
      upcoming.catch(() => {
        if (kept.get(userId)?.upcoming === upcoming) kept.delete(userId);
      });
      return upcoming;
    },
  };
}
