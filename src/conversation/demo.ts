// The demo household goes through the import pipeline: loaded when a demo is offered, not at start-up.
const demoLoader = () => import('../demo/load.ts');
import type { TurnContext, TurnResult } from './types.ts';
import { starterSuggestions } from './suggestions.ts';
import type { DialogState } from './types.ts';

/** Below this the classifier is guessing: a demo request that weak is not acted on, not even asked about. */
const DEMO_CONFIDENCE = 0.5;
const OFFER_SUGGESTIONS = ['Yes, add the demo', 'No thanks'];

/**
 * "Try the demo" asks first, saying what will be added; "remove the demo" takes every demo account out.
 * Anything weaker than a clear request for the demo does neither.
 */
export async function answerDemo(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const { input, frame, services, vocabulary } = ctx;
  const request = frame.demo;
  if (request === 'remove') return removeDemo(ctx, state);
  const hasAccounts = vocabulary.accounts.length > 0;
  if (request !== 'load' || frame.confidence < DEMO_CONFIDENCE) {
    return { replies: [{ template: 'Fallback', suggestions: starterSuggestions(hasAccounts) }], state };
  }
  const demo = (await services.store.accounts.list(input.userId)).filter((a) => a.demo);
  if (demo.length > 0) {
    return { replies: [{ template: 'DemoAlreadyLoaded', data: { accounts: demo.length } }], state };
  }
  const { demoAccountCount } = await demoLoader();
  return {
    replies: [
      {
        template: 'DemoOffer',
        data: { accounts: demoAccountCount(), hasAccounts },
        suggestions: OFFER_SUGGESTIONS,
      },
    ],
    state: { ...state, pending: { kind: 'confirm-demo' } },
  };
}

/**
 * The answer to the demo offer: yes loads it, no leaves everything as it was. Undefined when the message
 * is something else (a question, another request), which then goes through as if nothing was waiting.
 */
export async function demoTurn(ctx: TurnContext, state: DialogState): Promise<TurnResult | undefined> {
  const { frame } = ctx;
  const answer = frame.yesNo;
  if (answer === true) return addDemo(ctx, state);
  if (answer === false)
    return { replies: [{ template: 'DemoDeclined' }], state: { ...state, pending: undefined } };
  const movedOn = frame.intent !== 'none' && frame.confidence >= 0.6;
  if (movedOn || frame.demo) return undefined;
  return { replies: [{ template: 'DemoOfferAgain', suggestions: OFFER_SUGGESTIONS }], state };
}

async function addDemo(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const { services, input } = ctx;
  const { loadDemo } = await demoLoader();
  const loaded = await loadDemo(services.store, input.userId, input.today, input.now);
  await services.afterImport?.(input.userId);
  return {
    replies: [{ template: 'DemoAdded', data: { ...loaded }, suggestions: starterSuggestions(true) }],
    state: { ...state, pending: undefined, last: undefined },
  };
}

async function removeDemo(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const { services, input } = ctx;
  const removed = await services.store.accounts.removeDemo(input.userId);
  const ownAccounts = (await services.store.accounts.list(input.userId)).length;
  if (removed.accounts === 0) {
    return { replies: [{ template: 'NoDemoToRemove', data: { ownAccounts } }], state };
  }
  return {
    replies: [
      {
        template: 'DemoRemoved',
        data: { ...removed, ownAccounts },
        suggestions: starterSuggestions(ownAccounts > 0),
      },
    ],
    state: { ...state, pending: undefined, last: undefined },
  };
}
