import { LineRanks } from './line-ranks.ts';
import type { StatementTransaction } from './types.ts';

/**
 * Stable identities for a file's rows so re-imports and overlapping statements add nothing twice.
 *
 * A line with the bank's own id (OFX FITID, camt AcctSvcrRef, MT940 reference) is identified by that id
 * together with its date, amount and descriptor: banks reuse ids (a salary and a rent payment sharing
 * one MT940 reference), and lines that differ must all be kept, while a line repeated exactly within a
 * file is one line (the importer keeps it once and reports the repeat). A line without an id is
 * identified by date, amount and descriptor plus its rank among identical lines of the same file, so
 * two genuine identical coffees on one day stay two.
 *
 * Rows imported before ids were combined with the line carry `x:<id>` alone; the ledger still
 * recognises them (Ledger.addStatement), so re-importing an old file adds nothing twice.
 */
export function fingerprints(rows: readonly StatementTransaction[]): string[] {
  const next = fingerprinter((visit) => rows.forEach((r) => visit(r)));
  return rows.map(next);
}

/**
 * The same identities one row at a time, for a file read as a stream: call it with the rows of one
 * statement in order. It remembers how many identical lines it has seen by a 64-bit hash of each
 * distinct line, in typed arrays, per day (see line-ranks.ts). Given `recount` (which hands every row
 * of the statement to `visit` again, in order), it forgets the days the statement has left behind, so
 * its memory stays flat however long the file; without it, it keeps them all.
 */
export function fingerprinter(
  recount?: (visit: (row: StatementTransaction) => void) => void,
  budget?: number,
): (row: StatementTransaction) => string {
  const ranks = new LineRanks(recount ? budget : Infinity);
  const normal = new Map<string, string>();
  const comparable = (description: string): string => {
    // Statements repeat their descriptions; each is put in its comparable form once (up to a bound).
    let text = normal.get(description);
    if (text === undefined) {
      text = description.trim().toUpperCase().replace(/\s+/g, ' ');
      if (normal.size < NORMAL_DESCRIPTIONS) normal.set(description, text);
    }
    return text;
  };
  /** A day met again after its counts were forgotten: every earlier row is counted anew. */
  const countAgain = (before: number) => {
    ranks.keepEverything();
    let index = 0;
    recount?.((earlier) => {
      if (index++ >= before || earlier.externalId) return;
      hashLine(earlier.date, String(earlier.amountMinor), earlier.currency, comparable(earlier.description));
      ranks.next(earlier.date, rankA >>> 0, rankB >>> 0);
    });
  };
  let seen = 0;
  // A statement's lines come day by day: the day's part of the identity is made once per run of a day.
  let lastDate = '';
  let lastDay = '';
  return (r) => {
    seen++;
    const text = comparable(r.description);
    const amount = String(r.amountMinor);
    if (r.date !== lastDate) {
      lastDate = r.date;
      lastDay = day(r.date);
    }
    if (r.externalId) {
      const base = `${r.date}|${amount}|${r.currency}|${text}`;
      return `b:${lastDay}:${hash(`${r.externalId}|`, base)}`;
    }
    // The line `date|amount|currency|text` is hashed in place, for its rank and its identity at once.
    hashLine(r.date, amount, r.currency, text);
    let rank = ranks.next(r.date, rankA >>> 0, rankB >>> 0);
    if (rank === 0) {
      countAgain(seen - 1);
      hashLine(r.date, amount, r.currency, text);
      rank = ranks.next(r.date, rankA >>> 0, rankB >>> 0);
    }
    hashTail(`|${rank}`);
    return `f:${lastDay}:${base36(pairA)}${base36(pairB)}`;
  };
}

/** Distinct descriptions a fingerprinter keeps in their comparable form. */
const NORMAL_DESCRIPTIONS = 20_000;

function day(date: string): string {
  // An ISO day (the readers' form) without its dashes; anything else the slow way.
  return date.length === 10 && date[4] === '-' && date[7] === '-'
    ? date.slice(0, 4) + date.slice(5, 7) + date.slice(8)
    : date.replace(/-/g, '');
}

/**
 * The day first (in the callers) keeps inserts of a statement close together in the unique index, much
 * faster than random keys; two independent 53-bit hashes make a collision between genuine rows no
 * practical risk.
 */
