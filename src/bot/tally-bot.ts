import {
  ActivityHandler,
  ConversationState,
  TurnContext,
  type Activity,
  type StatePropertyAccessor,
} from 'botbuilder';
import { handleTurn } from '../conversation/engine.ts';
import type { Attachment, DialogState, Services } from '../conversation/types.ts';
import { localDay } from '../day.ts';
import type { Store } from '../store/index.ts';
import { toActivities } from './activities.ts';
import type { BotTemplates } from './templates.ts';

export interface BotDeps {
  store: Store;
  templates: BotTemplates;
  conversationState: ConversationState;
  /** Builds the conversation's services for one turn (attachment downloads need the turn's serviceUrl). */
  services(context: TurnContext): Services;
}

/** Thin: turns an activity into a TurnInput, runs the conversation, sends what it says, saves state once. */
export class TallyBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: BotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('tally');

    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === bot) continue;
        const accounts = await deps.store.accounts.list(member.id);
        await context.sendActivities(
          toActivities(
            [
              {
                template: 'Welcome',
                data: { hasAccounts: accounts.length > 0, name: member.name ?? '' },
                suggestions: accounts.length
                  ? ['Spending last month', 'Any unusual charges?', 'What do you keep about me?']
                  : ['Try the demo', 'Link an account', 'What do you keep about me?'],
              },
            ],
            deps.templates,
            context.activity.channelId,
          ),
        );
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const userId = activity.from?.id;
      if (!userId) return next();
      const now = activity.localTimestamp instanceof Date && !Number.isNaN(activity.localTimestamp.getTime()) ? activity.localTimestamp : new Date();
      const today = localDay(now, activity.localTimezone, (activity as Activity & { rawLocalTimestamp?: string }).rawLocalTimestamp);
      // Only channels that take messages back at their serviceUrl can receive alerts later.
      if (activity.deliveryMode !== 'expectReplies') {
        await deps.store.reach.saveReference(userId, activity.conversation.id, TurnContext.getConversationReference(activity));
      } else {
        await deps.store.users.ensure(userId);
      }
      const state = await this.dialogState.get(context, {});
      const result = await handleTurn(
        { userId, text: textOf(activity), today, now, attachments: filesOf(activity), value: activity.value },
        state,
        deps.services(context),
      );
      await context.sendActivities(toActivities(result.replies, deps.templates, activity.channelId));
      if (result.state.deleted) {
        await deps.conversationState.delete(context);
      } else {
        await this.dialogState.set(context, result.state);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }
}

function textOf(activity: Activity): string {
  const value = activity.value as { text?: unknown } | undefined;
  if (!activity.text && typeof value?.text === 'string') return value.text;
  return typeof activity.text === 'string' ? activity.text : '';
}

/** Files the user attached (cards and other rich attachments are not files). */
function filesOf(activity: Activity): Attachment[] {
  return (activity.attachments ?? [])
    .filter((a) => !a.contentType?.startsWith('application/vnd.microsoft.card') && (a.contentUrl || typeof a.content === 'string'))
    .map((a) => ({
      name: a.name ?? 'statement',
      contentType: a.contentType ?? 'application/octet-stream',
      contentUrl: a.contentUrl ?? (typeof a.content === 'string' ? `data:text/plain;base64,${Buffer.from(a.content).toString('base64')}` : undefined),
    }));
}
