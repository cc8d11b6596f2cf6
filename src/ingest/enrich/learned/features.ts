/**
 * What the learned fallback reads in a statement line: letter sequences of three to five characters of the clean
 * merchant name (so "BUTCHE", "BUTCHERY" and "BUTCHERS" share most of their features, and a name glued to a place
 * still shows its parts), the words of the whole descriptor and each pair of neighbouring words (bank wording such as
 * "DEBIT ORDER" or "PREPAID" says something too, and "MEAT MARKET" more than "MEAT" and "MARKET" apart), and which
 * way the money went. Features are numbers, not strings, so a line costs no allocation
 * per letter sequence and the model's tables stay small.
 */
export interface FeatureInput {
  merchant: string;
  description: string;
  direction: 'in' | 'out';
  account?: string | undefined;
}

const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Letters are 1–26 and the space 27, so a sequence read in base 28 has no zero digit and each number is one sequence. */
const BASE = 28;
const SPACE = 27;
/** Words and the direction are hashed above every letter-sequence number (28^5 < 2^25). */
const WORDS = 2 ** 25;

/** Capitals and single spaces only: digits, card fragments and punctuation say nothing about the kind of shop. */
export function lettersOnly(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** FNV-1a, 32 bits: a word's number. */
function wordNumber(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  // 24 bits keep every feature a small integer, which maps hash fastest; a clash among a few thousand words is rare.
  return WORDS + (hash >>> 8);
}

function letterCode(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c === 32 ? SPACE : c - 64;
}

/**
 * The features of one line, repeats kept (the classifier counts them).
 * @example lineFeatures({ merchant: 'Mooi Butche', description: 'POS MOOI BUTCHE', direction: 'out' }).length // 36
 */
export function lineFeatures(input: FeatureInput): number[] {
  const features = [wordNumber(`~${input.direction}`)];
  if (input.account) features.push(wordNumber(`~${input.account}`));
  const words = lettersOnly(input.description);
  if (words) {
    let previous = '';
    for (const word of words.split(' ')) {
      if (word.length <= 1) continue;
      features.push(wordNumber(word));
      if (previous) features.push(wordNumber(`${previous} ${word}`));
      previous = word;
    }
  }
  const name = ` ${lettersOnly(input.merchant)} `;
  for (let at = 0; at + MIN_GRAM <= name.length; at++) {
    let code = 0;
    for (let size = 1; size <= MAX_GRAM && at + size <= name.length; size++) {
      code = code * BASE + letterCode(name, at + size - 1);
      if (size >= MIN_GRAM) features.push(code);
    }
  }
  return features;
}
