/** Reads amounts the way banks print them into integer minor units. */
import { currencyExponent, toMinorUnits } from '../../money.ts';

/** Which character separates decimals in a column, when known for the whole file. */
export type DecimalMark = '.' | ',';

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const NOISE = /[\s\u00a0\u202f$€£¥₩₹]|[A-Z]{3}(?=[\s\u00a0\d(+-]|$)|(?<=\d)[A-Z]{3}$/g;

/**
 * Parses "1,234.56", "1.234,56", "(12.00)", "12.00-", "$-5", "€ 3,50", "11'373.94", "-98,76 EUR" into
 * minor units; undefined when the text is not an amount. A comma followed by exactly three digits is
 * a thousands separator unless the file uses decimal commas (`mark`).
 * @example parseAmount('(1,234.50)', 'USD') // -123450
 */
export function parseAmount(raw: string, currency: string, mark?: DecimalMark): number | undefined {
  if (mark !== ',') {
    const quick = plainCents(raw, currency);
    if (quick !== undefined) return quick;
    if (PLAIN.test(raw)) return toMinorUnits(raw, currency);
  }
  let s = raw.trim().toUpperCase();
  if (s === '') return undefined;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/\s*(CR|DR)$/, (_m, side: string) => {
    if (side === 'DR') negative = !negative;
    return '';
  });
  s = s.replace(NOISE, '');
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  const normalised = normaliseSeparators(s, mark);
  if (normalised === undefined) return undefined;
  const minor = toMinorUnits(normalised, currency);
  if (minor === undefined) return undefined;
  return negative && minor !== 0 ? -minor : minor;
}

/** "-1234.5" with at most two decimals, read without regular expressions: the common case in big files. */
function plainCents(raw: string, currency: string): number | undefined {
  const n = raw.length;
  if (n === 0 || n > 15 || currencyExponent(currency) !== 2) return undefined;
  let i = 0;
  let negative = false;
  if (raw.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    digits++;
  }
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    if (raw.charCodeAt(i) !== 46) return undefined;
    for (i++; i < n; i++) {
      const c = raw.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || fracDigits === 2) return undefined;
      frac = frac * 10 + c;
      fracDigits++;
    }
  }
  if (digits === 0) return undefined;
  if (fracDigits === 1) frac *= 10;
  const minor = whole * 100 + frac;
  return negative && minor !== 0 ? -minor : minor;
}

function normaliseSeparators(s: string, mark?: DecimalMark): string | undefined {
  if (!/^[\d.,']+$/.test(s) || !/\d/.test(s)) return undefined;
  s = s.replace(/'/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: DecimalMark | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) {
    const groups = s.split(',');
    const thousandsLike = groups.length > 2 || /^\d{1,3},\d{3}$/.test(s);
    decimal = mark === ',' || !thousandsLike ? ',' : undefined;
  } else if (lastDot >= 0) {
    const groups = s.split('.');
    decimal = groups.length > 2 ? undefined : mark === ',' && /^\d{1,3}\.\d{3}$/.test(s) ? undefined : '.';
  }
  if (decimal === ',') return s.replace(/\./g, '').replace(',', '.');
  if (decimal === '.') return s.replace(/,/g, '');
  return s.replace(/[.,]/g, '');
}

/** Guesses a column's decimal mark from its values: any "12,34" or "1.234,5" settles it as a comma. */
export function guessDecimalMark(values: Iterable<string>): DecimalMark {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    if (/\d,\d{1,2}(?:\D*)$/.test(v) || /\d\.\d{3},\d/.test(v)) comma++;
    else if (/\d\.\d{1,2}(?:\D*)$/.test(v) || /\d,\d{3}\.\d/.test(v)) dot++;
  }
  return comma > dot ? ',' : '.';
}
