/**
 * A whole question, then another subject tacked on after its period: "what did I spend on Uber last month plus
 * Lyft", "rent in January then groceries", "Shell in Q4 as well as Chevron", "Costa in Feb\nand Pret". The
 * period is said once and the second subject is asked about on its own; one query would add the two up.
 */
import type { Mentions } from '../mentions.ts';
import type { Parts } from './split.ts';

/** What joins the tacked-on subject: a word of adding, a semicolon or a new line. */
const JOINER =
  /^\s*(?:(?:[,;]\s*|\n\s*)?(?:(?:(?:oh |and |but )?(?:also|plus|as well as|then|and then|and also|and)|(?:and |&\s*)?(?:what|how) about)\b|&)[,\s]*|[,\s]*[;\n]\s*)/i;
/** Words that weigh or join the subjects into one figure ("Uber last month vs Lyft", "…and Lyft combined"). */
const ONE_FIGURE =
  /\b(?:vs|versus|compar\w*|against|than|differ\w*|combined|together|altogether|in total|both|each|between)\b/i;
/** What may stand beside the second subject: a preposition, a determiner, a word for the figure. */
const BESIDE =
  /^(?:at|on|in|for|from|with|to|the|my|our|a|an|too|as well|spend|spending|spent|total|bill|bills|stuff|purchases|one|ones|please|pls|then|\?|\.|!)$/i;

/**
 * The two questions of "…<subject> <period> plus <subject>", or undefined when the message is one question.
 * @example trailingSubjectParts('wat did i spend on uber last month plus lyft', m) // { first: '…last month', second: 'lyft' }
 */
export function trailingSubjectParts(text: string, m: Mentions): Parts | undefined {
  if (m.periods.length !== 1 || ONE_FIGURE.test(text)) return undefined;
  const period = m.periods[0];
  if (!period) return undefined;
  const cut = period.index + period.length;
  const join = JOINER.exec(text.slice(cut));
  if (!join || !/[^\s,]|\n/.test(join[0])) return undefined;
  const restAt = cut + join[0].length;
  const at = (e: { from: number }) => m.tokens[e.from]?.index ?? -1;
  const subjects = [...m.merchants, ...m.categories, ...m.accounts];
  const before = subjects.filter((e) => at(e) >= 0 && at(e) < period.index);
  const after = subjects.filter((e) => at(e) >= restAt);
  if (before.length === 0 || after.length === 0) return undefined;
  // Nothing but the subject (and small words) after the joiner: anything else is a question of its own.
  const taken = new Set(after.flatMap((e) => range(e.from, e.to)));
  for (let j = 0; j < m.tokens.length; j++) {
    const t = m.tokens[j];
    if (!t || t.index < restAt || taken.has(j)) continue;
    if (!BESIDE.test(t.text)) return undefined;
  }
  return { first: text.slice(0, cut).trim(), second: text.slice(restAt).trim() };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
