import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/language/matches.ts';

const same = (text: string, pattern: RegExp) => {
  const want = [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => [m.index, [...m]]);
  const from = pattern.lastIndex;
  const got = allMatches(text, pattern).map((m) => [m.index, [...m]]);
  expect(got).toEqual(want);
  expect(pattern.lastIndex).toBe(from);
};

describe('every match of a pattern', () => {
  it('is what matchAll gives, groups and offsets included, and leaves the pattern as it was', () => {
    same('spent at uber and lyft, then uber again', /\b(uber|lyft)\b/g);
    same('Coffee COFFEE coffee', /coffee/gi);
    same('no match here', /\bbudget\b/g);
    same('', /x*/g);
  });

  it('steps past empty matches one character, or one surrogate pair under the u flag', () => {
    same('a😀b', /x*/g);
    same('a😀b', /x*/gu);
    same('café 😀 ok', /(?:)/gu);
  });

  it('starts where the pattern last stopped, as matchAll does', () => {
    const pattern = /\d+/g;
    pattern.lastIndex = 4;
    expect(allMatches('12 34 56', pattern).map((m) => m[0])).toEqual(['4', '56']);
    expect(pattern.lastIndex).toBe(4);
  });

  it('rejects a pattern without the global flag, as matchAll does', () => {
    expect(() => allMatches('abc', /b/)).toThrow(TypeError);
  });
});
