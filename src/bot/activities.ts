import { ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Reply } from '../conversation/types.ts';
import { errorKind, log } from '../log.ts';
import type { BotTemplates } from './templates.ts';

/** Channels that cannot draw Adaptive Cards get the text alone. */
const NO_CARDS = new Set(['sms', 'email', 'telegram', 'kik', 'groupme']);

/** Turns the conversation's replies into activities: text from .lg, suggestions, and a card where it fits. */
export function toActivities(replies: readonly Reply[], templates: BotTemplates, channelId: string): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text: renderText(templates, reply), textFormat: 'markdown' };
    if (reply.card && !NO_CARDS.has(channelId)) activity.attachments = [CardFactory.adaptiveCard(reply.card)];
    if (reply.suggestions?.length) {
      const actions: CardAction[] = reply.suggestions.map((s) => ({ type: 'imBack', title: s, value: s }));
      activity.suggestedActions = { actions, to: [] };
    }
    return activity;
  });
}

function renderText(templates: BotTemplates, reply: Reply): string {
  try {
    return templates.render(reply.template, reply.data ?? {});
  } catch (err) {
    log.error('template.failed', { template: reply.template, kind: errorKind(err) });
    return templates.has('TemplateMissing') ? templates.render('TemplateMissing') : 'Sorry, I could not put that answer into words.';
  }
}
