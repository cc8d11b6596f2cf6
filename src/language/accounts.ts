/** Finds the user's accounts in what people type: "my amex", "the chase card", "checking", "current account". */
import { distance } from 'fastest-levenshtein';
import {
  allowedEdits,
  COMMON_WORDS,
  match,
  soundKey,
  tokenize,
  type Ambiguity,
  type EntityMatch,
  type Token,
  type WordSet,
} from './entities.ts';
import { transposed } from './merchant-index.ts';
import { oneEditApart } from './english.ts';
import type { AccountRef } from './types.ts';

const TYPE_WORDS: Readonly<Record<string, AccountRef['type']>> = {
  checking: 'checking',
  chequing: 'checking',
  savings: 'savings',
  saving: 'savings',
  card: 'credit_card',
  cc: 'credit_card',
};
/** "chekcing", "savngs": a type word one edit away, for words no dictionary knows. */
function typeTypo(word: string, dictionary: WordSet): AccountRef['type'] | undefined {
  if (word.length < 6 || dictionary.has(word)) return undefined;
  const hit = ['checking', 'chequing', 'savings'].find((t) => oneEditApart(t, word));
  return hit ? TYPE_WORDS[hit] : undefined;
}

/**
 * "saving" and "savings" name money put aside, not the savings account, in "net savings", "total savings" or
 * "end up saving" ("saving account" is still the account).
 */
function savingsAsMoney(tokens: Token[], i: number): boolean {
  const w = tokens[i]?.text ?? '';
  if (w !== 'saving' && w !== 'savings') return false;
  const next = tokens[i + 1]?.text ?? '';
  if (/^(?:account|acct|accounts|acc)$/.test(next)) return false;
  if (w === 'saving' || /^(?:net|total|overall|monthly)$/.test(tokens[i - 1]?.text ?? '')) return true;
  // "what were my savings last month": the money kept that month; "what's in my savings" stays the account.
  return (
    /^(?:my|our)$/.test(tokens[i - 1]?.text ?? '') &&
    !/^(?:in|into|from|to|of|on|out)$/.test(tokens[i - 2]?.text ?? '') &&
    /^(?:last|this|in|for|over|during|since|so|between|from)$/.test(next)
  );
}

/** Words that may sit inside a mention of an account without naming it. */
const FILLER = new Set(['account', 'acct', 'accounts', 'credit', 'one', 'of', 'bank', 'express']);
/** Short names people use for card issuers and banks. */
const BRAND_ALIASES: Readonly<Record<string, string[]>> = {
  american: ['amex'],
  amex: ['american'],
  capital: ['capone', 'cap'],
  wells: ['wf'],
  america: ['bofa', 'boa'],
};

const OWNING = new Set([
  'my',
  'the',
  'on',
  'with',
  'from',
  'using',
  'via',
  'our',
  'her',
  'his',
  'into',
  'to',
  // "BofA or Discover", "Chase against Amex": set beside another account, a word names one too.
  'or',
  'and',
  'vs',
  'versus',
  'against',
  // "the balance of Discover", "balance for Discover".
  'of',
  'for',
]);
/** "Discover balance", "Discover statement": words after it that only an account has. */
const OWNED_AFTER = new Set(['balance', 'balances', 'statement', 'statements', 'limit']);

function supported(tokens: Token[], start: number, word: string): boolean {
  if (word.length <= 3) return false;
  return (
    start === 0 || OWNING.has(tokens[start - 1]?.text ?? '') || OWNED_AFTER.has(tokens[start + 1]?.text ?? '')
  );
}

function brandWords(account: AccountRef): Set<string> {
  const words = tokenize(`${account.name} ${account.institution ?? ''}`).map((t) => t.text);
  const out = new Set<string>();
  for (const w of words) {
    if (FILLER.has(w) || TYPE_WORDS[w] || w === 'the') continue;
    out.add(w);
    for (const a of BRAND_ALIASES[w] ?? []) out.add(a);
  }
  return out;
}

interface AccountBrands {
  /** The accounts as they were when these were worked out: a changed list is worked out again. */
  seen: { account: AccountRef; name: string; institution?: string }[];
  brands: Set<string>[];
  allBrands: Set<string>;
  brandKeys: Map<string, string>;
}

/** Per list of accounts (a user's vocabulary keeps its list between turns), so not tokenised every message. */
const BRANDS = new WeakMap<readonly AccountRef[], AccountBrands>();

