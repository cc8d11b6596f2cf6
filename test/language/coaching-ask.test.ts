/**
 * What the frame carries for the coaching dialogs, so they never read the text: the pay-cycle ask, a price
 * given alone, the amount or "all of it" of a budget reply, and a short follow-on to the last answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { followOnOf, periodAloneOf } from '../../src/language/coaching-ask.ts';
import type { UserVocabulary } from '../../src/language/types.ts';
import type { Understanding } from '../../src/language/understand.ts';
import { realUnderstanding } from '../helpers/chat.ts';

const TODAY = '2026-03-10';
const NONE: UserVocabulary = { accounts: [], merchants: [] };
let understanding: Understanding;
const frameOf = (text: string) => understanding.understand(text, TODAY, NONE);

beforeAll(async () => {
  understanding = (await realUnderstanding()) as Understanding;
});

describe('followOnOf', () => {
  it.each([
    'and the one after?',
    'the one after that',
    'and the following one',
    'what about the month after?',
    'and the month after that',
    'after that?',
  ])('reads "%s" as one step on', (text) => {
    expect(followOnOf(text.toLowerCase().replace(/[?]/g, ''))).toEqual({ kind: 'step' });
  });

  it.each([
    ['and in march', {}],
    ['what about january', {}],
    ['how about next month', { nextMonth: true }],
    ['and for april 2027', { yearSaid: true }],
    ['ok and last month', {}],
  ])('reads "%s" as the same question again', (text, extra) => {
    expect(followOnOf(text)).toEqual({ kind: 'again', ...extra });
  });

  it.each(['when is my next payday', 'what bills are coming up before payday this week or next', 'march'])(
    'leaves "%s" as a message of its own',
    (text) => expect(followOnOf(text)).toBeUndefined(),
  );
});

describe('periodAloneOf', () => {
  const at = (text: string, words: string) => ({ index: text.indexOf(words), length: words.length });
  it.each([
    ['February?', 'February', {}],
    ['in March', 'March', {}],
    ['ok, for January 2026 then', 'January 2026', { yearSaid: true }],
  ])('reads "%s" as the same question again', (text, words, extra) => {
    expect(periodAloneOf(text, at(text, words))).toEqual({ kind: 'again', ...extra });
  });

  it('leaves a question that says more than its period', () => {
    const text = 'coffee in March';
    expect(periodAloneOf(text, at(text, 'March'))).toBeUndefined();
  });
});

describe('the frame', () => {
  it('carries what a pay-cycle question asks beyond its intent', () => {
    expect(frameOf('can I afford $450 before Friday?').payCycle).toMatchObject({
      amountMinor: 45000,
      until: '2026-03-13',
      lowPoint: false,
    });
    expect(frameOf('will I run out of money before payday?').payCycle?.lowPoint).toBe(true);
    expect(frameOf('how many days till I get paid?').payCycle).toMatchObject({
      howLong: true,
      howMuch: false,
    });
    expect(frameOf('how much do I get paid?').payCycle).toMatchObject({ howMuch: true });
    expect(frameOf('can I afford a mortgage?').payCycle?.commitment).toBe('a mortgage');
    expect(frameOf('can I afford a new laptop?').payCycle?.commitment).toBeUndefined();
    expect(frameOf('which bills land between my next two paydays?').payCycle?.nextCycle).toBe(true);
    expect(frameOf('how much did I spend on coffee last month?').payCycle).toBeUndefined();
  });

  it('carries a price said alone, and not one inside a question', () => {
    expect(frameOf('about 900').price).toEqual({ minor: 90000 });
    expect(frameOf("it's around $1,200 I think").price).toMatchObject({ minor: 120000 });
    expect(frameOf('spent $900 on groceries?').price).toBeUndefined();
  });

  it('carries the amount and "all of it" of a reply to a budget question', () => {
    expect(frameOf('250 a month').amountSaid).toEqual({ minor: 25000 });
    expect(frameOf('everything').wholeSpending).toBe(true);
    expect(frameOf('all my spending please').wholeSpending).toBe(true);
    expect(frameOf('groceries').wholeSpending).toBeUndefined();
  });

  it('carries a follow-on with the categories it names, whatever the intent keeps', () => {
    expect(frameOf('what about groceries?').followOn).toMatchObject({
      kind: 'again',
      categories: [expect.objectContaining({ label: 'groceries' })],
    });
    expect(frameOf('and in March?').followOn).toEqual({ kind: 'again' });
    expect(frameOf('how much did I spend on groceries in March?').followOn).toBeUndefined();
  });
});
