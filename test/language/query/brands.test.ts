import { beforeAll, describe, expect, it } from 'vitest';
import type { Understanding } from '../../../src/language/understand.ts';
import type { UserVocabulary } from '../../../src/language/types.ts';
import { brief, TODAY, understanding } from './helpers.ts';

/** Someone who has never paid Whole Foods, Best Buy, Shell or Planet Fitness. */
const OTHER: UserVocabulary = {
  merchants: ['Safeway', 'Chevron', 'Netflix'],
  accounts: [{ id: 7, name: 'Wells Fargo Checking', type: 'checking', institution: 'Wells Fargo' }],
};

let u: Understanding;
beforeAll(async () => {
  u = await understanding();
});
const ask = (text: string) => {
  const f = u.understand(text, TODAY, OTHER);
  if (!f.understood) throw new Error(`"${text}" was read as ${f.intent}`);
  return brief(f.understood);
};

describe("well-known merchants that are not in the user's data", () => {
  it.each<[string, string]>([
    ['how much did i spend at whole foods last month', 'whole foods:merchant'],
    ['any best buy charges over $100', 'best buy:merchant'],
    ['planet fitness charges', 'planet fitness:merchant'],
    ['shell gas in february', 'shell:merchant'],
    ['how much at Boots', 'boots:merchant'],
  ])('"%s" names %s and reads no category into its words', (text, name) => {
    const b = ask(text);
    expect(b.unknown).toContain(name);
    expect(b.include.filter((i) => i.startsWith('cat:food') || i.startsWith('cat:fitness'))).toEqual([]);
  });

  it('leaves an ordinary word that is also a shop alone', () => {
    expect(ask('how much did i shell out last month').unknown).toEqual([]);
    expect(ask('how much did i spend on food last month').unknown).toEqual([]);
  });

  it('names an account the user does not have', () => {
    expect(ask('balance of my chase account').unknown).toEqual(['chase:account']);
    expect(ask('how much did i spend on my visa last month').unknown).toEqual(['visa:account']);
  });

  it("reads the user's own merchant as theirs", () => {
    expect(ask('how much at chevron in february').include).toEqual(['mer:Chevron']);
  });
});
