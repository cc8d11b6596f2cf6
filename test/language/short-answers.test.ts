import { describe, expect, it } from 'vitest';
import { accountTypeOf, ordinalOf, yesNoOf } from '../../src/language/short-answers.ts';

describe('yesNoOf', () => {
  it.each([
    ['yes', true],
    ['Yep', true],
    ['yes, delete everything', true],
    ['ok go ahead', true],
    ['sure thing', true],
    ['no', false],
    ['no thanks', false],
    ['nope', false],
    ["don't", false],
    ['keep it', false],
  ] as const)('reads "%s" as %s', (text, want) => expect(yesNoOf(text, 'none')).toBe(want));

  it('leaves questions and requests alone', () => {
    expect(yesNoOf('how much did i spend last month', 'spending')).toBeUndefined();
    expect(yesNoOf('ok how much on groceries', 'spending')).toBeUndefined();
    expect(yesNoOf('notifications please', 'alerts')).toBeUndefined();
  });

  it('takes the intent when the words are not in its lists, and counts cancel as no', () => {
    expect(yesNoOf('i reckon so', 'yes')).toBe(true);
    expect(yesNoOf("i'd rather not", 'no')).toBe(false);
    expect(yesNoOf('forget it', 'cancel')).toBe(false);
  });
});

describe('ordinalOf', () => {
  it.each([
    ['the second one', 2],
    ['first', 1],
    ['2nd', 2],
    ['2', 2],
    ['number 3', 3],
    ['option 1', 1],
    ['the last one', -1],
    ['I meant the first one', 1],
    ['the third account', 3],
  ] as const)('reads "%s" as %s', (text, want) => expect(ordinalOf(text)).toBe(want));

  it('is not a pick inside a longer question', () => {
    expect(ordinalOf('the second week of may')).toBeUndefined();
    expect(ordinalOf('spending in the first quarter')).toBeUndefined();
    expect(ordinalOf('top')).toBeUndefined();
    expect(ordinalOf('one')).toBeUndefined();
    expect(ordinalOf('2025')).toBeUndefined();
  });
});

describe('accountTypeOf', () => {
  it.each([
    ['a credit card', 'credit_card'],
    ['my visa', 'credit_card'],
    ['it is a current account', 'checking'],
    ['checking', 'checking'],
    ['debit card', 'checking'],
    ['savings', 'savings'],
    ['the rainy day account', 'savings'],
  ] as const)('reads "%s" as %s', (text, want) => expect(accountTypeOf(text)).toBe(want));

  it('does not take gift cards or plain words for accounts', () => {
    expect(accountTypeOf('how much on gift cards')).toBeUndefined();
    expect(accountTypeOf('how much did i spend')).toBeUndefined();
  });
});
