import { listCard } from '../charts/cards.ts';
import { categoryLabel } from '../ingest/enrich/categories.ts';
import { findUnusualCharges } from '../insights/anomalies.ts';
import { findDuplicateCharges } from '../insights/duplicates.ts';
import { findPriceRises, findRecurring, monthlySubscriptionTotal } from '../insights/recurring.ts';
import type { DuplicatePair, RecurringSeries, Txn, UnusualFlag } from '../insights/types.ts';
import { addDays } from '../day.ts';
import { formatMoney } from '../money.ts';
import type { Store } from '../store/index.ts';
import { unplacedTopic } from './ask.ts';
import type { TurnContext as TurnContextLite, TurnResult } from './types.ts';
import { dayText, moneyText, periodText } from './describe.ts';
import type { DialogState, Reply } from './types.ts';

/** How far back history is read for the usual amounts and cadences. */
const HISTORY_DAYS = 400;
/** How far back a charge may be and still be worth flagging when the user asks. */
const ASKED_WINDOW_DAYS = 90;

/** Unusual charges, duplicates, subscriptions and price rises, on request. */
export async function answerFindings(ctx: TurnContextLite, state: DialogState): Promise<TurnResult> {
  const { frame, input, services } = ctx;
  const unplaced = frame.understood?.unplaced ?? [];
  if (unplaced.length) {
    // "cancel my spotify subscription": say what Tally can do, and show nothing it was not asked for.
    return {
      replies: [{ template: 'FindingsPartlyUnderstood', data: { topic: unplacedTopic(unplaced), unplaced } }],
      state,
    };
  }
  const history = await services.store.queries.history(input.userId, addDays(input.today, -HISTORY_DAYS));
  const since = frame.periods[0]?.start ?? addDays(input.today, -ASKED_WINDOW_DAYS);
  // Periods are half-open: "in January" must not list February's charges.
  const until = frame.periods[0]?.end;
  const within = (date: string) => !until || date < until;
  const window = frame.periods[0] ? periodText(frame.periods[0]) : `the last ${ASKED_WINDOW_DAYS} days`;
  let reply: Reply;
  switch (frame.intent) {
    case 'unusual':
      reply = unusualReply(
        findUnusualCharges(history, { since, today: input.today }).filter((f) => within(f.txn.date)),
        window,
      );
      break;
    case 'duplicates':
      reply = duplicatesReply(
        findDuplicateCharges(history, { since }).filter((p) => within(p.first.date)),
        window,
      );
      break;
    case 'price_rises': {
      const series = findRecurring(history, input.today);
      const rises = findPriceRises(series, frame.periods[0]?.start ?? addDays(input.today, -HISTORY_DAYS));
      // "Has Netflix gone up?" is about Netflix: its answer, not a yes that lists another payment.
      reply = frame.merchants.length
        ? askedPriceRisesReply(frame.merchants, rises, series)
        : priceRisesReply(rises);
      break;
    }
    default:
      reply = subscriptionsReply(findRecurring(history, input.today));
  }
  return { replies: [reply], state: { ...state, pending: undefined } };
}

/** Words for one unusual charge: "$1,249.00 at Best Buy on 3 Feb 2026 — about 9× your usual shopping charge". */
export function unusualItem(flag: UnusualFlag): { title: string; detail: string; amount: string } {
  const amount = formatMoney(flag.amountMinor, flag.txn.currency);
  const basis =
    flag.basis === 'merchant'
      ? `your usual at ${flag.txn.merchant}`
      : flag.basis === 'category' && flag.categoryLabelKey
        ? `your usual ${categoryLabel(flag.categoryLabelKey).toLowerCase()} charge`
        : 'your usual charge';
  const why =
    flag.kind === 'fee'
      ? 'a fee or interest charge'
      : flag.kind === 'new_merchant'
        ? `a first charge at a merchant you have not paid before${flag.ratio ? `, about ${flag.ratio}× your usual charge` : ''}`
        : `about ${flag.ratio}× ${basis}${flag.typicalMinor ? ` (${formatMoney(flag.typicalMinor, flag.txn.currency)})` : ''}`;
  return { title: `${amount} at ${flag.txn.merchant} on ${dayText(flag.txn.date)}`, detail: why, amount };
}

function unusualReply(flags: UnusualFlag[], window: string): Reply {
  const items = flags.map(unusualItem);
  return {
    template: 'UnusualCharges',
    data: { window, items: items.map((i) => `${i.title} — ${i.detail}`), count: items.length },
    card: items.length
      ? listCard({
          title: 'Charges worth a look',
          subtitle: window,
          items: items.map((i) => ({ title: i.title, detail: i.detail })),
        })
      : undefined,
    suggestions: ['Any duplicate charges?', 'Show my subscriptions'],
  };
}

export function duplicateItem(pair: DuplicatePair): string {
  const when =
    pair.gapDays === 0
      ? `twice on ${dayText(pair.first.date)}`
      : `on ${dayText(pair.first.date)} and again on ${dayText(pair.second.date)}`;
  return `${pair.first.merchant}: ${formatMoney(-pair.first.amountMinor, pair.first.currency)} ${when}`;
}

