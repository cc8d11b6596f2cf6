/** Fills the placeholders of a recipe descriptor the way card networks print them. */
import { isoDate, weekday } from './calendar.ts';
import { intBetween, randomCode } from '../random.ts';
import type { Rng } from '../random.ts';

const DOW = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * `{alnum:N}` order codes (Amazon), `{digits:N}` trace numbers, `{mm/dd}` the posting date (ATM lines),
 * `{DOW}` and `{hour}` the ride time Lyft prints ("LYFT *RIDE SUN 9PM"). Unknown placeholders stay as
 * written so a typo shows up in the output instead of vanishing.
 * @example expandDescriptor('LYFT *RIDE {DOW} {hour}', dayNumber('2026-03-01'), rng) // 'LYFT *RIDE SUN 9PM'
 */
export function expandDescriptor(template: string, day: number, rng: Rng): string {
  return template.replace(
    /\{([a-z/]+|[A-Z]+)(?::(\d+))?\}/g,
    (whole, name: string, n: string | undefined) => {
      const len = Number(n ?? '0');
      switch (name) {
        case 'alnum':
          return randomCode(rng, len);
        case 'digits':
          return randomCode(rng, len, '0123456789');
        case 'mm/dd':
          return `${isoDate(day).slice(5, 7)}/${isoDate(day).slice(8, 10)}`;
        case 'DOW':
          return DOW[weekday(day)] ?? 'SUN';
        case 'hour': {
          // Rides cluster in the evening; the clock is 12-hour without leading zero.
          const h = rng() < 0.7 ? intBetween(rng, 17, 23) : intBetween(rng, 7, 16);
          return `${h % 12 === 0 ? 12 : h % 12}${h < 12 ? 'AM' : 'PM'}`;
        }
        default:
          return whole;
      }
    },
  );
}
