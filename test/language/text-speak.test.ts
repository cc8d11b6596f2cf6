import { describe, expect, it } from 'vitest';
import { plainWords } from '../../src/language/text-speak.ts';

describe('text-speak and spoken fillers are written out', () => {
  it.each<[string, string]>([
    ['hw mch did i spend 2day', 'how much did i spend today'],
    ['wat r my tesco trips this wk', 'what are my tesco trips this wk'],
    ['can u show me ur list', 'can you show me your list'],
    ['wats my balance b4 payday', 'whats my balance before payday'],
    ['um so like what did i spend', 'so what did i spend'],
    ['uhh how many erm coffees', 'how many coffees'],
    ['and like what about costa', 'and what about costa'],
    ['have i been to pret like this month', 'have i been to pret this month'],
    ['whats 15% of 80', 'whats 15 percent of 80'],
    ['netflix in 2025 + spotify', 'netflix in 2025 plus spotify'],
    ['no. of lyft rides', 'number of lyft rides'],
    ['savings balance pls and checking balance', 'savings balance and checking balance'],
  ])('"%s" → "%s"', (typed, plain) => {
    expect(plainWords(typed)).toBe(plain);
  });

  it.each([
    'i feel like its every day',
    'i would like to see my spending',
    'like a million times',
    'how much at cos in january',
    'spent $2 at the u-store',
    'no of course not',
    'yes please',
    'anything over R 500 at checkers',
  ])('leaves "%s" as it is', (text) => {
    expect(plainWords(text)).toBe(text);
  });

  it('keeps a new line between two questions', () => {
    expect(plainWords('netflix in jan\nspotify')).toBe('netflix in jan\nspotify');
  });
});