function duplicatesReply(pairs: DuplicatePair[], window: string): Reply {
  return {
    template: 'DuplicateCharges',
    data: { window, items: pairs.map(duplicateItem), count: pairs.length },
    card: pairs.length
      ? listCard({
          title: 'Possible double charges',
          subtitle: window,
          items: pairs.map((p) => ({ title: duplicateItem(p) })),
        })
      : undefined,
    suggestions: ['Anything unusual?', 'Show my subscriptions'],
  };
}

function cadenceWord(s: RecurringSeries): string {
  return {
    weekly: 'weekly',
    biweekly: 'every two weeks',
    monthly: 'monthly',
    quarterly: 'quarterly',
    yearly: 'yearly',
  }[s.cadence];
}

function subscriptionsReply(series: RecurringSeries[]): Reply {
  const active = series.filter((s) => s.active);
  const subs = active.filter((s) => s.isSubscription);
  const bills = active.filter((s) => !s.isSubscription);
  const line = (s: RecurringSeries) =>
    `${s.merchant}: ${formatMoney(s.lastAmountMinor, s.currency)} ${cadenceWord(s)}, next about ${dayText(s.nextExpectedDate)}` +
    (s.priceChanges.length
      ? ` (was ${formatMoney(s.priceChanges[s.priceChanges.length - 1]!.fromMinor, s.currency)})`
      : '');
  const monthly = monthlySubscriptionTotal(series);
  return {
    template: 'Subscriptions',
    data: {
      subscriptions: subs.map(line),
      bills: bills.map(line),
      monthly: moneyText(monthly),
      count: subs.length,
    },
    card: subs.length
      ? listCard({
          title: 'Your subscriptions',
          subtitle: `${moneyText(monthly)} a month`,
          items: subs.map((s) => ({
            title: s.merchant,
            detail: `${cadenceWord(s)} · next about ${dayText(s.nextExpectedDate)}`,
            amountText: formatMoney(s.lastAmountMinor, s.currency),
            badge: s.priceChanges.length ? 'Price up' : undefined,
          })),
        })
      : undefined,
    suggestions: ['Have any subscriptions gone up?', 'Any duplicate charges?'],
  };
}

export function priceRiseItem(r: ReturnType<typeof findPriceRises>[number]): string {
  const month = new Date(`${r.change.date}T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${r.series.merchant} went from ${formatMoney(r.change.fromMinor, r.series.currency)} to ${formatMoney(r.change.toMinor, r.series.currency)} in ${month} (+${Math.round(r.changePct * 100)}%)`;
}

function priceRisesReply(rises: ReturnType<typeof findPriceRises>): Reply {
  return {
    template: 'PriceRises',
    data: { items: rises.map(priceRiseItem), count: rises.length },
    suggestions: ['Show my subscriptions'],
  };
}

/** Each merchant asked about: its rise, or the price it has kept, or that it is not a regular payment. */
function askedPriceRisesReply(
  merchants: readonly string[],
  rises: ReturnType<typeof findPriceRises>,
  series: readonly RecurringSeries[],
): Reply {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const items = merchants.map((merchant) => {
    const rise = rises.find((r) => same(r.series.merchant, merchant));
    if (rise) return { merchant, kind: 'rose', text: priceRiseItem(rise), amount: '', since: '' };
    const regular = series.find((s) => same(s.merchant, merchant));
    if (!regular) return { merchant, kind: 'none', text: '', amount: '', since: '' };
    return {
      merchant,
      kind: regular.variableAmount ? 'varies' : 'same',
      text: '',
      amount: formatMoney(regular.lastAmountMinor, regular.currency),
      since: dayText(regular.firstDate),
    };
  });
  return { template: 'PriceRisesAsked', data: { items }, suggestions: ['Have any subscriptions gone up?'] };
}

/** Findings in rows that just arrived, for alerts: keyed so each is sent at most once. */
export async function findingsForAlert(
  store: Store,
  userId: string,
  today: string,
  newIds: ReadonlySet<number>,
): Promise<{ key: string; text: string }[]> {
  const history: Txn[] = await store.queries.history(userId, addDays(today, -HISTORY_DAYS));
  const since = addDays(today, -HISTORY_DAYS);
  const out: { key: string; text: string }[] = [];
  for (const f of findUnusualCharges(history, { since, today })) {
    if (!newIds.has(f.txn.id)) continue;
    const item = unusualItem(f);
    out.push({ key: `unusual:${f.txn.id}`, text: `${item.title} — ${item.detail}` });
  }
  for (const p of findDuplicateCharges(history, { since })) {
    if (!newIds.has(p.second.id) && !newIds.has(p.first.id)) continue;
    out.push({ key: `duplicate:${p.first.id}:${p.second.id}`, text: duplicateItem(p) });
  }
  const series = findRecurring(history, today);
  for (const r of findPriceRises(series, since)) {
    const id = r.series.txnIds.find((t) => newIds.has(t));
    if (id === undefined) continue;
    out.push({ key: `price:${r.series.merchant}:${r.change.date}`, text: priceRiseItem(r) });
  }
  return out;
}
