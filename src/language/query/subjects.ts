/**
 * Which transactions, from where each name sits: a name the message leaves out (exclusions.ts) is excluded;
 * names joined by "or"/"vs" (or "and" in a question that compares) stand side by side, each with its own figure.
 */
import { emptySubject, type SubjectFilter } from '../../insights/query.ts';
import type { EntityMatch } from '../entities.ts';
import type { CategoryRef, Frame } from '../types.ts';
import { toCategoryFilter } from './filters.ts';
import { readExclusions } from './exclusions.ts';
import type { Reading } from './reading.ts';

export interface Named {
  kind: 'category' | 'merchant' | 'account';
  from: number;
  to: number;
  label: string;
  add(into: SubjectFilter): void;
}

export interface Subjects {
  include: SubjectFilter;
  exclude: SubjectFilter;
  /** Two or more subjects side by side, each with only its own names; `include` then holds what they share. */
  sideBySide?: { label: string; include: SubjectFilter }[];
  excluded: Named[];
  /** Names whose words were an exclusion's own words ("take out the rent"): in neither list. */
  cueWords: Named[];
  /** "except hobbies": an exclusion whose words name nothing known. */
  unplacedExclusions: string[];
}

/** Every category, merchant and account the message names, in text order. */
export function namedIn(r: Reading): Named[] {
  const accountName = (id: number): string =>
    r.vocabulary.accounts.find((a) => a.id === id)?.name ?? String(id);
  const out: Named[] = [
    ...r.mentions.categories.map((m: EntityMatch<CategoryRef>) => ({
      kind: 'category' as const,
      from: m.from,
      to: m.to,
      label: m.value.label,
      add: (s: SubjectFilter) => {
        if (!s.categories.some((c) => c.label === m.value.label))
          s.categories.push(toCategoryFilter(m.value));
      },
    })),
    ...r.mentions.merchants.map((m) => ({
      kind: 'merchant' as const,
      from: m.from,
      to: m.to,
      label: m.value,
      add: (s: SubjectFilter) => {
        if (!s.merchants.includes(m.value)) s.merchants.push(m.value);
      },
    })),
    ...r.mentions.accounts.map((m) => ({
      kind: 'account' as const,
      from: m.from,
      to: m.to,
      label: accountName(m.value),
      add: (s: SubjectFilter) => {
        if (!s.accounts.includes(m.value)) s.accounts.push(m.value);
      },
    })),
  ];
  out.sort((a, b) => a.from - b.from);
  // "uber rides", "amazon orders", "starbucks coffee": a category word right after a merchant describes it;
  // "rides with lyft", "trips to tesco": so does a word for one purchase just before it.
  return out.filter(
    (n, k) =>
      !(n.kind === 'category' && out[k - 1]?.kind === 'merchant' && out[k - 1]?.to === n.from) &&
      !(n.kind === 'category' && unitBefore(r, n, out[k + 1])),
  );
}

const UNIT_WORDS = new Set([
  'ride',
  'rides',
  'trip',
  'trips',
  'journey',
  'journeys',
  'order',
  'orders',
  'delivery',
  'deliveries',
]);
const UNIT_LINK = new Set(['with', 'to', 'from', 'at', 'on', 'via', 'using', 'through']);

function unitBefore(r: Reading, n: Named, next: Named | undefined): boolean {
  if (next?.kind !== 'merchant' || n.to - n.from !== 1 || !UNIT_WORDS.has(r.words[n.from] ?? ''))
    return false;
  return next.from === n.to + 1 && UNIT_LINK.has(r.words[n.to] ?? '');
}

/** Words that join names side by side; "and" only when the question compares. */
const SIDE_JOIN = new Set(['or', 'vs', 'versus', 'v', 'against', 'compared', 'than', 'nor']);
const SIDE_GLUE = new Set([
  'the',
  'my',
  'at',
  'on',
  'in',
  'to',
  'with',
  'for',
  'from',
  'and',
  'or',
  'spending',
  'spent',
  'a',
  'an',
  // "my Amazon total and my Target total"
  'total',
  'totals',
]);
const COMPARES =
  /\b(?:which|compare|compared|comparing|comparison|vs|versus|more|less|side by side|separately|respectively|individually|apiece|one by one|difference|differ|bigger|higher|lower|who)\b|\beach\b(?! (?:day|week|month|quarter|year|time))|\bsplit between\b/;

