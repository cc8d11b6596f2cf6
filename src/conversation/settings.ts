import type { Store } from '../store/index.ts';
import type { TurnContext, TurnResult } from './types.ts';
import type { DialogState } from './types.ts';

/** Kept here too for callers that loaded the demo through the settings dialog (loaded when called). */
export async function loadDemo(
  ...args: Parameters<typeof import('../demo/load.ts').loadDemo>
): ReturnType<typeof import('../demo/load.ts').loadDemo> {
  return (await import('../demo/load.ts')).loadDemo(...args);
}

/** "Blue Bottle is coffee": remembers the user's category for a merchant, past and future. */
export async function answerCorrection(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const { frame, services, input, vocabulary } = ctx;
  const category = frame.correction?.category ?? frame.categories[0];
  const merchant = frame.merchants[0] ?? findMerchant(frame.correction?.merchantText, vocabulary.merchants);
  const code = category && detailedCodeFor(services.store, category.codes);
  if (!merchant || !category || !code) {
    return {
      replies: [
        {
          template: 'CorrectionNeedsDetail',
          data: { merchant: merchant ?? frame.correction?.merchantText ?? '' },
        },
      ],
      state,
    };
  }
  const changed = await services.store.ledger.setUserCategory(input.userId, merchant, code, input.now);
  return {
    replies: [{ template: 'CategoryCorrected', data: { merchant, category: category.label, changed } }],
    state,
  };
}

/** A detailed code for what the user named: itself, or the primary's "other" bucket (TRANSPORTATION → …_OTHER_TRANSPORTATION). */
function detailedCodeFor(store: Store, codes: readonly string[]): string | undefined {
  for (const code of codes) {
    if (store.catalog.category(code)) return code;
    const under = store.catalog.categoryIds([code]).map((id) => store.catalog.categoryById(id)?.code ?? '');
    const other = under.find((c) => c.startsWith(`${code}_OTHER`));
    if (other ?? under[0]) return other ?? under[0];
  }
  return undefined;
}

function findMerchant(text: string | undefined, merchants: string[]): string | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  return merchants.find((m) => m.toLowerCase() === t) ?? merchants.find((m) => m.toLowerCase().includes(t));
}

/** Turns alerts on or off. */
export async function answerAlerts(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const { frame, services, input } = ctx;
  // The language layer reads on or off from the words; a bare "alerts" means on.
  const on = frame.toggle ?? true;
  await services.store.users.setAlerts(input.userId, on);
  return { replies: [{ template: on ? 'AlertsOn' : 'AlertsOff' }], state };
}
