import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

/**
 * Questions of every kind, written before the rules they exercise were tuned on them; a line states only the
 * parts of the query it is about. `unplacedHas`/`unknownHas` ask that a word be named as not understood.
 */
let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LM = '2026-02-01..2026-03-01';
const JAN = '2026-01-01..2026-02-01';
const DEC = '2025-12-01..2026-01-01';
type Want = Omit<Partial<Brief>, 'also'> & {
  unplacedHas?: string;
  unknownHas?: string;
  unknownHasNot?: string;
  also?: Partial<Brief>;
};

const CASES: [string, string, Want][] = [
  [
    'exclusion',
    'what did i spend in january besides rent',
    { exclude: ['cat:rent'], include: [], periods: [JAN] },
  ],
  [
    'exclusion',
    'groceries excluding whole foods last month',
    { include: ['cat:groceries'], exclude: ['mer:Whole Foods Market'], periods: [LM] },
  ],
  [
    'exclusion',
    'how much did i spend in december other than on travel',
    { exclude: ['cat:travel'], periods: [DEC] },
  ],
  [
    'exclusion',
    'spending last month ignoring the chase sapphire',
    { exclude: ['acc:Chase Sapphire'], periods: [LM] },
  ],
  ['exclusion', 'everything except amazon and netflix this year', { exclude: ['mer:Amazon', 'mer:Netflix'] }],
  ['exclusion', 'what did i spend without my rent', { exclude: ['cat:rent'], include: [] }],
  ['exclusion', 'coffee but not starbucks', { include: ['cat:coffee'], exclude: ['mer:Starbucks'] }],
  [
    'subjects',
    'uber or lyft last month, which was more',
    { comparison: 'subjects', subjects: [['mer:Uber'], ['mer:Lyft']], periods: [LM] },
  ],
  [
    'subjects',
    'coffee vs alcohol this year',
    { comparison: 'subjects', subjects: [['cat:coffee'], ['cat:alcohol']] },
  ],
  [
    'subjects',
    'did i use the amex or the discover more in january',
    { comparison: 'subjects', subjects: [['acc:Amex Gold'], ['acc:Discover It']], periods: [JAN] },
  ],
  [
    'subjects',
    'compare spending at chipotle with shake shack',
    { comparison: 'subjects', subjects: [['mer:Chipotle'], ['mer:Shake Shack']] },
  ],
  [
    'subjects',
    'netflix vs spotify vs amazon',
    { comparison: 'subjects', subjects: [['mer:Netflix'], ['mer:Spotify'], ['mer:Amazon']] },
  ],
  [
    'two',
    'how much on coffee this month and how many times did i go to starbucks',
    { include: ['cat:coffee'], also: { measure: 'count:spent', include: ['mer:Starbucks'] } },
  ],
  [
    'two',
    'what did i spend in december? what about november?',
    { periods: [DEC], also: { periods: ['2025-11-01..2025-12-01'] } },
  ],
  [
    'two',
    'how much did i spend on groceries last month? and on eating out?',
    { include: ['cat:groceries'], also: { include: ['cat:eating out'], periods: [LM] } },
  ],
  [
    'series',
    'how much did i spend on coffee each month this year',
    { series: 'month:2026-01-01..2027-01-01', include: ['cat:coffee'] },
  ],
  ['series', 'my spending week by week since february', { series: 'week:2026-02-01..2026-03-11' }],
  [
    'superlative',
    'which month did i spend the most on amazon',
    { groupBy: 'month', ranking: 'top 1', include: ['mer:Amazon'] },
  ],
  ['superlative', 'what was my cheapest month', { groupBy: 'month', ranking: 'bottom 1' }],
  [
    'superlative',
    'biggest single purchase on the chase sapphire',
    { measure: 'largest:spent', include: ['acc:Chase Sapphire'] },
  ],
  ['superlative', 'what was my largest expense in december', { measure: 'largest:spent', periods: [DEC] }],
  [
    'superlative',
    'which category did i spend the least on last month',
    { groupBy: 'category', ranking: 'bottom 1', periods: [LM] },
  ],
  [
    'threshold',
    'show me charges over $75 on the amex',
    { form: 'list', amount: '7501..', include: ['acc:Amex Gold'] },
  ],
  ['threshold', 'any purchases under $3 last week', { form: 'list', amount: '..299' }],
  [
    'threshold',
    'transactions between $100 and $200 in january',
    { form: 'list', amount: '10000..20000', periods: [JAN] },
  ],
  [
    'threshold',
    'list amazon purchases of more than 40 dollars',
    { form: 'list', amount: '4001..', include: ['mer:Amazon'] },
  ],
  [
    'count',
    'how many times did i buy coffee last month',
    { measure: 'count:spent', include: ['cat:coffee'], periods: [LM] },
  ],
  [
    'count',
    'how often did i eat out in december',
    { measure: 'count:spent', include: ['cat:eating out'], periods: [DEC] },
  ],
  ['count', 'how many amazon orders this year', { measure: 'count:spent', include: ['mer:Amazon'] }],
  ['average', 'what is my average spend per day this month', { measure: 'average:spent/day' }],
  [
    'average',
    'average weekly grocery spending',
    { measure: 'average:spent/week', include: ['cat:groceries'] },
  ],
  [
    'average',
    'how much does a typical uber ride cost me',
    { measure: 'average:spent/transaction', include: ['mer:Uber'] },
  ],
  [
    'average',
    'how much do i spend on coffee per month on average',
    { measure: 'average:spent/month', include: ['cat:coffee'] },
  ],
  [
    'payer',
    'what did acme pay me in december',
    { measure: 'received', include: ['mer:Acme Corp'], periods: [DEC] },
  ],
  [
    'payer',
    'how much money did i receive from acme corp this year',
    { measure: 'received', include: ['mer:Acme Corp'] },
  ],
  ['net', 'how much did i manage to save in january', { measure: 'saved', periods: [JAN] }],
  ['net', 'what was my net income last month', { measure: 'net', periods: [LM] }],
  [
    'default',
    'how much have i spent at chipotle',
    { periods: [], defaulted: 'all-linked', include: ['mer:Chipotle'] },
  ],
  ['default', 'what did i spend', { periods: [], defaulted: 'latest-complete-month' }],
  [
    'default',
    'where does my money go',
    { periods: [], defaulted: 'latest-complete-month', form: 'breakdown' },
  ],
  ['unplaced', 'how much can i afford to spend on rent', { unplacedHas: 'afford' }],
  ['unplaced', 'which subscriptions could i cancel', { unplacedHas: 'cancel' }],
  ['unplaced', 'predict my spending next month', { unplacedHas: 'predict' }],
  ['unknown', 'how much did i spend at safeway last month', { unknownHas: 'safeway:merchant' }],
  ['unknown', 'how much have i paid to comcast', { unknownHas: 'comcast:merchant' }],
  ['unknown', 'did initech pay me in january', { unknownHas: 'initech:payer' }],
  ['unknown', 'how much at trader vics', { unknownHas: 'trader vics:merchant' }],
  [
    'ordinary',
    'how do my coffee costs stack up this year',
    { include: ['cat:coffee'], unknown: [], unplaced: [] },
  ],
  ['ordinary', 'my account is draining fast, what did i spend this week', { include: [], unknown: [] }],
  ['ordinary', 'what did i spend at the table restaurant', { unknownHasNot: 'cable' }],
  ['vocab', 'how much did the weekly shop cost in january', { include: ['cat:groceries'], periods: [JAN] }],
  ['vocab', 'what did i spend on petrol last month', { include: ['cat:gas'] }],
  [
    'vocab',
    'how much went out of my current account in december',
    { include: ['acc:Chase Checking'], periods: [DEC] },
  ],
  ['vocab', 'how much have i blown at amazon this month', { include: ['mer:Amazon'], measure: 'spent' }],
  [
    'vocab',
    'total damage at whole foods last month',
    { include: ['mer:Whole Foods Market'], measure: 'spent' },
  ],
  ['vocab', 'what were my outgoings in january', { measure: 'spent', periods: [JAN] }],
  ['vocab', 'how much at chipotel last month', { include: ['mer:Chipotle'] }],
  ['vocab', 'spending on the amex gld', { include: ['acc:Amex Gold'] }],
  ['vocab', 'how much did i spend on takeaways this fortnight', { include: ['cat:eating out'] }],
];

describe('questions of every kind', () => {
  it.each(CASES)('%s: "%s"', (_kind, text, want) => {
    const { unplacedHas, unknownHas, unknownHasNot, ...parts } = want;
    const b = ask(text).brief;
    expect(b).toMatchObject(parts);
    if (unplacedHas) expect(b.unplaced.join(' ')).toContain(unplacedHas);
    if (unknownHas) expect(b.unknown).toContain(unknownHas);
    if (unknownHasNot) expect(b.unknown).not.toContain(unknownHasNot);
  });
});
