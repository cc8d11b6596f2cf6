/**
 * Every findings reply — unusual and duplicate charges, subscriptions, price rises, alerts — rendered through the
 * real templates on the demo household: no internal key (a snake_case or SCREAMING_CASE code) reaches the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsForAlert, unusualItem } from '../../src/conversation/findings.ts';
import type { Understanding } from '../../src/conversation/types.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { findUnusualCharges } from '../../src/insights/anomalies.ts';
import type { Txn } from '../../src/insights/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, realUnderstanding } from '../helpers/chat.ts';
import { memoryStore } from '../helpers/store.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');
const USER = 'findings-user';
const INTERNAL_KEY = /\b[a-z]+_[a-z_]+\b|\b[A-Z]+_[A-Z_]+\b/;

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await loadDemo(store, USER, TODAY, NOW);
});

const QUESTIONS: [string, string][] = [
  ['any unusual charges?', 'UnusualCharges'],
  ['anything unusual in April 2025?', 'UnusualCharges'],
  ['anything unusual this year?', 'UnusualCharges'],
  ['any duplicate charges?', 'DuplicateCharges'],
  ['duplicates last month', 'DuplicateCharges'],
  ['show my subscriptions', 'Subscriptions'],
  ['have any subscriptions gone up?', 'PriceRises'],
];

describe('findings replies', () => {
  it.each(QUESTIONS)('"%s" is answered in words, without internal keys', async (says, template) => {
    const chat = new Chat({ store, understanding, userId: USER, today: TODAY, now: NOW });
    const turn = await chat.say(says);
    expect(turn.replies[0]?.template).toBe(template);
    for (const text of turn.texts) expect(text).not.toMatch(INTERNAL_KEY);
  });

  it('never calls rent or another fixed bill unusual', async () => {
    const chat = new Chat({ store, understanding, userId: USER, today: TODAY, now: NOW });
    const turn = await chat.say('anything unusual this year?');
    expect(turn.texts.join('\n')).not.toMatch(/Oakwood|PG&E|EBMUD|GEICO|Comcast/);
  });

  it('words every alert without internal keys', async () => {
    const history = await store.queries.history(USER, '2025-01-01');
    const alerts = await findingsForAlert(store, USER, TODAY, new Set(history.map((t) => t.id)));
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(alert.text).not.toMatch(INTERNAL_KEY);
  });

  it('names a primary category by its label when it measures a charge against it', () => {
    const at = (date: string, amountMinor: number, merchant: string, category: string, id: number): Txn => ({
      id,
      date,
      amountMinor: -amountMinor,
      currency: 'USD',
      merchant,
      category,
      accountId: 1,
      description: merchant.toUpperCase(),
      flow: 'spending',
    });
    const history = [
      ...Array.from({ length: 12 }, (_, i) =>
        at(
          `2025-${String(i + 1).padStart(2, '0')}-05`,
          4_000 + i * 100,
          `Shop ${i}`,
          'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES',
          i + 1,
        ),
      ),
      at('2025-11-20', 3_000, 'Target', 'GENERAL_MERCHANDISE_SUPERSTORES', 100),
      at('2026-02-20', 60_000, 'Target', 'GENERAL_MERCHANDISE_SUPERSTORES', 101),
    ];
    const [flag] = findUnusualCharges(history, { since: '2026-02-01', today: TODAY });
    expect(flag?.categoryLabelKey).toBe('GENERAL_MERCHANDISE');
    const item = unusualItem(flag!);
    expect(item.detail).toContain('your usual shopping charge');
    expect(`${item.title} ${item.detail}`).not.toMatch(INTERNAL_KEY);
  });
});
