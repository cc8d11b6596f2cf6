import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

/**
 * Which way the money flows and what form the answer takes, where one word could pull the wrong way:
 * "made" with purchases as its object, one expense named in the singular, and a bare "any … on <day>?".
 */
let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});

describe('"made" is pay only when money is what was made', () => {
  it.each<[string, Partial<Brief>]>([
    ['which charges over $50 did I make last month?', { measure: 'spent', form: 'list' }],
    ['what purchases above $200 did we make in january', { measure: 'spent', form: 'list' }],
    ['list the payments over $100 I made in december', { measure: 'spent', form: 'list' }],
    ['the orders I made at amazon last month', { measure: 'spent', include: ['mer:Amazon'] }],
    ['how much did I make in february', { measure: 'received', form: 'figure' }],
    ['what did we make last month', { measure: 'received' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('one expense named in the singular is its amount', () => {
  it.each<[string, Partial<Brief>]>([
    ['what is my fuel expense for january month?', { include: ['cat:gas'], form: 'figure' }],
    ["what's my coffee expense in december", { include: ['cat:coffee'], form: 'figure' }],
    ['what was our grocery bill last month', { include: ['cat:groceries'], form: 'figure' }],
    ['what were my coffee expenses in december', { include: ['cat:coffee'], form: 'list' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('"any <subject> <when>?" asks about spending', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'any shopping on black friday?',
      { measure: 'spent', include: ['cat:shopping'], periods: ['2025-11-28..2025-11-29'] },
    ],
    ['any groceries last weekend', { measure: 'spent', include: ['cat:groceries'] }],
    [
      'anything at starbucks yesterday?',
      { measure: 'spent', include: ['mer:Starbucks'], periods: ['2026-03-09..2026-03-10'] },
    ],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject({ ...want, unplaced: [] }));
});
