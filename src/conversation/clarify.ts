/** The answer to "which one did you mean?": a name, an ordinal, "both", or an account type. */
import type { SubjectFilter } from '../insights/query.ts';
import type { Frame, UserVocabulary } from '../language/types.ts';
import { typeFromWords } from './link.ts';
import type { Pending } from './types.ts';

/** Applies the user's answer to "which one did you mean?", typed or tapped, to the frame and its query. */
export function applyClarification(
  pending: Extract<Pending, { kind: 'clarify' }>,
  text: string,
  frame: Frame,
  vocabulary: UserVocabulary,
): Frame | undefined {
  const answer = text.trim().toLowerCase();
  if (!answer) return undefined;
  const ordinal =
    frame.ordinal ??
    (/^(the )?(first|1st|1)\b/.test(answer)
      ? 1
      : /^(the )?(second|2nd|2)\b/.test(answer)
        ? 2
        : /^(the )?(third|3rd|3)\b/.test(answer)
          ? 3
          : undefined);
  const picked =
    pending.options.find((o) => o.toLowerCase() === answer) ??
    pending.options.find((o) => o.toLowerCase().includes(answer) || answer.includes(o.toLowerCase())) ??
    (ordinal !== undefined ? pending.options.at(ordinal > 0 ? ordinal - 1 : ordinal) : undefined);
  const both = /^(both|all( of them)?|either)$/.test(answer);
  const base: Frame = { ...pending.frame, ambiguous: undefined };
  const withQuery = (f: Frame, edit: (include: SubjectFilter) => void): Frame => {
    if (!f.understood) return f;
    const understood = structuredClone(f.understood);
    edit(understood.query.filters.include);
    understood.unknownNames = understood.unknownNames.filter(
      (n) => n.text.toLowerCase() !== pending.frame.ambiguous?.text.toLowerCase(),
    );
    return { ...f, understood };
  };
  if (pending.field === 'merchant') {
    const merchants = both
      ? [...pending.options]
      : picked
        ? [picked]
        : frame.merchants.length === 1
          ? frame.merchants
          : undefined;
    if (!merchants) return undefined;
    return withQuery({ ...base, merchants }, (inc) => (inc.merchants = merchants));
  }
  const idsOf = (names: string[]) =>
    vocabulary.accounts
      .filter((a) => names.some((n) => n.toLowerCase() === a.name.toLowerCase()))
      .map((a) => a.id);
  // "the card", "my checking": the one option of that type.
  const type = frame.accountType ?? typeFromWords(answer);
  const ofType = type
    ? vocabulary.accounts.filter((a) => a.type === type && idsOf(pending.options).includes(a.id))
    : [];
  const chosen = both
    ? idsOf(pending.options)
    : picked
      ? idsOf([picked])
      : ofType.length === 1
        ? [ofType[0]!.id]
        : frame.accounts.length === 1
          ? frame.accounts
          : undefined;
  if (!chosen) return undefined;
  const accounts = [...new Set([...base.accounts, ...chosen])];
  return withQuery(
    { ...base, accounts },
    (inc) => (inc.accounts = [...new Set([...inc.accounts, ...chosen])]),
  );
}
