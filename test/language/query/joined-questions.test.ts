/**
 * Second questions however they are joined, and what they borrow from the first: a subject tacked on after
 * the period, "btw", "as well as", "secondly", a balance beside a balance, and a count, list or total of
 * "those" that is about the first question's subject.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { asker } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LAST_MONTH = '2026-02-01..2026-03-01';
const JANUARY = '2026-01-01..2026-02-01';
const THIS_YEAR = '2026-01-01..2027-01-01';

describe('a subject tacked on after the period is a second question about that period', () => {
  it.each<[string, string, string, string]>([
    ['starbucks last month plus blue bottle', 'mer:Starbucks', 'mer:Blue Bottle Coffee', LAST_MONTH],
    ['how much did shell cost me in january as well as chevron', 'mer:Shell', 'mer:Chevron', JANUARY],
    ['groceries this year then eating out', 'cat:groceries', 'cat:eating out', THIS_YEAR],
    [
      'spend on my chase sapphire in january and on the amex gold',
      'acc:Chase Sapphire',
      'acc:Amex Gold',
      JANUARY,
    ],
    ['amazon last month & best buy', 'mer:Amazon', 'mer:Best Buy', LAST_MONTH],
    ['netflix in january\nspotify', 'mer:Netflix', 'mer:Spotify', JANUARY],
    ['what went on tesco last month, what about shake shack', 'mer:Tesco', 'mer:Shake Shack', LAST_MONTH],
  ])('"%s"', (text, first, second, period) => {
    const b = ask(text).brief;
    expect(b).toMatchObject({ include: [first], periods: [period] });
    expect(b.also).toMatchObject({ include: [second], periods: [period], unplaced: [] });
  });

  it('keeps two names said together before the period as one figure', () => {
    const b = ask('how much on uber and lyft in january').brief;
    expect(b.include).toEqual(['mer:Uber', 'mer:Lyft']);
    expect(b.also).toBeUndefined();
  });

  it('leaves a comparison of the two alone', () => {
    expect(ask('starbucks last month vs blue bottle').brief.also).toBeUndefined();
  });
});

describe('joiners of a second full question', () => {
  it.each([
    'what did i spend at amazon this year btw how much at best buy',
    'how much at amazon this year, by the way what did best buy cost',
    'amazon spending this year as well as what i spent at best buy',
    'first how much went on amazon this year, secondly what did i spend at best buy',
  ])('"%s" asks about Best Buy too', (text) => {
    const b = ask(text).brief;
    expect(b.include).toEqual(['mer:Amazon']);
    expect(b.also?.include).toEqual(['mer:Best Buy']);
    expect(b.also?.periods).toEqual([THIS_YEAR]);
  });

  it('reads a balance beside a balance as two balances', () => {
    const b = ask('ally savings balance plus chase checking balance').brief;
    expect(b).toMatchObject({ measure: 'balance', include: ['acc:Ally Savings'] });
    expect(b.also).toMatchObject({ measure: 'balance', include: ['acc:Chase Checking'] });
  });

  it('takes "oh and btw" at the start as courtesy, not a question', () => {
    const b = ask('oh and btw what did i spend at chipotle in january and how many visits was that').brief;
    expect(b).toMatchObject({ include: ['mer:Chipotle'], periods: [JANUARY] });
    expect(b.also).toMatchObject({ measure: 'count:spent', include: ['mer:Chipotle'] });
  });

  it('reads money in beside money out, each with the same period said twice', () => {
    const b = ask('income last month plus spending last month').brief;
    expect(b).toMatchObject({ measure: 'received', periods: [LAST_MONTH] });
    expect(b.also).toMatchObject({ measure: 'spent', periods: [LAST_MONTH] });
  });
});

describe('a second question about "those" is about the first question', () => {
  it.each<[string, string]>([
    ['what did i spend at tesco last month and how many trips', 'count:spent'],
    ['shake shack spending in january & how many orders', 'count:spent'],
    ['how much went on lyft last month, then how many journeys', 'count:spent'],
    ['tesco spend last month and how many were there', 'count:spent'],
  ])('"%s" counts the same subject', (text, measure) => {
    const b = ask(text).brief;
    expect(b.also).toMatchObject({ measure, include: [b.include[0]], periods: [b.periods[0]] });
  });

  it('keeps the limit and the flow of the first question', () => {
    const over = ask('how many charges over $80 in january and what did they come to').brief;
    expect(over.also).toMatchObject({ measure: 'spent', amount: '8001..', periods: [JANUARY] });
    const paid = ask('what did acme corp pay me last year and how many payments was that').brief;
    expect(paid.also).toMatchObject({ measure: 'count:received', include: ['mer:Acme Corp'] });
  });

  it('counts everything when the second question says so', () => {
    const b = ask('what did i spend at tesco last month and how many transactions overall').brief;
    expect(b.also?.include).toEqual([]);
  });

  it.each([
    'what did i spend at amazon last month and show me the transactions',
    'amazon last month, can you list each one',
    'how much at amazon last month and what were the purchases',
  ])('"%s" lists the same transactions', (text) => {
    const b = ask(text).brief;
    expect(b.also).toMatchObject({ form: 'list', include: ['mer:Amazon'], periods: [LAST_MONTH] });
  });

  it('lists the rides of the shop named, not the taxi category', () => {
    const b = ask('lyft spending in january and list the rides').brief;
    expect(b.also).toMatchObject({ form: 'list', include: ['mer:Lyft'] });
  });

  it('totals a list asked for first', () => {
    const b = ask('show me my uber charges in january and give me the total').brief;
    expect(b).toMatchObject({ form: 'list', include: ['mer:Uber'] });
    expect(b.also).toMatchObject({ form: 'figure', measure: 'spent', include: ['mer:Uber'] });
  });

  it('takes a purchase of the first subject\'s kind as its own, and "my biggest purchase" as everything', () => {
    const fill = ask('petrol in january and what was the biggest fill up').brief;
    expect(fill.also).toMatchObject({ measure: 'largest:spent', include: ['cat:gas'] });
    const biggest = ask('petrol in january and my biggest purchase').brief;
    expect(biggest.also).toMatchObject({ measure: 'largest:spent', include: [] });
  });

  it('reads "its balance" as the account just named', () => {
    const b = ask('what went on the amex gold last month and what is its balance').brief;
    expect(b.also).toMatchObject({ measure: 'balance', include: ['acc:Amex Gold'] });
  });
});
