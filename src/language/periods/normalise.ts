/**
 * Turns what people type into one predictable form for the rules (lower case, one kind of dash,
 * common misspellings fixed) while remembering where each character came from, so matches can
 * point back into the original text.
 */
import { spellNumbers } from './numbers.ts';
import { correctPeriodWord } from './typos.ts';

export interface Normalised {
  text: string;
  /** `map[i]` is the index in the original text of normalised character `i`; one extra entry for the end. */
  map: number[];
  /** Spans of `text` that were numbers written out in words ("ninth" → "9th"). */
  spelled?: [number, number][];
  /** Original `[start, end)` of words corrected to a short period word, which need a word beside them. */
  weak?: [number, number][];
}

const CHAR_FIXES: Readonly<Record<string, string>> = {
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '’': "'",
  '‘': "'",
  '\u00a0': ' ',
};

/** Lower-cases, unifies dashes and quotes, fixes misspelt period words (typos.ts) and writes numbers as digits. */
export function normalise(original: string): Normalised {
  return spellNumbers(normaliseWords(original));
}

function normaliseWords(original: string): Normalised {
  let text = '';
  const map: number[] = [];
  let weak: [number, number][] | undefined;
  const wordRe = /[a-zA-Z]+/y;
  let i = 0;
  while (i < original.length) {
    wordRe.lastIndex = i;
    const word = wordRe.exec(original);
    if (word) {
      const lower = word[0].toLowerCase();
      const correction = correctPeriodWord(lower, text.slice(-16));
      const fixed = correction?.word;
      if (correction?.weak) (weak ??= []).push([i, i + word[0].length]);
      if (fixed) {
        for (let k = 0; k < fixed.length; k++) map.push(i + Math.min(k, lower.length - 1));
        text += fixed;
      } else {
        for (let k = 0; k < lower.length; k++) map.push(i + k);
        text += lower;
      }
      i += word[0].length;
      continue;
    }
    const ch = original[i] ?? '';
    const out = CHAR_FIXES[ch] ?? ch.toLowerCase();
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    i += 1;
  }
  map.push(original.length);
  return weak ? { text, map, weak } : { text, map };
}

/** Maps a normalised span back to `{ index, length }` in the original text. */
export function originalSpan(n: Normalised, start: number, end: number): { index: number; length: number } {
  const index = n.map[start] ?? 0;
  const last = n.map[end - 1];
  const stop = last === undefined ? index : last + 1;
  // A fixed typo maps many characters to its last original one; extend to that word's end.
  return { index, length: Math.max(stop, n.map[end] ?? stop) - index };
}
