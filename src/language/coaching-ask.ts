/**
 * The details a payday, bills, left-to-spend or afford question carries beyond its intent, read once when
 * the frame is built: the day counted to, a price given on its own, and a short follow-on ("and the one
 * after?", "what about March?") that steps on from the last coaching answer. Dialogs read these from the
 * frame and never the text.
 */
import { findAmounts } from './amounts.ts';
import { addDays, addMonths, dayNumber } from '../day.ts';
import type { FollowOn } from './types.ts';

const UNTIL = String.raw`(?:until|till|til|untill|before|to|by)`;

const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
const HORIZON = new RegExp(
  String.raw`\b${UNTIL} (?:this |next |the )?(${Object.keys(WEEKDAYS).join('|')}|end of (?:the |this )?month|month end|(\d{1,2})(?:st|nd|rd|th)?)\b`,
);

/** "can I afford 450", "afford a 1200 laptop": a plain number next to "afford" is an amount. */
export function bareAffordAmount(t: string): { minor: number; currency?: string } | undefined {
  const m =
    /\bafford (?:\w+ ){0,3}?(\d{1,7}(?:\.\d{1,2})?)\b(?! ?(?:times|months?|weeks?|days?|years?|%))/.exec(t);
  return m?.[1] ? { minor: Math.round(Number(m[1]) * 100) } : undefined;
}

/**
 * The last day counted when the normalised words name one instead of payday: "till Friday" is the coming
 * Friday (a week on when today is Friday), "until the end of the month" its last day, "until the 20th" the
 * next 20th.
 */
export function namedHorizonOf(t: string, today: string): string | undefined {
  const m = HORIZON.exec(t);
  if (!m?.[1]) return calendarHorizonOf(t, today);
  const word = m[1];
  const wanted = WEEKDAYS[word];
  if (wanted !== undefined) {
    const now = (((dayNumber(today) + 4) % 7) + 7) % 7;
    return addDays(today, (wanted - now + 7) % 7 || 7);
  }
  if (/month/.test(word)) return addDays(addMonths(`${today.slice(0, 8)}01`, 1), -1);
  const dom = Number(m[2]);
  if (!(dom >= 1 && dom <= 31)) return undefined;
  const thisMonth = `${today.slice(0, 8)}${String(dom).padStart(2, '0')}`;
  if (thisMonth > today && dom <= monthLength(today)) return thisMonth;
  const next = addMonths(`${today.slice(0, 8)}01`, 1);
  return `${next.slice(0, 8)}${String(Math.min(dom, monthLength(next))).padStart(2, '0')}`;
}

/** "still to come this month", "for the rest of the week": the month's or the week's last day (Sunday). */
function calendarHorizonOf(t: string, today: string): string | undefined {
  if (/\b(?:this |rest of (?:the |this )?|remainder of (?:the |this )?)month\b/.test(t))
    return addDays(addMonths(`${today.slice(0, 8)}01`, 1), -1);
  if (/\b(?:this |rest of (?:the |this )?|remainder of (?:the |this )?)week\b/.test(t)) {
    const now = (((dayNumber(today) + 4) % 7) + 7) % 7;
    return addDays(today, (7 - now) % 7);
  }
  return undefined;
}

function monthLength(day: string): number {
  return Number(addDays(addMonths(`${day.slice(0, 8)}01`, 1), -1).slice(8, 10));
}

/** "how many days until I'm paid?", "how long till payday?": the count of days comes first. */
export function asksHowLong(t: string): boolean {
  return /\bhow (?:long|soon|many|far)\b|\bdays?\b/.test(t);
}

/** "how much do I get paid?", "what's my salary?": the amount comes first. */
export function asksHowMuch(t: string): boolean {
  return !asksHowLong(t) && /\bhow much\b|\bsalary\b|\bwages?\b/.test(t);
}

/** Words around a price given on its own: "about $900", "it's around 1200 dollars I think", "~$1.2k". */
const PRICE_FILLER =
  /\b(?:its|it is|it|is|was|that|thats|costs?|priced at|price is|the price|about|around|roughly|approx(?:imately)?|maybe|probably|say|like|just|only|under|nearly|almost|close to|i think|i guess|i reckon|ish|or so|give or take|dollars?|bucks|usd|pounds?|quid|gbp|euros?|eur|rand|zar|ok|okay|um+|uh+|hmm+|well|so)\b/g;