/**
 * Reads include, exclude and side-by-side subjects from the names' positions.
 * @example readSubjects(reading('food except groceries')) // include food, exclude groceries
 */
export function readSubjects(
  r: Reading,
  frame?: Pick<Frame, 'categories' | 'merchants' | 'accounts'>,
): Subjects {
  // The frame's lists are what survived the intent's rules ("subscriptions" is the question, not a category).
  let named = namedIn(r).filter(
    (n) =>
      !frame ||
      (n.kind === 'category'
        ? frame.categories.some((c) => c.label === n.label)
        : n.kind === 'merchant'
          ? frame.merchants.includes(n.label)
          : frame.accounts.some((id) => r.vocabulary.accounts.find((a) => a.id === id)?.name === n.label)),
  );
  const exclusions = readExclusions(r, named);
  const excluded = exclusions.excluded;
  const unplacedExclusions = exclusions.unplaced;
  named = named.filter((n) => !exclusions.cueWords.has(n));
  const include = emptySubject();
  const exclude = emptySubject();
  for (const n of named) n.add(excluded.has(n) ? exclude : include);
  const kept = named.filter((n) => !excluded.has(n));
  const group = sideBySideGroup(r, kept);
  const out: Subjects = {
    include,
    exclude,
    excluded: [...excluded],
    cueWords: [...exclusions.cueWords],
    unplacedExclusions,
  };
  if (!group) return out;
  const shared = emptySubject();
  for (const n of kept) if (!group.includes(n)) n.add(shared);
  out.include = shared;
  out.sideBySide = group.map((n) => {
    const own = emptySubject();
    n.add(own);
    return { label: n.label, include: own };
  });
  return out;
}

/**
 * The longest run of two or more names joined by "or"/"vs"/"than" (or "and" when the question compares);
 * commas between names ("Starbucks, Blue Bottle or Chipotle") continue a run that has such a word.
 */
function sideBySideGroup(r: Reading, named: Named[]): Named[] | undefined {
  const compares = COMPARES.test(r.lower);
  let best: Named[] = [];
  let run: Named[] = [];
  let joined = false;
  for (const here of named) {
    const before = run.at(-1);
    const link = before ? linkOf(r, before, here, compares) : 'none';
    if (link === 'none') {
      run = [here];
      joined = false;
    } else {
      run.push(here);
      joined ||= link === 'side';
    }
    if (joined && run.length > best.length) best = [...run];
  }
  return best.length >= 2 ? best : undefined;
}

function linkOf(r: Reading, a: Named, b: Named, compares: boolean): 'side' | 'list' | 'none' {
  // "my Uber total last month and my Lyft total last month": a period said for each name joins nothing.
  const between = r.words.slice(a.to, b.from).filter((_, k) => !inRepeatedPeriod(r, a.to + k));
  if (between.length === 0) return /,/.test(r.text.slice(endOf(r, a), startOf(r, b))) ? 'list' : 'none';
  if (between.length > 4 || !between.every((w) => SIDE_JOIN.has(w) || SIDE_GLUE.has(w))) return 'none';
  if (between.some((w) => SIDE_JOIN.has(w))) return 'side';
  if (compares && between.includes('and')) return 'side';
  // "my Tesco total and my Chipotle total": a total of its own after the first name.
  if (between.includes('and') && between.some((w) => w === 'total' || w === 'totals')) return 'side';
  // "compare Chipotle with Shake Shack", "Amazon compared to Target"
  return /\bcompar/.test(r.lower) && (between.includes('with') || between.includes('to')) ? 'side' : 'none';
}

/** Whether the word lies in a period that the message names more than once. */
function inRepeatedPeriod(r: Reading, word: number): boolean {
  const t = r.mentions.tokens[word];
  const periods = r.mentions.periods;
  if (!t || periods.length < 2) return false;
  const here = periods.find((p) => t.index >= p.index && t.index < p.index + p.length);
  return (
    !!here &&
    periods.some(
      (p) => p !== here && p.period.start === here.period.start && p.period.end === here.period.end,
    )
  );
}

function endOf(r: Reading, n: Named): number {
  const t = r.mentions.tokens[n.to - 1];
  return t ? t.index + t.length : 0;
}

function startOf(r: Reading, n: Named): number {
  return r.mentions.tokens[n.from]?.index ?? 0;
}
