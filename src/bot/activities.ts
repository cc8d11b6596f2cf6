import {
  ActivityTypes,
  CardFactory,
  type Activity,
  type CardAction,
  type ConversationAccount,
} from 'botbuilder';
import type { Reply } from '../conversation/types.ts';
import { errorKind, log } from '../log.ts';
import type { BotTemplates } from './templates.ts';

/** Channels that cannot draw Adaptive Cards get the text alone. */
const NO_CARDS = new Set(['sms', 'email', 'telegram', 'kik', 'groupme']);

/** Turns the conversation's replies into activities: text from .lg, suggestions, and a card where it fits. */
export function toActivities(
  replies: readonly Reply[],
  templates: BotTemplates,
  channelId: string,
  /** The person's tone: templates with a variant for it are said in that voice. */
  tone?: string,
): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      text: renderText(templates, reply, tone),
      textFormat: 'markdown',
    };
    if (reply.card && !NO_CARDS.has(channelId)) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
    if (reply.suggestions?.length) {
      const actions: CardAction[] = reply.suggestions.map((s) => ({ type: 'imBack', title: s, value: s }));
      activity.suggestedActions = { actions, to: [] };
    }
    return activity;
  });
}

function renderText(templates: BotTemplates, reply: Reply, tone?: string): string {
  try {
    return templates.render(reply.template, reply.data ?? {}, tone);
  } catch (err) {
    log.error('template.failed', { template: reply.template, kind: errorKind(err) });
    return templates.has('TemplateMissing')
      ? templates.render('TemplateMissing')
      : 'Sorry, I could not put that answer into words.';
  }
}

/** Conversation types of many people: Teams' group chats and channels, Telegram's groups. */
const GROUP_TYPES = new Set(['groupChat', 'channel', 'group', 'supergroup']);

/**
 * Whether a conversation is one-to-one with one person. Group chats and channels are not: Bot Framework
 * marks them `isGroup`, Teams names them `groupChat` or `channel` (and puts a team or channel in the
 * channel data). Only a personal conversation may show anyone's money.
 */
export function isPersonalConversation(
  conversation: Partial<ConversationAccount> | undefined,
  channelData?: unknown,
): boolean {
  if (!conversation) return false;
  if (conversation.isGroup === true) return false;
  if (GROUP_TYPES.has(conversation.conversationType ?? '')) return false;
  const data = channelData as { team?: unknown; channel?: unknown } | undefined;
  return !(data?.team || data?.channel);
}

/** Whether the activity came from a one-to-one conversation. */
export function isPersonalActivity(activity: Pick<Activity, 'conversation' | 'channelData'>): boolean {
  return isPersonalConversation(activity.conversation, activity.channelData);
}

/** Whether a stored conversation reference leads to a one-to-one conversation (alerts go nowhere else). */
export function isPersonalReference(reference: unknown): boolean {
  return isPersonalConversation(
    (reference as { conversation?: Partial<ConversationAccount> } | undefined)?.conversation,
  );
}
