import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * Holds back what a turn says until the turn's state has been saved. A turn that then loses the race
 * for the person's state (another instance saved it first) has said nothing yet, so it can be run again
 * on the newer state and only the second run's replies go out. An invoke's response is not a reply to the
 * person and goes straight through.
 */
export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding = true;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_context, activities, next) => {
      if (!this.holding || activities.some((a) => a.type === ActivityTypes.InvokeResponse)) return next();
      this.held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
  }

  /** Forgets what this run of the turn said (it is about to run again). */
  discard(): void {
    this.held = [];
  }

  /** Sends what was held, in order, the way the turn would have; anything said after it goes straight out. */
  async release(): Promise<void> {
    this.holding = false;
    const out = this.held;
    this.held = [];
    if (!out.length) return;
    if (this.context.activity.deliveryMode === 'expectReplies') {
      this.context.bufferedReplyActivities.push(...out);
    } else {
      const responses = await this.context.adapter.sendActivities(this.context, out);
      responses?.forEach((r, i) => {
        const activity = out[i];
        if (activity && r) activity.id = r.id;
      });
    }
    if (out.some((a) => a.type !== ActivityTypes.Trace)) this.context.responded = true;
  }

  /** Stops holding and sends nothing held: the turn failed, and its error handler speaks for it. */
  stop(): void {
    this.holding = false;
    this.held = [];
  }
}