function hash(head: string, tail: string): string {
  hashPair(head, tail, 0x9e3779b9, 0x85ebca6b);
  return `${base36(pairA)}${base36(pairB)}`;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * `n.toString(36)` for a whole number below 2^53, seven times faster: V8 converts large numbers to a
 * radix through its general floating-point path.
 */
export function base36(n: number): string {
  let out = '';
  do {
    const q = Math.floor(n / 36);
    out = DIGITS[n - q * 36] + out;
    n = q;
  } while (n > 0);
  return out;
}

/** The two hashes of the last `hash` or `hashTail` call (kept here so a row's identity allocates no pair). */
let pairA = 0;
let pairB = 0;
/** The rank hashes (RankTable seeds) of the last `hashLine` call. */
let rankA = 0;
let rankB = 0;
/** The identity hashes' running state: cyrb53's two lanes under each of the two seeds. */
const state = new Int32Array(4);
const pieces = ['', '', '', ''];

/**
 * cyrb53 (a fast, well-distributed 53-bit string hash, public domain; not for security) of `head + tail`
 * under two seeds at once, in one pass and without joining the strings: sets pairA and pairB.
 */
function hashPair(head: string, tail: string, seedA: number, seedB: number): void {
  state[0] = 0xdeadbeef ^ seedA;
  state[1] = 0x41c6ce57 ^ seedA;
  state[2] = 0xdeadbeef ^ seedB;
  state[3] = 0x41c6ce57 ^ seedB;
  absorb(head);
  hashTail(tail);
}

/** Carries the identity's hashes in `state` over `tail` and finishes them into pairA, pairB. */
function hashTail(tail: string): void {
  absorb(tail);
  pairA = finish(state[0] as number, state[1] as number);
  pairB = finish(state[2] as number, state[3] as number);
}

/** Carries the identity's hashes in `state` over `text`. */
function absorb(text: string): void {
  let a1 = state[0] as number;
  let a2 = state[1] as number;
  let b1 = state[2] as number;
  let b2 = state[3] as number;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  state[0] = a1;
  state[1] = a2;
  state[2] = b1;
  state[3] = b2;
}

/**
 * cyrb53 of `date|amount|currency|text` under the rank's seeds (sets rankA and rankB) and, in the same
 * pass, the start of the identity's hashes under theirs (kept in `state` for `hashTail`): what
 * `hashPair` of the joined line gives, without joining it or reading it twice.
 */
function hashLine(date: string, amount: string, currency: string, text: string): void {
  let r1 = 0xdeadbeef ^ 0x1b873593;
  let r2 = 0x41c6ce57 ^ 0x1b873593;
  let s1 = 0xdeadbeef ^ 0xcc9e2d51;
  let s2 = 0x41c6ce57 ^ 0xcc9e2d51;
  let a1 = 0xdeadbeef ^ 0x9e3779b9;
  let a2 = 0x41c6ce57 ^ 0x9e3779b9;
  let b1 = 0xdeadbeef ^ 0x85ebca6b;
  let b2 = 0x41c6ce57 ^ 0x85ebca6b;
  pieces[0] = date;
  pieces[1] = amount;
  pieces[2] = currency;
  pieces[3] = text;
  for (let p = 0; p < 4; p++) {
    const piece = pieces[p] as string;
    // The separator before every piece but the first.
    for (let i = p === 0 ? 0 : -1; i < piece.length; i++) {
      const ch = i < 0 ? 124 : piece.charCodeAt(i);
      r1 = Math.imul(r1 ^ ch, 2654435761);
      r2 = Math.imul(r2 ^ ch, 1597334677);
      s1 = Math.imul(s1 ^ ch, 2654435761);
      s2 = Math.imul(s2 ^ ch, 1597334677);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
  }
  rankA = finish(r1, r2);
  rankB = finish(s1, s2);
  state[0] = a1;
  state[1] = a2;
  state[2] = b1;
  state[3] = b2;
}

function finish(h1: number, h2: number): number {
  const x = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const y = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(x ^ (x >>> 13), 3266489909);
  return 4294967296 * (2097151 & y) + (x >>> 0);
}
