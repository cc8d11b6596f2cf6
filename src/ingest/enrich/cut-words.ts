import { readDataCsv } from './data-files.ts';

/**
 * Words that say what kind of business a payee is, in full, with the shortest start of each that a bank may leave when
 * it cuts a name to fit its column ("MOOIRIVIER BUTCHE", "JABULANI RESTAUR", "KLEINFONTEIN APTE"), from
 * `data/cut-words.csv`. Topic keywords are written against whole words, so a cut one is completed before they are tried.
 */
interface CutWord {
  word: string;
  shortest: string;
}

function loadCutWords(): CutWord[] {
  return readDataCsv('cut-words.csv').map((row) => {
    const word = (row.word ?? '').toUpperCase();
    const shortest = (row.shortest ?? '').toUpperCase();
    if (!word || !shortest || !word.startsWith(shortest) || shortest.length < 4)
      throw new Error(`data/cut-words.csv: bad row ${JSON.stringify(row)}`);
    return { word, shortest };
  });
}

/** Listed under the first four letters of their shortest cut, so a name's last words cost one map lookup. */
const BY_START = new Map<string, CutWord[]>();
for (const cut of loadCutWords()) {
  const key = cut.shortest.slice(0, 4);
  BY_START.set(key, [...(BY_START.get(key) ?? []), cut]);
}

/**
 * The whole word a name's cut-off ending stands for, or `undefined` when the name ends in a whole word or in nothing
 * the list knows. Only the end of a name is read (its last word, or the one before a town printed after it): that is
 * where a bank cuts, and a shorter word elsewhere is a word in its own right ("SUPER" in "SUPER SPAR").
 * @example completedCutWord('Mooirivier Butche') // 'BUTCHERY'
 * @example completedCutWord('Sunward Park Pharmacy') // undefined (nothing was cut)
 */
export function completedCutWord(name: string): string | undefined {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .trim()
    .split(/\s+/);
  if (words.length < 2) return undefined;
  // A cut may fall inside the second word of a two-word term ("FILLING ST"), so the last two words are tried too; and
  // a bank that cuts the name to fit its column may print the town after it ("DIE HOEK SLAGHU WORCESTER").
  const tails = [words.slice(-2).join(' '), words[words.length - 1] ?? ''];
  if (words.length >= 3) tails.push(words[words.length - 2] ?? '');
  for (const tail of tails) {
    for (const cut of BY_START.get(tail.slice(0, 4)) ?? []) {
      if (tail.length < cut.word.length && tail.startsWith(cut.shortest) && cut.word.startsWith(tail))
        return cut.word;
    }
  }
  return undefined;
}
