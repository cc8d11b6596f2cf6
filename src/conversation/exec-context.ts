import type { DataSpan } from '../insights/defaults.ts';
import type { ExecContext } from '../insights/execute.ts';
import type { TurnContext } from './types.ts';

/** The executor's view of this turn's person: the store and their merchant ids by name. */
export function execContextOf(ctx: TurnContext, span?: DataSpan): ExecContext {
  return {
    store: ctx.services.store,
    userId: ctx.input.userId,
    merchantIds: (name) => ctx.merchantIds.get(name.toLowerCase()) ?? [],
    span,
  };
}
