/**
 * What is coming up for a person: the next payday and the bills due before it. The pay schedule and
 * recurring bills are worked out elsewhere; the scheduler asks through this port, and until a source is
 * wired in, nothing is coming up (so no payday or bill message is ever made up).
 */

export interface UpcomingPayday {
  /** ISO day. */
  date: string;
  amountMinor: number;
  currency: string;
}

export interface UpcomingBill {
  name: string;
  /** ISO day it is expected. */
  date: string;
  amountMinor: number;
  currency: string;
}

export interface Upcoming {
  payday?: UpcomingPayday;
  bills: UpcomingBill[];
}

export interface UpcomingSource {
  /** What is expected for the person from `today` (ISO, their calendar) on. */
  upcoming(userId: string, today: string): Promise<Upcoming>;
}

export const NOTHING_UPCOMING: UpcomingSource = { upcoming: async () => ({ bills: [] }) };
