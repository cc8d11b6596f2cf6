import { readDataCsv } from './data-files.ts';

/**
 * Common surnames and given names (`data/personal-names.csv`), so a payee that is only a person's name
 * ("J BOTHA", "MR S NAIDOO", "Thandi Nkosi") is known as one. The learned fallback reads words, and a
 * surname it has met in a landlord's or a doctor's line would otherwise carry that trade to every
 * payment to a namesake.
 */
const NAMES: ReadonlySet<string> = new Set(
  readDataCsv('personal-names.csv').map((row) => {
    const word = (row.word ?? '').toUpperCase();
    if (!/^[A-Z]+$/.test(word)) throw new Error(`data/personal-names.csv: bad row ${JSON.stringify(row)}`);
    return word;
  }),
);

/** Words that go with a name without saying anything about a trade ("DR" does: a doctor). */
const WITH_A_NAME = new Set(['MR', 'MRS', 'MS', 'MISS', 'MNR', 'MEV', 'ME', 'AND', 'EN']);

/**
 * Whether a payee is a person's name and nothing else: every word a known name, a title or an initial,
 * with at least one known name.
 * @example onlyAPersonsName('J Botha') // true
 * @example onlyAPersonsName('Botha Butchery') // false (a trade word)
 */
export function onlyAPersonsName(payee: string): boolean {
  const words = payee
    .toUpperCase()
    .replace(/[^A-Z&' ]+/g, ' ')
    .replace(/'/g, '')
    .split(/[\s&]+/)
    .filter(Boolean);
  let named = false;
  for (const word of words) {
    if (NAMES.has(word)) named = true;
    else if (word.length > 1 && !WITH_A_NAME.has(word)) return false;
  }
  return named;
}
