/**
 * The polite words around a question: "hey tally, can you tell me …", "… thanks!", "quick one - …", an emoji,
 * and fillers such as "… then?".
 * They carry no meaning for the question, so the question is read without them; a message that is nothing
 * but courtesy ("hi tally", "thanks!") is left whole for the small-talk intents.
 */

/** "hey tally,", "hi there", "ok so", "quick question:", "sorry to bother you but". */
const OPENING =
  /^(?:(?:hey|hi|hiya|hello|heya|yo|oi|morning|good (?:morning|afternoon|evening)|ok|okay|right|so|um+|uh+|hmm+)(?: there)?(?: tally)?\b[\s,.!:;-]*){0,3}(?:tally\s*[,:;-]+\s*)?(?:(?:quick (?:one|question|q)|random (?:one|question)|question|sorry to bother you(?: but)?|just wondering|i was wondering|(?:oh )?(?:and )?(?:btw|by the way))\b[\s,.!:;-]*)?/i;

/** "… thanks!", "… ta", "… cheers x", "… pls 🙏", "… :)" at the end of a question. */
const CLOSING =
  /(?:[\s,.!?;:-]+(?:thanks?(?: (?:a lot|so much|very much|heaps|mate|tally))?|thank you(?: (?:so much|very much))?|thx|thnx|thanx|ty|ta|cheers(?: mate)?|pls|plz|please|x+|lol|haha|:\)|:-\)|:d|\p{Extended_Pictographic}|\uFE0F|\u200D)+)+[\s.!?]*$/iu;

/** "… then?", "… instead?" at the end of a follow-up. */
const FILLER_END =
  /(?<!\b(?:ok|okay|right|fine|alright|yes|yeah|yep|no|nope|bye|thanks|good|great|cool|sure|well|and|so|but|what|now|since|until|before|after|back|just|even)\b)\s+(?:then|instead)\s*(\?*)\s*$/i;

/** Emoji inside a question ("how many 🍕 orders") say nothing the words do not. */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\uFE0F\u200D]+/gu;

/**
 * The question without the courtesy around it; the text itself when nothing else would be left.
 * @example withoutCourtesy('hey tally, how many lyft rides in january? thanks!') // 'how many lyft rides in january?'
 */
export function withoutCourtesy(text: string): string {
  const opened = text.replace(OPENING, '');
  const closed = opened.replace(CLOSING, (m) => (/\?/.test(m) ? '?' : ''));
  // A new line is kept: it can be where one question ends and the next begins.
  const spaced = closed.replace(PICTOGRAPHS, ' ');
  const plain = (
    spaced.includes('\n')
      ? spaced.replace(/[^\S\n]+/g, ' ').replace(/ ?\n\s*/g, '\n')
      : spaced.replace(/\s+/g, ' ')
  ).trim();
  const question = wordCount(plain) >= 2 ? plain : text;
  // "January then?": the filler goes even when one word is left, which is the whole follow-up.
  const unfilled = question.replace(FILLER_END, '$1');
  return wordCount(unfilled) >= 1 ? unfilled : question;
}

function wordCount(text: string): number {
  const words = text.includes('\n') ? text.split(/\s+/) : text.split(' ');
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