function brandsOf(accounts: readonly AccountRef[]): AccountBrands {
  const kept = BRANDS.get(accounts);
  if (
    kept &&
    kept.seen.length === accounts.length &&
    kept.seen.every((s, k) => {
      const a = accounts[k];
      return a === s.account && a.name === s.name && a.institution === s.institution;
    })
  )
    return kept;
  const brands = accounts.map(brandWords);
  const allBrands = new Set(brands.flatMap((b) => [...b]));
  const made: AccountBrands = {
    seen: accounts.map((account) => ({ account, name: account.name, institution: account.institution })),
    brands,
    allBrands,
    brandKeys: new Map([...allBrands].map((b) => [b, soundKey(b)])),
  };
  BRANDS.set(accounts, made);
  return made;
}

/**
 * Finds mentions such as "my amex", "the chase card", "checking": a run of words naming an issuer, a product
 * or an account type. A mention that fits several accounts becomes `ambiguous` instead of a guess.
 */
export function findAccounts(
  tokens: Token[],
  accounts: readonly AccountRef[],
  free: boolean[],
  dictionary: WordSet,
): { matches: EntityMatch<number>[]; ambiguous?: Ambiguity } {
  const { brands, allBrands, brandKeys } = brandsOf(accounts);
  const brandOf = (w: string): string | undefined => {
    if (allBrands.has(w)) return w;
    if (w.length < 5 || dictionary.has(w) || COMMON_WORDS.has(w)) return undefined;
    const key = soundKey(w);
    return [...allBrands].find((b) => {
      const bKey = brandKeys.get(b) ?? soundKey(b);
      // Two letters swapped ("quicksliver") is one slip, though Levenshtein counts two.
      const d = transposed(key, bKey) ? 1 : distance(key, bKey);
      // Short brands only when they sound the same ("ammex"); longer ones may take an edit ("saphire").
      return b.length >= 5 ? d <= allowedEdits(w.length) - (w.length > 7 ? 1 : 0) : b.length === 4 && d === 0;
    });
  };
  const matches: EntityMatch<number>[] = [];
  let ambiguous: Ambiguity | undefined;
  let i = 0;
  while (i < tokens.length) {
    const start = i;
    const said: string[] = [];
    let type: AccountRef['type'] | undefined;
    let strong = false;
    for (; i < tokens.length && free[i]; i++) {
      const w = tokens[i]?.text ?? '';
      // "my current accounts": the kind of account, even when one account is called "… Current Account".
      const brand =
        w === 'current' && /^(?:accounts|accts)$/.test(tokens[i + 1]?.text ?? '') ? undefined : brandOf(w);
      if (brand) {
        said.push(brand);
        strong ||= !dictionary.has(w) && !COMMON_WORDS.has(w);
      } else if ((TYPE_WORDS[w] ?? typeTypo(w, dictionary)) && !savingsAsMoney(tokens, i))
        type = TYPE_WORDS[w] ?? typeTypo(w, dictionary);
      else if (w === 'current' && /^(?:account|acct|accounts|accts)$/.test(tokens[i + 1]?.text ?? ''))
        type = 'checking';
      else if (!(FILLER.has(w) && i > start)) break;
    }
    if (i === start) {
      i++;
      continue;
    }
    if (said.length === 0 && type !== 'checking' && type !== 'savings') continue;
    // An ordinary word that is also part of an account's name ("it" of Discover It, "chase", "gold") names the
    // account only with support: another word of its name, a type word, or "my"/"the"/"on" before it.
    if (said.length > 0 && !strong && said.length < 2 && !type && !supported(tokens, start, said[0] ?? ''))
      continue;
    let end = i;
    while (end > start && FILLER.has(tokens[end - 1]?.text ?? '')) end--;
    let fits = accounts.filter((a, k) => said.every((w) => brands[k]?.has(w)) && (!type || a.type === type));
    if (fits.length === 0 && type)
      fits = accounts.filter((_, k) => said.length > 0 && said.every((w) => brands[k]?.has(w)));
    if (fits.length > 1) {
      const named = fits.filter((a) =>
        tokenize(a.name).every(
          (t) => said.includes(t.text) || (type !== undefined && TYPE_WORDS[t.text] === type),
        ),
      );
      if (named.length === 1) fits = named;
    }
    const typed = tokens
      .slice(start, end)
      .map((t) => t.text)
      .join(' ');
    if (fits.length === 1 && fits[0]) matches.push(match(tokens, start, end, fits[0].id));
    else if (fits.length > 1)
      ambiguous ??= { kind: 'account', text: typed, options: fits.map((a) => a.name).sort() };
  }
  return { matches, ...(ambiguous ? { ambiguous } : {}) };
}
