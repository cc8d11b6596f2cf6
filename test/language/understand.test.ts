import { beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_VOCABULARY, LU_DIR, SYNONYMS_FILE } from '../../src/cli/eval-language.ts';
import { createUnderstanding, maskSpans, type Understanding } from '../../src/language/understand.ts';

const TODAY = '2026-03-10';
let u: Understanding;
beforeAll(async () => {
  u = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});
const say = (text: string) => u.understand(text, TODAY, HELDOUT_VOCABULARY);

describe('understand', () => {
  it('reads a spending question with a category and a period', () => {
    const f = say('How much went on groceries last month?');
    expect(f.intent).toBe('spending');
    expect(f.categories.map((c) => c.key)).toEqual(['groceries']);
    expect(f.periods.map((p) => [p.start, p.end])).toEqual([['2026-02-01', '2026-03-01']]);
  });

  it('turns "X vs Y" into a comparison of two periods, in the order said', () => {
    const f = say('dining feb vs jan');
    expect(f.intent).toBe('compare');
    expect(f.periods.map((p) => p.start)).toEqual(['2026-02-01', '2026-01-01']);
  });

  it('groups a breakdown by what the user names', () => {
    expect(say('break down last month by merchant')).toMatchObject({
      intent: 'breakdown',
      groupBy: 'merchant',
    });
    expect(say('break down my spending')).toMatchObject({ intent: 'breakdown', groupBy: 'category' });
  });

  it('answers "biggest merchant" with the top one merchant', () => {
    expect(say('What was my biggest merchant in November?')).toMatchObject({
      intent: 'top',
      groupBy: 'merchant',
      top: 1,
    });
    expect(say('top 3 categories this year')).toMatchObject({ intent: 'top', groupBy: 'category', top: 3 });
  });

  it('takes "how much money do i have" as a balance question', () => {
    expect(say('How much money do I have?').intent).toBe('balance');
  });

  it('reads alert switches both ways', () => {
    expect(say('turn alerts off')).toMatchObject({ intent: 'alerts', toggle: false });
    expect(say('switch on notifications')).toMatchObject({ intent: 'alerts', toggle: true });
  });

  it('reads a category correction, keeping the category not negated', () => {
    const f = say('Blue Bottle is coffee');
    expect(f.intent).toBe('correct_category');
    expect(f.correction?.merchantText).toBe('blue bottle');
    expect(f.correction?.category.key).toBe('coffee');
    expect(say('starbucks isnt eating out its coffee').correction?.category.key).toBe('coffee');
  });

  it('asks which account when "chase" fits two', () => {
    expect(say('spending on chase in feb').ambiguous).toEqual({
      kind: 'account',
      text: 'chase',
      options: ['Chase Checking', 'Chase Sapphire'],
    });
  });

  it('does not read periods into small talk', () => {
    expect(say('good morning')).toMatchObject({ intent: 'greeting', periods: [] });
  });

  it('says none to things it does not handle', () => {
    expect(say('what is the weather in paris tomorrow').intent).toBe('none');
    expect(say('').intent).toBe('none');
  });

  it('copes with huge and odd input without throwing', () => {
    expect(() => say('groceries '.repeat(100_000))).not.toThrow();
    expect(say('💸💸💸 {{{ }}} \u0000').intent).toBe('none');
    expect(say(undefined as unknown as string).intent).toBe('none');
  });
});

describe('maskSpans', () => {
  it('replaces entities with placeholders so the classifier learns wording, not names', () => {
    expect(
      maskSpans('how much at starbucks last month', [
        { index: 12, length: 9, name: 'merchant' },
        { index: 22, length: 10, name: 'period' },
      ]),
    ).toBe('how much at {merchant} {period}');
  });
});
