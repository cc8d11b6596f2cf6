/**
 * "Roast me", "hype me", "normal tone": how Tally words its answers for this person from now on. The
 * wording of each tone is in dialogs/*.lg (a template `Foo` with optional `Foo_roast` and `Foo_hype`); the
 * bot layer picks the variant, so the facts never change with the tone.
 */
import type { DialogState, TurnContext, TurnResult } from './types.ts';

export async function answerTone(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const tone = ctx.frame.coaching?.tone;
  if (!tone) {
    return {
      replies: [{ template: 'ToneWhich', suggestions: ['Roast me', 'Hype me', 'Normal tone'] }],
      state,
    };
  }
  const saved = await ctx.services.store.coaching.setTone(ctx.input.userId, tone, ctx.input.now);
  return {
    replies: [
      saved
        ? {
            template: 'ToneSet',
            data: { tone },
            suggestions: ['How am I doing on my budgets?', 'Spending last month'],
          }
        : { template: 'BudgetNeedsAccount' },
    ],
    state,
  };
}
