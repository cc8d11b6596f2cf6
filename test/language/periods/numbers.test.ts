import { describe, expect, it } from 'vitest';
import { normalise, originalSpan } from '../../../src/language/periods/normalise.ts';
import { isSpelled } from '../../../src/language/periods/numbers.ts';

const digits = (text: string) => normalise(text).text;

describe('numbers written in words become digits', () => {
  it.each([
    ['the ninth of april', 'the 9th of april'],
    ['february twenty second', 'february 22nd'],
    ['from the twenty-seventh to the third', 'from the 27th to the 3rd'],
    ['the thirty first', 'the 31st'],
    ['in nineteen ninety six', 'in 1996'],
    ['in nineteen oh five', 'in 1905'],
    ['in nineteen hundred ninety three', 'in 1993'],
    ['in two thousand and fifteen', 'in 2015'],
    ['in one thousand seven hundred and eighty nine', 'in 1789'],
    ['year two hundred and sixty seven', 'year 267'],
    ['twenty five january', '25 january'],
    ['ten days ago', '10 days ago'],
  ])('"%s" reads "%s"', (text, expected) => {
    expect(digits(text)).toBe(expected);
  });

  it.each([
    ['the nineteen seventies', 'the 1970s'],
    ['the twenty-tens', 'the 2010s'],
    ['the two thousand and tens', 'the 2010s'],
    ['the two thousands', 'the 2000s'],
    ['the noughties', 'the 2000s'],
    ['the nineties', 'the 90s'],
  ])('names the decade in "%s" as "%s"', (text, expected) => {
    expect(digits(text)).toBe(expected);
  });

  it('leaves large amounts alone unless the words around them make them a year', () => {
    expect(digits('i spent two thousand on rent')).toBe('i spent two thousand on rent');
    expect(digits('october two thousand')).toBe('october 2000');
    expect(digits('tens of dollars')).toBe('tens of dollars');
  });

  it('maps the digits back to the words they came from', () => {
    const text = 'Spent on the Twenty-Second?';
    const n = normalise(text);
    const at = n.text.indexOf('22nd');
    const span = originalSpan(n, at, at + 4);
    expect(text.slice(span.index, span.index + span.length)).toBe('Twenty-Second');
    expect(isSpelled(n, at)).toBe(true);
    expect(isSpelled(n, n.text.indexOf('spent'))).toBe(false);
  });

  it('keeps a message without number words as it was', () => {
    const n = normalise('Groceries LAST MNTH');
    expect(n.text).toBe('groceries last month');
    expect(n.spelled).toBeUndefined();
  });
});
