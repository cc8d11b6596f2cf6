/**
 * Names the user gave that match nothing in their data ("Costco" for someone who never shopped there, "my
 * capital one card" with no such card). They are said back ("I don't see any payments to Costco"), never
 * read as another merchant and never dropped so that a bigger total is answered instead.
 */
import type { Understood } from '../../insights/query.ts';
import { distance } from 'fastest-levenshtein';
import { COMMON_WORDS, skeleton, tokenize } from '../entities.ts';
import { nearEnglishWord } from '../english.ts';
import { TIMES_OF_YEAR } from './leftovers.ts';
import { findWords, inPeriodOrAmount, typed, type Reading } from './reading.ts';

type NameKind = Understood['unknownNames'][number]['kind'];

/** Nouns that follow "at"/"on"/"for" without naming a merchant or a category. */
const SLOT_STOP = new Set(
  `average total all once least most first last time times home work night lunch dinner breakfast brunch weekend weekends
  weekday weekdays week weeks month months year years day days today tonight sale credit debit cash card cards account
  accounts stuff things thing everything anything something nothing it that this these those them me us myself ourselves
  earth top track pace purpose end start beginning moment while whole rest kind sort type lot lots bit each both either
  one ones other others purchases purchase transactions transaction charges charge payments payment spending spend
  expenses expense money bills bill items item date occasion row basis regular regularly usual same different line
  store stores shop shops place places restaurant online internet phone mobile app apps website bank banks banking job employer paycheck
  paychecks salary wages income side gig business company outgoings outgoing expenditure expenditures outlay outlays
  costs cost earnings incomings cashflow finances`.split(/\s+/),
);
/** Words that end a name someone typed after "at": verbs and joiners of the question around it. */
const NAME_END = new Set(
  `cost costs costing charged charge bought buy paid pay get got take took since during before after ago vs versus
  respectively combined altogether together separately each both and or nor than so far yet too also how what against`.split(
    /\s+/,
  ),
);
const SLOTS =
  /\b(?:at|from|with|on|for|in)\b|\b(?:pay|paid|paying|payments?|sent|send|transfers?|give|gave) to\b|\b(?:pay|paid|paying|owe|owed)\b(?= (?:my|the|our) )/g;
const SUBJECT_SLOT =
  /\b(?:did|does|do|has|have|had)(?= (?:the |my |a |our )?\w+(?: \w+)? (?:cost|costs|charge|charged|set me back|pay|paid|send|sent|transfer(?:red)?)\b)/g;
const SPENT_ON =
  /\b(?:spen[dt]|spending|spends|blow|blew|blown|splurged?|drop|dropped|waste|wasted|paid|pay|paying|go|went|gone|goes|going|cost|costs|much|money|bought|buy|shelled out|forked out|outgoings|expenses|charges|purchases)\s+(?:\w+\s+){0,3}?$/;
const ACCOUNT_WORD = /^(?:card|cards|account|accounts|checking|savings)$/;
/** Card networks: a kind of account when one of the user's accounts is named so, otherwise a name to ask about. */
const NETWORKS = new Set(['visa', 'mastercard', 'maestro']);
/** Words that describe an account without naming it: "my joint account", "the old card". */
const ACCOUNT_QUALIFIER = new Set(
  'credit debit savings saving checking chequing current joint main bank business personal old new other second primary everyday spending gift store rewards travel cash net total overall'.split(
    ' ',
  ),
);
/** "the biggest card purchase", "my usual card": a word that ranks or describes, never an account's name. */
const RANKING_WORD =
  /^(?:\w{2,}est|most|least|max|top|single|latest|recent|usual|average|typical|expensive|pricey|big|large|small|only|last|first|next|previous)$/;
const OWNER = new Set(['my', 'the', 'our', 'his', 'her', 'their', 'your']);
const DETERMINER = new Set(['the', 'my', 'a', 'an', 'our', 'some', 'any', 'those', 'these', 'all']);
const CHAT = new Set([
  'hw',
  'mnth',
  'mth',
  'wat',
  'wht',
  'spnd',
  'pls',
  'plz',
  'thx',
  'u',
  'ur',
  'r',
  'k',
  'yr',
  'wk',
  'mo',
  'b4',
  'tho',
  'mny',
  'mani',
  'hwo',
  'howw',
  'rn',
  'atm',
  'tbh',
  'pls',
  'lol',
  'ty',
  'ta',
  'cheers',
  'thnx',
  'thanx',
  'x',
  'xx',
]);
const JOINERS = new Set(['and', 'or', 'vs', 'versus', 'nor', '&', 'against']);

