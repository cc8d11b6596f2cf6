/**
 * Which names a message leaves out, wherever the leaving-out words sit: before the names ("except rent",
 * "take out the rent"), around them ("leaving groceries out of it", "taking Uber out") or after them ("rent
 * aside", "with Uber and Lyft taken out", "rent not included"). A name read as excluded is never read as
 * included: that inversion is the worst answer a money bot can give.
 */
import { COMMON_WORDS } from '../entities.ts';
import { findWords, inPeriodOrAmount, typed, type Reading } from './reading.ts';
import type { Named } from './subjects.ts';

/** Words that start an exclusion. "but" only after "everything"/"all" or before "not"; "bar" only before a name. */
const EXCLUDE_CUE =
  /\b(?:(?:everything|all|anything|spending|spend|stuff|total|things) (?:but|bar)(?: not)?|but not|and not|not (?:counting|including|incl|on|at|from|with|using|for|in)|except(?: for)?|excepting|excluding|exclude|excludes|excluded|excl|without (?:counting|including|any)|without|w o|sans|other than|apart from|aside from|besides|leaving out|leave out|left out|leaving aside|setting aside|set aside|putting aside|put aside|taking out|take out|took out|taking away|take away|ignoring|ignore|disregarding|omitting|omit|minus|less|outside of|bar|barring|that (?:isnt|wasnt|arent|werent|is not|was not|are not|were not)|non)\b/g;

/** Cues that are ordinary words elsewhere ("less than", "a bar tab"): they exclude only a name that follows at once. */
const ONLY_BEFORE_A_NAME = new Set([
  'bar',
  'barring',
  'less',
  'take out',
  'taking out',
  'took out',
  // "put aside for savings" is saving, not leaving savings out.
  'set aside',
  'put aside',
  'putting aside',
]);

/** "bought less groceries than in January": "less" that weighs rather than subtracts. */
function lessCompares(r: Reading, at: number): boolean {
  return /\bthan\b/.test(r.words.slice(at + 1).join(' ')) || LESS_OF.has(r.words[at - 1] ?? '');
}
const LESS_OF = new Set(
  'buy bought buying eat ate eating much far way even lot bit no any spend spent'.split(' '),
);

/** "leaving … out", "taking … out", "setting … aside": a verb, the names, then the word that closes it. */
const OPEN_VERB = new Set(
  'leave leaving left take taking took keep keeping kept set setting put putting count counting strip stripping cut cutting knock knocking'.split(
    ' ',
  ),
);
const CLOSE_WORD = /^(?:out|aside|apart|away|off)$/;

/** After the names: "rent aside", "Uber and Lyft taken out", "rent not included". */
const AFTER_CUE =
  /\b(?:aside(?! from)|excepted|excluded|not included|not counted|left out|taken out|taken away|set aside|put aside|removed|taken off|out of it|out of the picture|to one side)\b/g;

/** Words that may sit between an exclusion cue and what it excludes, or between excluded names. */
const GLUE = new Set(
  'and or nor the my our any all a an of for on at from with to in stuff things purchases purchase spending spent charges transactions payments bought expenses costs bills either both also plus too any anything everything'.split(
    ' ',
  ),
);
/** Between names on either side of a closing or trailing cue: only joiners and determiners. */
const TIGHT_GLUE = new Set('and or the my our any all of'.split(' '));

/** What "minus" or "without" may take that is not a subject: "money in minus money out", "spending minus income". */
const GENERIC = new Set(
  'money spending income incomings earnings expenses outgoings costs fees tax taxes'.split(' '),
);

export interface Exclusions {
  excluded: Set<Named>;
  /** Names whose words were the cue itself ("take out" read as takeaways): neither included nor excluded. */
  cueWords: Set<Named>;
  /** "except hobbies": an exclusion whose words name nothing known. */
  unplaced: string[];
}

/** Reads every exclusion in the message against the names found in it. */
export function readExclusions(r: Reading, named: readonly Named[]): Exclusions {
  const out: Exclusions = { excluded: new Set(), cueWords: new Set(), unplaced: [] };
  for (const cue of findWords(r, EXCLUDE_CUE)) before(r, named, cue, out);
  around(r, named, out);
  for (const cue of findWords(r, AFTER_CUE)) after(r, named, cue.from, out);
  return out;
}

/** "except rent and groceries": the names after the cue. */
function before(
  r: Reading,
  named: readonly Named[],
  cue: { from: number; to: number; text: string },
  out: Exclusions,
): void {
  const strict = ONLY_BEFORE_A_NAME.has(cue.text);
  if (cue.text === 'less' && lessCompares(r, cue.from)) return;
  const inside = named.filter((n) => n.from < cue.to && cue.from < n.to);
  // "take out" is also a word for takeaways: as a cue it needs a name after it, and then it names nothing itself.
  if (inside.length > 0 && !(strict && inside.every((n) => n.from >= cue.from && n.to <= cue.to))) return;
  let j = cue.to;
  let took = false;
  while (j < r.words.length) {
    const at = named.find((n) => n.from === j);
    if (at) {
      out.excluded.add(at);
      took = true;
      j = at.to;
    } else if (
      (strict && !took ? TIGHT_GLUE : GLUE).has(r.words[j] ?? '') ||
      (took && inPeriodOrAmount(r, j))
    )
      j++;
    else break;
  }
  if (took) {
    for (const n of inside) out.cueWords.add(n);
    return;
  }
  const word = r.words[j] ?? '';
  if (
    !strict &&
    j < r.words.length &&
    r.mentions.free[j] &&
    !COMMON_WORDS.has(word) &&
    !GENERIC.has(word) &&
    !inPeriodOrAmount(r, j)
  )
    out.unplaced.push(typed(r, cue.from, j + 1));
}

/** "leaving groceries out of it", "taking Uber out", "setting Amazon aside". */
function around(r: Reading, named: readonly Named[], out: Exclusions): void {
  for (let k = 0; k < r.words.length; k++) {
    if (!OPEN_VERB.has(r.words[k] ?? '') || !r.mentions.free[k]) continue;
    const run: Named[] = [];
    let j = k + 1;
    while (j < r.words.length) {
      const at = named.find((n) => n.from === j);
      if (at) {
        run.push(at);
        j = at.to;
      } else if (TIGHT_GLUE.has(r.words[j] ?? '')) j++;
      else break;
    }
    if (run.length > 0 && CLOSE_WORD.test(r.words[j] ?? '') && r.mentions.free[j])
      for (const n of run) out.excluded.add(n);
  }
}

/** "rent aside", "with Uber and Lyft taken out": the names just before the cue, back to a comma. */
function after(r: Reading, named: readonly Named[], at: number, out: Exclusions): void {
  let j = at;
  while (j > 0) {
    const n = named.find((x) => x.to === j);
    // "eating out, Chipotle aside": the comma ends what is set aside.
    if (j < at && punctuatedAfter(r, j - 1)) break;
    if (n) {
      out.excluded.add(n);
      j = n.from;
    } else if (TIGHT_GLUE.has(r.words[j - 1] ?? '')) j--;
    else break;
  }
}

/** Whether a comma, colon or semicolon follows word `j` before the next word. */
function punctuatedAfter(r: Reading, j: number): boolean {
  const t = r.mentions.tokens[j];
  const next = r.mentions.tokens[j + 1];
  if (!t || !next) return false;
  return /[,;:]/.test(r.text.slice(t.index + t.length, next.index));
}
