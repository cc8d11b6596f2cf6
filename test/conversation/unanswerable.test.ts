/**
 * Messages no figure can answer, played through the real conversation on the made-up household
 * (test/fixtures/household; today = 2026-03-05): names that are not in the person's data, meanings Tally does
 * not support (budgets, cancelling, forecasts, advice), periods with no data, nonsense with money
 * words, and other people's money. Every reply is rendered through dialogs/*.lg, and any amount of money in it
 * fails the message unless the line allows that figure (the person's own words echoed back, as in
 * "I can't set a budget of $300 yet"). A confident wrong number is the worst thing a money bot can say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply, Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, realUnderstanding } from '../helpers/chat.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

interface Unanswerable {
  kind: string;
  t: string;
  /** Whose conversation: one of the household's people. */
  user: 'maya' | 'theo';
  /** Figures the reply may contain, because the message itself says them. */
  allow?: string[];
}

const LINES: Unanswerable[] = readFileSync(join(import.meta.dirname, 'data/unanswerable.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Unanswerable);

/**
 * An amount of money as a reply could show it: a symbol before the number (`$12.34`, `£5`, `CA$20`, `-€3`)
 * or a currency code beside it (`12.34 EUR`, `USD 40`).
 */
const MONEY =
  /(?:[A-Z]{0,3}[$£€¥₹]\s?[-−]?\d[\d,]*(?:\.\d+)?)|(?:\b(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|NZD|INR|MXN)\s?[-−]?\d[\d,]*(?:\.\d+)?)|(?:\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|NZD|INR|MXN)\b)/g;

/** The figures in a text, each as its number (so `$300` and `$300.00` are the same figure). */
function moneyFigures(text: string): { text: string; value: number }[] {
  return [...text.matchAll(MONEY)].map((m) => ({
    text: m[0],
    value: Number(m[0].replace(/[^\d.]/g, '')),
  }));
}

/** Everything the person is shown: each reply's text, its suggestions and any card. */
function shown(texts: readonly string[], replies: readonly Reply[]): string {
  return [
    ...texts,
    ...replies.flatMap((r) => r.suggestions ?? []),
    ...replies.map((r) => (r.card ? JSON.stringify(r.card) : '')),
  ].join('\n');
}

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await loadHousehold(store);
});

describe('the figure detector', () => {
  it('finds amounts in every currency form a reply can take, and nothing else', () => {
    const found = moneyFigures(
      '**$4,206.68** on food · £5 · CA$20.00 · 12.34 EUR · USD 40 · -€3.10 · 3 times · 2026 · 15%',
    );
    expect(found.map((f) => f.text)).toEqual(['$4,206.68', '£5', 'CA$20.00', '12.34 EUR', 'USD 40', '€3.10']);
    expect(found.map((f) => f.value)).toEqual([4206.68, 5, 20, 12.34, 40, 3.1]);
  });
});

describe('messages no figure can answer get none', () => {
  it('are at least 100, of every kind', () => {
    expect(LINES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(LINES.map((l) => l.kind))).toEqual(
      new Set(['unknown_merchant', 'unknown_account', 'unsupported', 'no_data', 'nonsense', 'other_people']),
    );
  });

  it.each(LINES.map((l) => [`[${l.kind}] ${l.user}: ${l.t}`, l] as const))('%s', async (_name, line) => {
    const chat = new Chat({
      store,
      understanding,
      userId: line.user,
      today: HOUSEHOLD_TODAY,
      now: HOUSEHOLD_NOW,
    });
    const turn = await chat.say(line.t);
    const text = shown(turn.texts, turn.replies);
    const allowed = new Set((line.allow ?? []).flatMap((a) => moneyFigures(a).map((f) => f.value)));
    const figures = moneyFigures(text).filter((f) => !allowed.has(f.value));
    const templates = turn.replies.map((r) => r.template).join(', ');
    expect(
      figures.map((f) => f.text),
      `${templates}: ${text}`,
    ).toEqual([]);
  });
});
