import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAccounts } from '../../src/language/accounts.ts';
import {
  COMMON_WORDS,
  findCategories,
  parseCategorySynonyms,
  tokenize,
} from '../../src/language/entities.ts';
import { findMerchantsExact, findMerchantsFuzzy, indexMerchants } from '../../src/language/merchant-index.ts';
import type { AccountRef } from '../../src/language/types.ts';

const { lexicon, problems } = parseCategorySynonyms(
  readFileSync(join(import.meta.dirname, '../../data/category-synonyms.csv'), 'utf8'),
);
const categoryWords = new Set([...lexicon.phrases.keys()].flatMap((p) => p.split(' ')));
const dictionary = new Set([...COMMON_WORDS, ...categoryWords, 'spend', 'much', 'how', 'did', 'on']);
const ACCOUNTS: AccountRef[] = [
  { id: 1, name: 'Chase Checking', type: 'checking', institution: 'Chase' },
  { id: 2, name: 'Chase Sapphire', type: 'credit_card', institution: 'Chase' },
  { id: 3, name: 'Amex Gold', type: 'credit_card', institution: 'American Express' },
  { id: 4, name: 'Capital One Quicksilver', type: 'credit_card', institution: 'Capital One' },
];
const MERCHANTS = [
  'Starbucks',
  'Amazon',
  'Whole Foods Market',
  'Blue Bottle Coffee',
  'Gas Co',
  "Trader Joe's",
  'Uber',
  'Uber Eats',
];

function merchants(text: string, names = MERCHANTS): { found: string[]; ambiguous?: string[] } {
  const tokens = tokenize(text);
  const free = tokens.map(() => true);
  const index = indexMerchants(names, dictionary, categoryWords);
  const exact = findMerchantsExact(tokens, index, free);
  for (const m of exact.matches) for (let i = m.from; i < m.to; i++) free[i] = false;
  for (const m of findCategories(tokens, lexicon, free, dictionary))
    for (let i = m.from; i < m.to; i++) free[i] = false;
  const found = [...exact.matches, ...findMerchantsFuzzy(tokens, index, free)].map((m) => m.value);
  return exact.ambiguous ? { found, ambiguous: exact.ambiguous.options } : { found };
}

function accounts(text: string): { ids: number[]; ambiguous?: string[] } {
  const tokens = tokenize(text);
  const r = findAccounts(
    tokens,
    ACCOUNTS,
    tokens.map(() => true),
    dictionary,
  );
  return r.ambiguous
    ? { ids: r.matches.map((m) => m.value), ambiguous: r.ambiguous.options }
    : { ids: r.matches.map((m) => m.value) };
}

function categories(text: string): string[] {
  const tokens = tokenize(text);
  return findCategories(
    tokens,
    lexicon,
    tokens.map(() => true),
    dictionary,
  ).map((m) => m.value.key);
}