/**
 * A word in a name's place that no finder took: after "at"/"from"/"on"/"for" (or "and" after a merchant), or
 * any word that is neither in the dictionary nor one letter from a dictionary word.
 * @example unknownNames(reading('how much did i spend at costco'), 'spent') // [{ text: 'costco', kind: 'merchant' }]
 */
export function unknownNames(r: Reading, flow: 'spent' | 'received'): Understood['unknownNames'] {
  const out: Understood['unknownNames'] = [];
  const taken = new Set<number>();
  const push = (from: number, to: number, kind: NameKind): void => {
    for (let j = from; j < to; j++) taken.add(j);
    out.push({ text: typed(r, from, to), kind: ACCOUNT_WORD.test(r.words[to] ?? '') ? 'account' : kind });
  };
  const merchantKind: NameKind = flow === 'received' ? 'payer' : 'merchant';
  for (const b of r.mentions.brands) push(b.from, b.to, merchantKind);
  // "my chase account", "the monzo card": the word before an account word names an account.
  r.words.forEach((w, k) => {
    const j = k - 1;
    const name = r.words[j] ?? '';
    if (!ACCOUNT_WORD.test(w) || j < 1 || taken.has(j) || !r.mentions.free[j] || inPeriodOrAmount(r, j))
      return;
    if (
      COMMON_WORDS.has(name) ||
      SLOT_STOP.has(name) ||
      ACCOUNT_QUALIFIER.has(name) ||
      RANKING_WORD.test(name) ||
      !OWNER.has(r.words[j - 1] ?? '')
    )
      return;
    push(j, j + 1, 'account');
  });
  // "my visa" names a card by its network: unknown unless one of the user's accounts carries that name.
  r.words.forEach((w, j) => {
    if (!NETWORKS.has(w) || !r.mentions.free[j] || taken.has(j)) return;
    const owned = r.vocabulary.accounts.some((a) =>
      `${a.name} ${a.institution ?? ''}`.toLowerCase().includes(w),
    );
    if (!owned) push(j, j + 1, 'account');
  });
  const slots = findWords(r, SLOTS).map((s) => ({ at: s.to, word: s.text, from: s.from }));
  // "how much did the moon cost me", "what did my boss pay me": the one who cost or paid is a name.
  for (const s of findWords(r, SUBJECT_SLOT)) {
    const paid = r.words
      .slice(s.to, s.to + 4)
      .some((w) => /^(?:pay|paid|send|sent|transfer|transferred)$/.test(w));
    slots.push({ at: s.to, word: paid ? 'from' : 'at', from: s.from });
  }
  // "at shake shack and five guys": the place after a joined name is a name's place too.
  // "Amex against Capital One", "Capital One or the Amex": beside a known name, set against it, is a name's place.
  const beside = [
    ...r.mentions.merchants.map((m) => ({ ...m, word: 'and' })),
    ...r.mentions.accounts.map((m) => ({ ...m, word: 'account' })),
  ];
  for (const m of beside) {
    if (JOINERS.has(r.words[m.to] ?? '')) slots.push({ at: m.to + 1, word: m.word, from: m.to });
    const before = m.from - 1;
    if (before >= 1 && SET_AGAINST.has(r.words[before] ?? '') && r.mentions.free[before - 1])
      slots.push({ at: startOfNameBefore(r, before), word: m.word, from: before });
  }
  slots.sort((a, b) => a.at - b.at);
  for (const slot of slots) {
    if (
      /^(?:on|for)$/.test(slot.word) &&
      !SPENT_ON.test(r.lower.slice(Math.max(0, (r.starts[slot.from] ?? 0) - 40), r.starts[slot.from] ?? 0))
    )
      continue;
    let j = slot.at;
    while (DETERMINER.has(r.words[j] ?? '') && r.mentions.free[j]) j++;
    if (taken.has(j) || !nameLike(r, j, slot.word)) continue;
    const loose = !/^(?:on|for|in)$/.test(slot.word);
    let end = j + 1;
    while (end < r.words.length && end - j < 4 && (loose ? continuesLoosely(r, end) : continuesName(r, end)))
      end++;
    const typeAt = [end, end + 1].find((k) => ACCOUNT_WORD.test(r.words[k] ?? ''));
    if (typeAt !== undefined && (typeAt === end || r.mentions.free[end])) {
      push(j, typeAt, 'account');
      continue;
    }
    const known = r.dictionary.has(r.words[j] ?? '');
    const kind: NameKind = loose
      ? slot.word === 'account'
        ? 'account'
        : slot.word === 'from'
          ? merchantKind
          : 'merchant'
      : known && !capitalised(r, j)
        ? 'category'
        : merchantKind;
    if (slot.word === 'in' && kind === 'category') continue;
    push(j, end, kind);
    if (JOINERS.has(r.words[end] ?? '')) slots.push({ at: end + 1, word: 'and', from: end });
  }
  for (let j = 0; j < r.words.length; j++) {
    if (taken.has(j) || !r.mentions.free[j] || !unknownWord(r, j) || restOfName(r, j)) continue;
    let end = j + 1;
    while (end < r.words.length && !taken.has(end) && r.mentions.free[end] && unknownWord(r, end)) end++;
    push(j, end, merchantKind);
    j = end - 1;
  }
  return out;
}

