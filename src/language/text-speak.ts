/**
 * Text-speak and spoken fillers, written out before anything else reads the message: "hw mch did i spend 2day",
 * "wat r my lyft trips", "um so like what did i spend at tesco". A dictated or thumbed question means the same
 * as a typed one; reading the short forms once here keeps every rule after it from learning them again.
 */

/** Short forms that stand for one word whatever is beside them (only whole words are replaced). */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  '2day': 'today',
  '2dy': 'today',
  tdy: 'today',
  '2nite': 'tonight',
  '2night': 'tonight',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  b4: 'before',
  wat: 'what',
  wot: 'what',
  wht: 'what',
  whta: 'what',
  wats: 'whats',
  wots: 'whats',
  hw: 'how',
  mch: 'much',
  mny: 'many',
  meny: 'many',
  u: 'you',
  ur: 'your',
  r: 'are',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  ppl: 'people',
  frm: 'from',
  btwn: 'between',
  wen: 'when',
  thx: 'thanks',
};

const SHORT_FORM = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’$£€-])(?:${Object.keys(SHORT_FORMS).join('|')})(?![\p{L}\p{N}'’-])`,
  'giu',
);

/** Sounds of thinking aloud: "um", "uhh", "erm", "hmm". */
const HESITATION = /(?<![\p{L}\p{N}])(?:u+m+|u+h+m*|e+r+m+|h+m+)(?![\p{L}\p{N}])[,.]*/giu;

/**
 * "so like what did I spend", "and like what about Sainsbury's", "been to Whole Foods like this month": "like"
 * after a joining word or before a question word or a period says nothing. "I feel like", "things like coffee"
 * and "like a million times" keep it.
 */
const FILLER_LIKE =
  /(?:(?<=(?:^|[\s,])(?:so|and|but|or|it|you|then|,))\s+like\b,?|(?<![\p{L}\p{N}])like,?(?=\s+(?:what|whats|how|which|when|where|this|last|the last|in the last|yesterday|today)\b))/giu;

/** Any short form, hesitation, "like", sign or please at all (a superset of what the rewrites look for). */
const MAYBE = new RegExp(
  String.raw`%|\+|\bno\.?\s+of\b|\b(?:pls|plz|please)\b|(?<![\p{L}\p{N}])(?:${Object.keys(SHORT_FORMS).join('|')}|like|u+m+|u+h+m*|e+r+m+|h+m+)(?![\p{L}\p{N}])`,
  'iu',
);

/**
 * The message with text-speak written out and fillers taken away; the same text when it has neither.
 * @example plainWords('um so like hw mch did i spend 2day') // 'so how much did i spend today'
 */
export function plainWords(text: string): string {
  // Most messages have none of it: one look instead of three rewrites.
  if (!MAYBE.test(text)) return text;
  const written = text
    // "R 500" is rand, not "are 500".
    .replace(SHORT_FORM, (w, at: number, all: string) =>
      w.toLowerCase() === 'r' && /^\s*\d/.test(all.slice(at + 1)) ? w : (SHORT_FORMS[w.toLowerCase()] ?? w),
    )
    .replace(HESITATION, ' ')
    .replace(FILLER_LIKE, ' ')
    // "15% of 80": the sign would vanish with the punctuation, and a share is not a figure Tally keeps.
    .replace(/(\d)\s?%/g, '$1 percent')
    // "netflix in 2025 + spotify": a plus between words joins them; it is not "2025 or more".
    .replace(/(?<=\S)\s+\+\s+(?=\S)/g, ' plus ')
    // "no. of uber trips": the number of them, not a "no".
    .replace(/\bno\.?\s+of\b(?!\s+course\b)/gi, 'number of')
    // "balance pls and…": a please inside a question says nothing (a message that is only "please" keeps it).
    .replace(/(?<=\S)\s+(?:pls|plz|please)\b(?=\s*\S)/gi, '');
  return written === text ? text : written.replace(/[^\S\n]{2,}/g, ' ').trim();
}
