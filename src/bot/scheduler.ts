/**
 * Proactive coaching messages over the stored one-to-one conversation references (never groups), like the
 * Alerter: each tick plans what is due for everyone Tally can reach (rows in scheduled_messages, one per
 * person, kind and period), then sends due rows it manages to claim. Planning and claiming are in the
 * database, so a restart between them loses nothing and two instances sharing the database send once.
 */
import { randomUUID } from 'node:crypto';
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { breakdownCard } from '../charts/cards.ts';
import {
  NOTICE_OF,
  proactiveFor,
  type ProactiveKind,
  type ProactivePayload,
} from '../conversation/proactive.ts';
import type { ChartRenderer } from '../conversation/types.ts';
import { NOTHING_UPCOMING, type UpcomingSource } from '../insights/upcoming.ts';
import { errorKind, log } from '../log.ts';
import type { ScheduledRow, Store } from '../store/index.ts';
import { isPersonalReference, toActivities } from './activities.ts';
import type { BotTemplates } from './templates.ts';

/** A claim older than this is taken to belong to an instance that stopped mid-send. */
const DEFAULT_LEASE_MS = 10 * 60_000;
/** Sends a row no more often than this many times before giving up on it. */
const MAX_ATTEMPTS = 5;

export interface SchedulerDeps {
  store: Store;
  adapter: CloudAdapter;
  appId: string;
  templates: BotTemplates;
  /** Paydays and bills; by default nothing is coming up. */
  upcoming?: UpcomingSource;
  /** Chart images for one person (the recap's chart); absent: the recap goes without a card. */
  chartsFor?: (userId: string) => ChartRenderer;
  /** The time; tests move it. */
  clock?: () => Date;
  /** Names this instance in the claims it makes. */
  instanceId?: string;
  leaseMs?: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly clock: () => Date;
  readonly instanceId: string;

  constructor(private readonly deps: SchedulerDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.instanceId = deps.instanceId ?? randomUUID();
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Plans and then sends; one tick at a time. Resolves with how many were planned and sent. */
  tick(): Promise<{ planned: number; sent: number }> {
    const next = this.running.then(async () => {
      const planned = await this.plan();
      const sent = await this.deliver();
      return { planned, sent };
    });
    this.running = next.catch((err) => log.error('scheduler.failed', { kind: errorKind(err) }));
    return next;
  }

  /** Records what is due for everyone who can be reached; returns how many rows were new. */
  async plan(): Promise<number> {
    const { store } = this.deps;
    const now = this.clock();
    let planned = 0;
    for (const userId of await store.coaching.reachableUsers()) {
      try {
        const messages = await proactiveFor(
          { store, upcoming: this.deps.upcoming ?? NOTHING_UPCOMING },
          userId,
          now,
        );
        planned += await store.schedule.plan(messages, now);
      } catch (err) {
        log.warn('scheduler.plan_failed', { kind: errorKind(err) });
      }
    }
    return planned;
  }

  /** Sends every due row this instance claims; returns how many were delivered. */
  async deliver(): Promise<number> {
    const { store } = this.deps;
    const lease = this.deps.leaseMs ?? DEFAULT_LEASE_MS;
    let sent = 0;
    for (const row of await store.schedule.due(this.clock(), lease)) {
      if (!(await store.schedule.claim(row.id, this.instanceId, this.clock(), lease))) continue;
      const outcome = await this.send(row);
      if (outcome === 'sent') {
        await store.schedule.markSent(row.id, this.instanceId, this.clock());
        sent++;
      } else if (outcome === 'skip' || row.attempts + 1 >= MAX_ATTEMPTS) {
        await store.schedule.skip(row.id, this.instanceId, this.clock());
      } else {
        await store.schedule.release(row.id, this.instanceId);
      }
    }
    if (sent) log.info('scheduler.sent', { count: sent });
    return sent;
  }

  private async send(row: ScheduledRow): Promise<'sent' | 'skip' | 'retry'> {
    const { store, templates } = this.deps;
    const settings = await store.coaching.get(row.userId);
    const notice = NOTICE_OF[row.kind as ProactiveKind];
    // Turned off since it was planned: it is not sent, and not planned again.
    if (!notice || !settings.notices[notice]) return 'skip';
    const reference = (await store.reach.latestReference(row.userId, isPersonalReference)) as
      Partial<ConversationReference> | undefined;
    if (!reference) return 'skip';
    const payload = row.payload as ProactivePayload;
    const [activity] = toActivities([payload.reply], templates, reference.channelId ?? '', settings.tone);
    if (!activity) return 'skip';
    const card = await this.chartCard(row.userId, payload);
    if (card) activity.attachments = [CardFactory.adaptiveCard(card)];
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
        await context.sendActivity(activity);
      });
      return 'sent';
    } catch (err) {
      log.warn('scheduler.undelivered', { kind: errorKind(err) });
      return 'retry';
    }
  }

  private async chartCard(userId: string, payload: ProactivePayload): Promise<object | undefined> {
    const chart = payload.chart;
    if (!chart) return undefined;
    const renderer = this.deps.chartsFor?.(userId);
    const chartUrl = renderer
      ? await renderer
          .bar({ labels: chart.labels, values: chart.values, currency: chart.currency, horizontal: true })
          .catch(() => undefined)
      : undefined;
    return breakdownCard({
      title: chart.title,
      periodLabel: chart.periodLabel,
      accountsLabel: 'all accounts',
      rows: chart.labels.map((label, i) => ({
        label,
        amountText: chart.amounts[i] ?? '',
        share: chart.shares[i] ?? 0,
      })),
      ...(chartUrl ? { chartUrl } : {}),
      totalText: chart.totalText,
    });
  }
}
