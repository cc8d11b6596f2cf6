import {
  ActivityHandler,
  type Activity,
  type BotState,
  type InvokeResponse,
  type StatePropertyAccessor,
  TurnContext,
} from 'botbuilder';
import { handleTurn } from '../conversation/engine.ts';
import {
  remembersNothing,
  type Attachment,
  type DialogState,
  type Reply,
  type Services,
} from '../conversation/types.ts';
import { localDay } from '../day.ts';
import { log } from '../log.ts';
import type { Store } from '../store/index.ts';
import { isPersonalActivity, toActivities } from './activities.ts';
import { rememberReach } from './alerts.ts';
import { HeldReplies } from './held-replies.ts';
import { hasTeamsPictures, TEAMS_CHANNEL, teamsFiles } from './teams/files.ts';
import { teamsInvokeResponse } from './teams/invoke.ts';
import { StaleStateError } from './storage.ts';
import type { BotTemplates } from './templates.ts';

/** A turn that lost a race for the person's state is run again at most this often. */
const MAX_TURN_ATTEMPTS = 3;

export interface BotDeps {
  store: Store;
  templates: BotTemplates;
  /** Dialog state of one person in one conversation (see `personalState`). */
  personalState: BotState;
  /** Builds the conversation's services for one turn (attachment downloads need the turn's serviceUrl). */
  services(context: TurnContext): Services;
}

/** Thin: turns an activity into a TurnInput, runs the conversation, sends what it says, saves state once. */
export class TallyBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: BotDeps) {
    super();
    this.dialogState = deps.personalState.createProperty<DialogState>('tally');

    this.onMembersAdded(async (context, next) => {
      const welcomes = await this.welcomes(context.activity);
      if (welcomes.length)
        await context.sendActivities(toActivities(welcomes, deps.templates, context.activity.channelId));
      await next();
    });

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const userId = activity.from?.id;
      if (!userId) return next();
      const inGroup = !isPersonalActivity(activity);
      const now =
        activity.localTimestamp instanceof Date && !Number.isNaN(activity.localTimestamp.getTime())
          ? activity.localTimestamp
          : new Date();
      const today = localDay(
        now,
        activity.localTimezone,
        (activity as Activity & { rawLocalTimestamp?: string }).rawLocalTimestamp,
      );
      await rememberReach(deps.store, activity);
      const attachments = filesOf(activity);
      // A picture pasted into a Teams message is not a statement: say so, and answer any words beside it.
      const picture: Reply[] =
        !inGroup && !attachments.length && hasTeamsPictures(activity)
          ? [{ template: 'PictureIsNotAStatement' }]
          : [];
      if (picture.length && !textOf(activity).trim()) {
        await context.sendActivities(toActivities(picture, deps.templates, activity.channelId));
        return next();
      }
      // A group turn neither reads nor writes anyone's dialog state.
      const state = inGroup ? {} : await this.dialogState.get(context, {});
      const result = await handleTurn(
        { userId, text: textOf(activity), today, now, attachments, value: activity.value, inGroup },
        state,
        deps.services(context),
      );
      // Read after the turn, so "roast me" is answered in the tone it chose; groups always get the plain one.
      const settings = inGroup || result.state.deleted ? undefined : await deps.store.coaching.get(userId);
      // Weekly recaps go out on the person's own Sunday evening.
      if (settings && activity.localTimezone && settings.timeZone !== activity.localTimezone)
        await deps.store.coaching.rememberTimeZone(userId, activity.localTimezone, new Date());
      const tone = settings?.tone;
      await context.sendActivities(
        toActivities([...picture, ...result.replies], deps.templates, activity.channelId, tone),
      );
      if (!inGroup) {
        // Deleted or empty state leaves no row behind.
        if (result.state.deleted || remembersNothing(result.state)) await this.dialogState.delete(context);
        else await this.dialogState.set(context, result.state);
      }
      await next();
    });
  }

  /** Teams' file-consent answers get their 200 here; every other invoke is the SDK's. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return teamsInvokeResponse(context.activity) ?? super.onInvokeActivity(context);
  }

  /**
   * Runs the turn and saves state once, holding its replies back until then. When another instance saved
   * this person's state since it was read (two quick messages), nothing has been said yet: the turn runs
   * again on the newer state, so neither message's effect is lost and only one answer goes out.
   */
  override async run(context: TurnContext): Promise<void> {
    const replies = new HeldReplies(context);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await super.run(context);
          // Forced: an unchanged state is confirmed rather than skipped, which proves the turn read the
          // latest state.
          await this.deps.personalState.saveChanges(context, true);
          break;
        } catch (err) {
          if (!(err instanceof StaleStateError) || attempt >= MAX_TURN_ATTEMPTS) throw err;
          log.warn('turn.state-stale', { channel: context.activity.channelId, attempt });
          replies.discard();
          await this.deps.personalState.load(context, true);
        }
      }
    } catch (err) {
      replies.stop();
      throw err;
    }
    await replies.release();
  }

  /**
   * One welcome per person added to a one-to-one conversation. In a group, one welcome that says nothing
   * about anyone, and only when Tally itself joins.
   */
  private async welcomes(activity: Activity): Promise<Reply[]> {
    const bot = activity.recipient?.id;
    const added = activity.membersAdded ?? [];
    if (!isPersonalActivity(activity)) {
      return added.some((m) => m.id === bot) ? [{ template: 'WelcomeInGroup' }] : [];
    }
    const replies: Reply[] = [];
    for (const member of added) {
      if (member.id === bot) continue;
      const accounts = await this.deps.store.accounts.list(member.id);
      replies.push({
        template: 'Welcome',
        data: { hasAccounts: accounts.length > 0, name: member.name ?? '' },
        suggestions: accounts.length
          ? ['Spending last month', 'Any unusual charges?', 'What do you keep about me?']
          : ['Try the demo', 'Link an account', 'What do you keep about me?'],
      });
    }
    return replies;
  }
}

function textOf(activity: Activity): string {
  const value = activity.value as { text?: unknown } | undefined;
  if (!activity.text && typeof value?.text === 'string') return value.text;
  if (typeof activity.text !== 'string') return '';
  // In group chats Teams puts "<at>Tally</at>" into the text; the words after it are the message.
  return activity.entities?.some((e) => e.type === 'mention')
    ? TurnContext.removeRecipientMention(activity)
    : activity.text;
}

/** Files the user attached (cards and other rich attachments are not files). */
function filesOf(activity: Activity): Attachment[] {
  if (activity.channelId === TEAMS_CHANNEL) return teamsFiles(activity.attachments ?? []);
  return (activity.attachments ?? [])
    .filter(
      (a) =>
        !a.contentType?.startsWith('application/vnd.microsoft.card') &&
        (a.contentUrl || typeof a.content === 'string'),
    )
    .map((a) => ({
      name: a.name ?? 'statement',
      contentType: a.contentType ?? 'application/octet-stream',
      contentUrl:
        a.contentUrl ??
        (typeof a.content === 'string'
          ? `data:text/plain;base64,${Buffer.from(a.content).toString('base64')}`
          : undefined),
    }));
}
