/**
 * "Stop the weekly recap", "turn off budget alerts", "remind me about bills": which messages Tally sends
 * without being asked. Each kind is on or off per person; the weekly recap is off until asked for.
 */
import type { DialogState, TurnContext, TurnResult } from './types.ts';

export async function answerNotices(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const words = ctx.frame.coaching;
  if (!words?.notice) {
    return {
      replies: [
        {
          template: 'NoticesWhich',
          suggestions: ['Send me a weekly recap', 'Turn off budget alerts', 'Stop bill reminders'],
        },
      ],
      state,
    };
  }
  const on = words.on ?? true;
  const saved = await ctx.services.store.coaching.setNotice(
    ctx.input.userId,
    words.notice,
    on,
    ctx.input.now,
  );
  return {
    replies: [
      saved
        ? { template: 'NoticeSet', data: { kind: words.notice, on } }
        : { template: 'BudgetNeedsAccount' },
    ],
    state,
  };
}
