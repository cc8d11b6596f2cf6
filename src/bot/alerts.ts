import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { findingsForAlert } from '../conversation/findings.ts';
import { localDay } from '../day.ts';
import { errorKind, log } from '../log.ts';
import type { Store } from '../store/index.ts';
import { isPersonalActivity, isPersonalReference } from './activities.ts';
import type { BotTemplates } from './templates.ts';

/**
 * Remembers where the sender can be reached for alerts: only a one-to-one conversation that takes
 * messages back at its serviceUrl, and only for someone Tally already holds (a message alone creates
 * nobody).
 */
export async function rememberReach(store: Store, activity: Activity): Promise<void> {
  const userId = activity.from?.id;
  if (
    !userId ||
    !activity.conversation?.id ||
    activity.deliveryMode === 'expectReplies' ||
    !isPersonalActivity(activity)
  )
    return;
  await store.reach.saveReference(
    userId,
    activity.conversation.id,
    TurnContext.getConversationReference(activity),
  );
}

/**
 * Tells users about unusual or duplicate charges and price rises in newly imported rows, without being
 * asked: through their stored one-to-one conversation (never a group), each finding at most once, and
 * only while alerts are on.
 * Imports from chat trigger a check at once; CLI imports are picked up by a periodic sweep.
 */
export class Alerter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly templates: BotTemplates,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.sweep(), intervalMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return this.running;
  }

  /** Checks every batch not yet looked at; runs one sweep at a time. */
  sweep(): Promise<void> {
    this.running = this.running
      .then(() => this.sweepOnce())
      .catch((err) => log.error('alerts.failed', { kind: errorKind(err) }));
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    const batches = await this.store.ledger.batchesAwaitingAlerts();
    const byUser = new Map<string, number[]>();
    for (const b of batches) byUser.set(b.userId, [...(byUser.get(b.userId) ?? []), b.batchId]);
    for (const [userId, batchIds] of byUser) {
      try {
        await this.alertUser(userId, batchIds);
      } finally {
        await this.store.ledger.markAlertsDone(batchIds);
      }
    }
  }

  private async alertUser(userId: string, batchIds: number[]): Promise<void> {
    const user = await this.store.users.get(userId);
    if (!user?.alertsEnabled) return;
    // Only personal references are stored; the check stands guard over any stored before that held.
    const reference = (await this.store.reach.latestReference(userId, isPersonalReference)) as
      Partial<ConversationReference> | undefined;
    if (!reference) return;
    const newIds = new Set(await this.store.ledger.idsInBatches(userId, batchIds));
    if (newIds.size === 0) return;
    const findings = await findingsForAlert(this.store, userId, localDay(new Date()), newIds);
    const fresh = await this.store.reach.claimFindings(
      userId,
      findings.map((f) => f.key),
    );
    const toSend = findings.filter((f) => fresh.includes(f.key));
    if (toSend.length === 0) return;
    const text = this.templates.render('Alert', { items: toSend.map((f) => f.text), count: toSend.length });
    let delivered = false;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await context.sendActivity({
          text,
          suggestedActions: {
            actions: [{ type: 'imBack', title: 'Turn alerts off', value: 'Turn alerts off' }],
            to: [],
          },
        });
        delivered = true;
      });
    } catch (err) {
      log.warn('alerts.undelivered', { kind: errorKind(err), count: toSend.length });
    }
    if (delivered) log.info('alerts.sent', { count: toSend.length });
    // Not delivered: the findings stay unsent, to go out with the next import that reaches the user.
    else
      await this.store.reach.releaseFindings(
        userId,
        toSend.map((f) => f.key),
      );
  }
}