/** Joiners that set two names against each other (not "and", which also lists what is summed). */
const SET_AGAINST = new Set(['or', 'vs', 'versus', 'against']);

/** Where a name ending just before word `end` starts: up to three free, name-like words back. */
function startOfNameBefore(r: Reading, end: number): number {
  let j = end;
  while (j > 0 && end - j < 3 && r.mentions.free[j - 1] && !COMMON_WORDS.has(r.words[j - 1] ?? '')) j--;
  while (j < end && (SLOT_STOP.has(r.words[j] ?? '') || DETERMINER.has(r.words[j] ?? ''))) j++;
  return j;
}

/** TIMES_OF_YEAR without its global flag, so testing one word keeps no state between words. */
const TIME_OF_YEAR = new RegExp(TIMES_OF_YEAR.source);

/** A free word in a name's slot: not a small word, a generic noun, a time of year, a period or an amount. */
function nameLike(r: Reading, j: number, slot: string): boolean {
  const w = r.words[j];
  if (!w || !r.mentions.free[j] || inPeriodOrAmount(r, j) || /^\d/.test(w) || w.length < 2) return false;
  if (NETWORKS.has(w) || TIME_OF_YEAR.test(w)) return false;
  // "at home" is nowhere, "at Home Depot" (or "at home depot") is a shop.
  const named = capitalised(r, j) || (r.mentions.free[j + 1] === true && unknownWord(r, j + 1));
  if ((COMMON_WORDS.has(w) || SLOT_STOP.has(w)) && !named) return false;
  // After "in", only a word no dictionary knows ("in walmart"); "in cash" and "in total" are not names.
  if (slot === 'in' && r.dictionary.has(w)) return false;
  return !/(?:ing|ly)$/.test(w);
}

function continuesName(r: Reading, j: number): boolean {
  const w = r.words[j] ?? '';
  if (!r.mentions.free[j] || inPeriodOrAmount(r, j) || COMMON_WORDS.has(w) || SLOT_STOP.has(w)) return false;
  return !r.dictionary.has(w) || capitalised(r, j) || /^(?:s|co|inc|market|store|shop)$/.test(w);
}

/** After "at": any free word that does not end the name ("five guys", "home depot", "joe's crab shack"). */
function continuesLoosely(r: Reading, j: number): boolean {
  const w = r.words[j] ?? '';
  if (!r.mentions.free[j] || inPeriodOrAmount(r, j) || COMMON_WORDS.has(w) || NAME_END.has(w)) return false;
  return !SLOT_STOP.has(w) || /^(?:store|shop|market)$/.test(w);
}

/** Capitalised mid-sentence in a message that is not written In Title Case. */
function capitalised(r: Reading, j: number): boolean {
  const t = r.mentions.tokens[j];
  if (!t || j === 0) return false;
  const first = r.text[t.index] ?? '';
  if (first === first.toLowerCase()) return false;
  const caps = r.mentions.tokens.filter((x) => /\p{Lu}/u.test(r.text[x.index] ?? '')).length;
  return caps <= Math.max(2, r.mentions.tokens.length / 2);
}

/** Neither a dictionary word nor within one letter of one (so "spnd" and "groceriess" pass, "costco" does not). */
function unknownWord(r: Reading, j: number): boolean {
  const w = r.words[j] ?? '';
  if (
    w.length < 3 ||
    /\d/.test(w) ||
    CHAT.has(w) ||
    NETWORKS.has(w) ||
    r.dictionary.has(w) ||
    inPeriodOrAmount(r, j)
  )
    return false;
  return !nearEnglishWord(w);
}

/**
 * A misspelt word of a name found beside it: "gld" after "amex" (Amex Gold), "shak" after "shake" —
 * the same consonants, or one letter from a word of that name.
 */
function restOfName(r: Reading, j: number): boolean {
  const w = r.words[j] ?? '';
  const beside = (m: { from: number; to: number }): boolean => m.to === j || m.from === j + 1;
  const names = [
    ...r.mentions.merchants.filter(beside).map((m) => m.value),
    ...r.mentions.accounts
      .filter(beside)
      .map((m) => r.vocabulary.accounts.find((a) => a.id === m.value)?.name ?? ''),
  ];
  return names.some((name) =>
    tokenize(name).some((t) => t.text !== w && (skeleton(t.text) === w || distance(t.text, w) <= 1)),
  );
}
