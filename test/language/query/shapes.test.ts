import { beforeAll, describe, expect, it } from 'vitest';
import { asker, framer, type Brief } from './helpers.ts';

/**
 * Shapes of question read from where their words sit: exclusions before, around or after the names, a figure
 * per purchase, a single day's peak, the largest charge on a kind of account, amounts against periods, side by
 * side subjects, and two questions or two periods in one message.
 */
let ask: Awaited<ReturnType<typeof asker>>;
let frameOf: Awaited<ReturnType<typeof framer>>;
beforeAll(async () => {
  ask = await asker();
  frameOf = await framer();
});
const LM = '2026-02-01..2026-03-01';
const JAN = '2026-01-01..2026-02-01';
const DEC = '2025-12-01..2026-01-01';
const PER_PURCHASE = 'average:spent/transaction';

describe('an exclusion is never read as the subject, wherever its words sit', () => {
  it.each<[string, Partial<Brief>]>([
    ['knocking the rent out, what did i spend in january', { exclude: ['cat:rent'], periods: [JAN] }],
    ['leave out starbucks: coffee last month', { include: [], exclude: ['mer:Starbucks'], periods: [LM] }],
    ['coffee in january, starbucks excluded', { include: ['cat:coffee'], exclude: ['mer:Starbucks'] }],
    ['everything in december with amazon set aside', { include: [], exclude: ['mer:Amazon'] }],
    ['spending last month, leaving the amex out of it', { include: [], exclude: ['acc:Amex Gold'] }],
    ['take out the uber: what did january cost?', { include: [], exclude: ['mer:Uber'], periods: [JAN] }],
    ['spending last month less rent', { include: [], exclude: ['cat:rent'] }],
    ['groceries aside, what did december come to', { include: [], exclude: ['cat:groceries'] }],
    ['lyft and uber taken out, my spending last month', { exclude: ['mer:Lyft', 'mer:Uber'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject({ ...want, unplaced: [] }));

  it('a comma ends what is set aside before it', () => {
    expect(ask('eating out, chipotle aside, in january').brief).toMatchObject({
      include: ['cat:eating out'],
      exclude: ['mer:Chipotle'],
    });
  });

  it('"less" that weighs is a comparison, not an exclusion', () => {
    expect(ask('did i buy less groceries in february than in january').brief).toMatchObject({
      include: ['cat:groceries'],
      exclude: [],
      comparison: 'periods',
    });
  });

  it('"put aside for savings" leaves nothing out', () => {
    expect(ask('how much did i put aside for savings last month').brief.exclude).toEqual([]);
  });

  it('keeps "take out" as takeaways when nothing is taken out', () => {
    expect(ask('how much went on take out last week').brief).toMatchObject({
      include: ['cat:eating out'],
      exclude: [],
    });
  });

  it('leaves the cue words out of the frame as well as the query', () => {
    const { frame } = ask('take out the rent: what did february cost me?');
    expect(frame.categories.map((c) => c.label)).toEqual([]);
  });

  it('"other than" does not make a comparison with the month before', () => {
    const b = ask('spending other than eating out last month').brief;
    expect(b).toMatchObject({ exclude: ['cat:eating out'], periods: [LM] });
    expect(b.comparison).toBeUndefined();
  });
});

describe('a figure per purchase is a mean per transaction', () => {
  it.each<[string, Partial<Brief>]>([
    ['on average what does one uber ride cost me this year', { include: ['mer:Uber'] }],
    ['how much per order at amazon', { include: ['mer:Amazon'], defaulted: 'all-linked' }],
    ['what is a typical chipotle meal for me', { include: ['mer:Chipotle'] }],
    ['how much do i usually spend each visit to tesco', { include: ['mer:Tesco'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject({ measure: PER_PURCHASE, ...want }));

  it('"over $40 per meal" is a limit on each meal, not an average', () => {
    expect(ask('spending on eating out over $40 per meal last month').brief).toMatchObject({
      measure: 'spent',
      amount: '4001..',
    });
  });

  it('an average with a time unit stays per month', () => {
    expect(ask('on average how much do i spend on coffee a month').brief.measure).toBe('average:spent/month');
  });
});

describe('a single-day peak is the top day of a daily series', () => {
  it.each<[string, string, string]>([
    ['the most i spent on a single day in january', JAN, 'top 1'],
    ['my priciest day in december', DEC, 'top 1'],
    ['the least i spent in one day last month', LM, 'bottom 1'],
    ['my 3 biggest spending days last month', LM, 'top 3'],
  ])('"%s"', (text, within, ranking) => {
    const b = ask(text).brief;
    expect(b).toMatchObject({ series: `day:${within}`, ranking, periods: [], unplaced: [] });
  });
});

describe('the largest charge on a kind of account', () => {
  it.each([
    'my biggest credit card charge in january',
    'largest purchase on a credit card in january',
    'the biggest card transaction in january',
  ])('"%s"', (text) => {
    expect(ask(text).brief).toMatchObject({
      measure: 'largest:spent',
      include: ['type:credit_card'],
      periods: [JAN],
      unknown: [],
    });
  });
});

describe('amounts and periods', () => {
  it('"over the last 6 months" is a period, not an amount', () => {
    const b = ask('groceries over the last 6 months').brief;
    expect(b.amount).toBeUndefined();
    expect(b.periods).toEqual(['2025-09-11..2026-03-11']);
  });

  it("a payer's deposits over a span are their total", () => {
    expect(ask('acme deposits over the past 3 months').brief).toMatchObject({
      measure: 'received',
      include: ['mer:Acme Corp'],
      form: 'figure',
    });
  });

  it('a bare number before "this year" is still the amount', () => {
    expect(ask('any charges above 200 this year').brief).toMatchObject({
      measure: 'spent',
      amount: '20001..',
      form: 'list',
      periods: ['2026-01-01..2027-01-01'],
    });
  });

  it('charges under an amount are spending', () => {
    expect(ask('show me charges under $15 in december').brief).toMatchObject({
      measure: 'spent',
      amount: '..1499',
      form: 'list',
    });
  });
});

describe('side by side and two at once', () => {
  it.each<[string, string[][]]>([
    ['shell vs chevron, each with its own total, last year', [['mer:Shell'], ['mer:Chevron']]],
    ['my tesco total and my chipotle total', [['mer:Tesco'], ['mer:Chipotle']]],
    ['netflix and spotify individually', [['mer:Netflix'], ['mer:Spotify']]],
    [
      'which card did i use most in january, the amex gold and the chase sapphire',
      [['acc:Amex Gold'], ['acc:Chase Sapphire']],
    ],
  ])('"%s"', (text, subjects) => {
    expect(ask(text).brief).toMatchObject({ comparison: 'subjects', subjects });
  });

  it.each([
    ['monzo against amex in january: which card did i use more?', 'monzo:account'],
    ['the amex or my revolut card, which did i use more last month', 'revolut:account'],
    ['costco vs target last month', 'costco:merchant'],
  ])('names what it does not know beside a known name: "%s"', (text, unknown) => {
    expect(ask(text).brief.unknown).toContain(unknown);
  });

  it('asks which Chase rather than ranking the other card alone', () => {
    const frame = frameOf('chase against amex in january: which card did i use more?');
    expect(frame.ambiguous?.options).toEqual(['Chase Checking', 'Chase Sapphire']);
  });

  it('two periods weighed are compared; two periods listed are answered in turn', () => {
    expect(ask('did i spend less on coffee in january or december').brief).toMatchObject({
      comparison: 'periods',
      periods: [JAN, DEC],
    });
    expect(ask('how much did i spend in january and february').brief.comparison).toBeUndefined();
  });

  it('"…and my biggest purchase" is a second question over the first one\'s period', () => {
    expect(ask('coffee in december and my largest purchase').brief).toMatchObject({
      include: ['cat:coffee'],
      measure: 'spent',
      also: { measure: 'largest:spent', periods: [DEC], include: [] },
    });
  });
});