describe('category synonyms', () => {
  it('is a consistent table', () => expect(problems).toEqual([]));

  it('names only codes of the taxonomy', () => {
    const taxonomy = readFileSync(join(import.meta.dirname, '../../data/categories.csv'), 'utf8');
    const known = new Set(taxonomy.split('\n').flatMap((line) => line.split(',').slice(0, 2)));
    const codes = [...lexicon.phrases.values()].flatMap((ref) => ref.codes);
    expect(codes.filter((code) => !known.has(code))).toEqual([]);
  });

  it.each([
    ['how much on eating out', ['eating_out']],
    ['takeout and dining', ['eating_out', 'eating_out']],
    ['gas and electric bill', ['energy']],
    ['fuel', ['gas']],
    ['restraunts in january', ['eating_out']],
    ['grocerys', ['groceries']],
    ['the weather', []],
  ])('%s → %j', (text, keys) => expect(categories(text)).toEqual(keys));

  it('maps every code to the Plaid taxonomy', () => {
    const known = new Set(
      readFileSync(join(import.meta.dirname, '../fixtures/reference/plaid_pfc_v1.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .flatMap((l) => l.split(',').slice(0, 2)),
    );
    for (const ref of lexicon.phrases.values())
      for (const code of ref.codes) expect(known.has(code), code).toBe(true);
  });
});

describe('merchants from the user’s own data', () => {
  it.each([
    ['whats my spend at starbux', ['Starbucks']],
    ['how much did amzn get', ['Amazon']],
    ['whole foods in feb', ['Whole Foods Market']],
    ['trader joes', ["Trader Joe's"]],
    ['blue bottle', ['Blue Bottle Coffee']],
    ['uber last week', ['Uber']],
  ])('%s → %j', (text, names) => expect(merchants(text).found).toEqual(names));

  it('lets a category word beat a merchant it only partly matches', () => {
    expect(merchants('how much did i spend on gas').found).toEqual([]);
    expect(merchants('coffee last month').found).toEqual([]);
    expect(merchants('the whole year').found).toEqual([]);
  });

  it('takes a merchant named exactly, even when it contains a category word', () => {
    expect(merchants('how much at gas co').found).toEqual(['Gas Co']);
  });

  it('asks when one word names two merchants', () => {
    expect(merchants('whole foods', ['Whole Foods Market', 'Whole Foods Online'])).toEqual({
      found: [],
      ambiguous: ['Whole Foods Market', 'Whole Foods Online'],
    });
  });
});

describe('merchant indexes of several users', () => {
  it('one user having two merchants behind a word does not change what it means for another', () => {
    const one = ['Whole Foods Market', 'Starbucks'];
    const two = ['Whole Foods Market', 'Whole Foods Online', 'Starbucks'];
    expect(merchants('whole foods last month', one)).toEqual({ found: ['Whole Foods Market'] });
    expect(merchants('whole foods last month', two)).toEqual({
      found: [],
      ambiguous: ['Whole Foods Market', 'Whole Foods Online'],
    });
    // Indexes built before and after the other user's stay as they were.
    expect(merchants('whole foods last month', one)).toEqual({ found: ['Whole Foods Market'] });
    expect(merchants('starbux', two)).toEqual({ found: ['Starbucks'] });
  });

  it('reads a name typed as its consonants however much shorter, and a typo a letter or two off in length', () => {
    const names = ['Aeropostale', 'Albertsons', 'Starbucks', 'Uber'];
    expect(merchants('how much at arpstl', names)).toEqual({ found: ['Aeropostale'] });
    expect(merchants('albrtsns last month', names)).toEqual({ found: ['Albertsons'] });
    expect(merchants('spent at aeropostle', names)).toEqual({ found: ['Aeropostale'] });
    expect(merchants('starbks', names)).toEqual({ found: ['Starbucks'] });
    expect(merchants('arpstlx', names)).toEqual({ found: [] });
  });

  it('users with the same merchant share its entries rather than each holding a copy', () => {
    const a = indexMerchants(['Blue Bottle Coffee', 'Uber'], dictionary, categoryWords);
    const b = indexMerchants(['Uber', 'Blue Bottle Coffee', 'Amazon'], dictionary, categoryWords);
    expect(a.aliases.get('blue bottle')).toBeDefined();
    expect(b.aliases.get('blue bottle')).toBe(a.aliases.get('blue bottle'));
    expect(b.aliases.get('uber')).toBe(a.aliases.get('uber'));
    expect([...(a.aliases.get('uber')?.names ?? [])]).toEqual(['Uber']);
  });

  it('an alias naming two of one user’s merchants names both, and the shared one-merchant entry keeps one', () => {
    const alone = indexMerchants(['Uber'], dictionary, categoryWords);
    const both = indexMerchants(['Uber', 'Uber Eats'], dictionary, categoryWords);
    expect([...(both.aliases.get('uber')?.names ?? [])].sort()).toEqual(['Uber', 'Uber Eats']);
    expect([...(both.aliases.get('uber')?.full ?? [])]).toEqual(['Uber']);
    expect([...(alone.aliases.get('uber')?.names ?? [])]).toEqual(['Uber']);
    expect(indexMerchants(['Uber'], dictionary, categoryWords).aliases.get('uber')).toBe(
      alone.aliases.get('uber'),
    );
  });
});

describe('accounts from the user’s own data', () => {
  it.each([
    ['spent on my amex', [3]],
    ['the chase card', [2]],
    ['balance of checking', [1]],
    ['chase sapphire', [2]],
    ['amex gold', [3]],
    ['the capital one card', [4]],
    ['my saphire', [2]],
    ['quicksilver', [4]],
  ])('%s → %j', (text, ids) => expect(accounts(text)).toEqual({ ids }));

  it('asks which when a word fits two accounts', () => {
    expect(accounts('what did i spend on chase')).toEqual({
      ids: [],
      ambiguous: ['Chase Checking', 'Chase Sapphire'],
    });
  });

  it('does not take "card" alone or an account the user does not have', () => {
    expect(accounts('add another card')).toEqual({ ids: [] });
    expect(accounts('hook up my savings')).toEqual({ ids: [] });
  });
});