/**
 * The price in a message that is nothing but a price: the answer to "how much is it?". A message that says
 * more than that ("$900 on groceries last month") is a question of its own, and gets undefined. `t` is the
 * normalised text, `text` the text as written (for the currency signs).
 * @example priceReplyOf('about 900') // { minor: 90000 }
 */
export function priceAloneOf(text: string, t: string): { minor: number; currency?: string } | undefined {
  if (!/\d/.test(t)) return undefined;
  const written = findAmounts(text);
  if (written.length > 1) return undefined;
  const amount = written[0]
    ? { minor: written[0].minor, ...(written[0].currency ? { currency: written[0].currency } : {}) }
    : plainPrice(t);
  if (!amount || amount.minor <= 0) return undefined;
  const rest = t
    .replace(/~/g, ' ')
    .replace(/[$£€]?\s?\d[\d,]*(?:\.\d{1,2})?\s?(?:k\b)?/g, ' ')
    .replace(PRICE_FILLER, ' ')
    .replace(/[$£€.]/g, ' ')
    .trim();
  return rest === '' ? amount : undefined;
}

/** "900", "1,200", "1.5k" with no currency written. */
function plainPrice(t: string): { minor: number } | undefined {
  const m = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.(\d{1,2}))?(\s?k\b)?/.exec(t);
  if (!m?.[1]) return undefined;
  const units = Number(`${m[1].replace(/,/g, '')}.${m[2] ?? '0'}`);
  return { minor: Math.round(units * 100 * (m[3] ? 1000 : 1)) };
}

/** Longest message read as a follow-on: beyond this it is a question of its own. */
const FOLLOW_ON_WORDS = 7;
/** "and", "what about", "how about", "same for", "ok and": a message that builds on the last answer. */
const OPENER =
  /^(?:(?:ok(?:ay)?|right|cool|thanks|great|and|so|also|then|now)[,]?\s+)*(?:and|what about|how about|what of|same for|same again for|and for|and in|and what about|then|also|now)\b/;
/** "the one after", "the month after", "after that", "the following one", "the next one": one step on. */
const STEP_ON =
  /\b(?:the )?(?:one|month|payday|pay ?day|pay ?check|pay ?cheque|paycheque|cycle|period|time) (?:after|following)(?: that| it| this| next)?\b|\bafter that(?: one)?\b|\bthe (?:following|next) (?:one|month|payday|pay ?day|pay ?check|pay ?cheque|cycle)\b|^(?:and |what about |how about )?(?:the )?(?:one )?(?:after|following|next one)\b/;

/**
 * A short message that builds on the last coaching answer: `step` one past it ("and the one after?", "and
 * the month after?"), or `again` the same question with what this message names ("and in March?", "what
 * about next month?"). Undefined for a message that asks afresh.
 * @example followOnOf('and the one after that?') // { kind: 'step' }
 */
export function followOnOf(t: string): FollowOn | undefined {
  if (!t || t.split(' ').length > FOLLOW_ON_WORDS) return undefined;
  if (STEP_ON.test(t)) return { kind: 'step' };
  if (!OPENER.test(t)) return undefined;
  return {
    kind: 'again',
    ...(/\bnext month\b/.test(t) ? { nextMonth: true } : {}),
    ...(/\b(?:19|20)\d{2}\b/.test(t) ? { yearSaid: true } : {}),
  };
}

/** Words that may stand around a period said on its own: "in March?", "ok, for January then". */
const AROUND_A_PERIOD = /^(?:(?:ok(?:ay)?|and|so|then|in|for|during|over|the|month|of|please)\s*)*$/;

/**
 * A message that is nothing but a period ("February?", "in March", "January 2026 then") read as a follow-on
 * of the same question; `span` is where the period was found.
 * @example periodAloneOf('February?', { index: 0, length: 8 }) // { kind: 'again' }
 */
export function periodAloneOf(text: string, span: { index: number; length: number }): FollowOn | undefined {
  const rest = `${text.slice(0, span.index)} ${text.slice(span.index + span.length)}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!AROUND_A_PERIOD.test(rest)) return undefined;
  const said = text.slice(span.index, span.index + span.length);
  return { kind: 'again', ...(/\b(?:19|20)\d{2}\b/.test(said) ? { yearSaid: true } : {}) };
}
