/**
 * Whole-frame accuracy on the frozen held-out questions: a line is right only when the intent and every part
 * of the expected query match what the understanding produced, nothing extra sits in the include or exclude
 * lists, and nothing is left unplaced; a line that must ask is right only when the understanding flags it.
 */
import type { Understood } from '../../insights/query.ts';
import type { Frame, UserVocabulary } from '../types.ts';
import { canonicalExpected, canonicalQuery, openTo, show, type CanonicalContext } from './canonical.ts';
import { expectsQuery, type CaseExpect, type QueryCase } from './query-cases.ts';

/** What scoring needs from the understanding: one frame per message. */
export interface FrameSource {
  understand(text: string, today: string, vocabulary: UserVocabulary): Frame;
}

export interface Verdict {
  /** Everything right: intent, query, no words left over (or, for a line that must ask, flagged). */
  right: boolean;
  /** The query right whatever the intent (money lines only; equal to `right` otherwise). */
  queryRight: boolean;
  want: string;
  got: string;
}

export interface KindScore {
  total: number;
  right: number;
  queryRight: number;
}

export interface QueryEvalResult {
  total: number;
  right: number;
  queryRight: number;
  perKind: Map<string, KindScore>;
  misses: { kind: string; text: string; want: string; got: string }[];
  msPerUtterance: number;
}

function flagged(u: Understood | undefined): boolean {
  if (!u) return false;
  return u.unplaced.length > 0 || u.unknownNames.length > 0 || flagged(u.also);
}

function leftovers(u: Understood): string {
  const parts = [
    ...(u.unplaced.length ? [`unplaced ${JSON.stringify(u.unplaced)}`] : []),
    ...(u.unknownNames.length ? [`unknown ${JSON.stringify(u.unknownNames.map((n) => n.text))}`] : []),
  ];
  return parts.length ? ` | ${parts.join(' ')}` : '';
}

function describeFrame(frame: Frame, ctx: CanonicalContext): string {
  const u = frame.understood;
  if (!u) return `intent ${frame.intent} | no query`;
  return `intent ${frame.intent} | ${show(canonicalQuery(u.query, ctx, u.also))}${leftovers(u)}`;
}

function intentOnlyRight(e: CaseExpect, frame: Frame): boolean {
  if (frame.intent !== e.intent) return false;
  if (e.toggle !== undefined && frame.toggle !== e.toggle) return false;
  return true;
}

/** Scores one line against the frame the understanding produced for it. */
export function judge(c: QueryCase, frame: Frame, ctx: CanonicalContext): Verdict {
  const e = c.expect;
  const got = describeFrame(frame, ctx);
  if (e.asks) {
    const right = frame.intent === 'none' || flagged(frame.understood);
    return { right, queryRight: right, want: 'asks: unplaced words or unknown names, or intent none', got };
  }
  if (!expectsQuery(e)) {
    let right = intentOnlyRight(e, frame);
    if (right && e.correction) {
      const corr = frame.correction;
      const words = (s: string): string =>
        s
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
      const codes = (xs: readonly string[]): string =>
        show(canonicalExpected({ measure: { kind: 'spent' }, include: { categories: [...xs] } }, ctx));
      right =
        !!corr &&
        words(corr.merchantText) === words(e.correction.merchant) &&
        codes(corr.category.codes) === codes(e.correction.category);
    }
    const want = `intent ${e.intent}${e.toggle !== undefined ? ` toggle ${e.toggle}` : ''}${e.correction ? ` correction ${JSON.stringify(e.correction)}` : ''}`;
    const gotText = `${got}${frame.toggle !== undefined ? ` toggle ${frame.toggle}` : ''}${frame.correction ? ` correction ${frame.correction.merchantText} → ${frame.correction.category.codes.join('|')}` : ''}`;
    return { right, queryRight: right, want, got: gotText };
  }
  const wanted = canonicalExpected(e, ctx);
  const want = `intent ${e.intent} | ${show(wanted)}`;
  const u = frame.understood;
  if (!u) return { right: false, queryRight: false, want, got };
  const queryRight =
    !flagged(u) && show(openTo(wanted, canonicalQuery(u.query, ctx, u.also))) === show(wanted);
  return { right: queryRight && frame.intent === e.intent, queryRight, want, got };
}

/** Runs every line through the understanding with the user's vocabulary and the day the lines were written for. */
export function evaluateQueries(
  source: FrameSource,
  cases: readonly QueryCase[],
  ctx: CanonicalContext & { today: string },
): QueryEvalResult {
  const perKind = new Map<string, KindScore>();
  const misses: QueryEvalResult['misses'] = [];
  let right = 0;
  let queryRight = 0;
  const started = performance.now();
  for (const c of cases) {
    const frame = source.understand(c.t, ctx.today, ctx.vocabulary);
    const verdict = judge(c, frame, ctx);
    const row = perKind.get(c.kind) ?? { total: 0, right: 0, queryRight: 0 };
    perKind.set(c.kind, row);
    row.total++;
    if (verdict.right) {
      row.right++;
      right++;
    } else misses.push({ kind: c.kind, text: c.t, want: verdict.want, got: verdict.got });
    if (verdict.queryRight) {
      row.queryRight++;
      queryRight++;
    }
  }
  return {
    total: cases.length,
    right,
    queryRight,
    perKind,
    misses,
    msPerUtterance: (performance.now() - started) / Math.max(1, cases.length),
  };
}
