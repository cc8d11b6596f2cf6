/** Money is integer minor units plus an ISO 4217 code; it becomes text only at the edge. */

const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Number of minor-unit digits of a currency (2 unless known otherwise). */
export function currencyExponent(currency: string): number {
  const c = currency.toUpperCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/**
 * Parses a plain decimal string ("-1234.5", "12", ".99") into minor units without floating-point error.
 * Returns undefined when the text is not a plain decimal. Extra precision is rounded half away from zero.
 * @example toMinorUnits('-12.345', 'USD') // -1235
 */
export function toMinorUnits(decimal: string, currency = 'USD'): number | undefined {
  const m = /^\s*([+-])?(\d*)(?:\.(\d*))?\s*$/.exec(decimal);
  if (!m || (!m[2] && !m[3])) return undefined;
  const exp = currencyExponent(currency);
  const sign = m[1] === '-' ? -1 : 1;
  const whole = m[2] || '0';
  const frac = (m[3] ?? '').padEnd(exp + 1, '0');
  let minor = Number(whole) * 10 ** exp + Number(frac.slice(0, exp) || '0');
  if (Number(frac[exp] ?? '0') >= 5) minor += 1;
  return minor === 0 ? 0 : sign * minor;
}

/**
 * Formats minor units for people: `$1,234.50`, `-£3.00`, `€12.00`, `¥1,200`.
 * @example formatMoney(-123450, 'USD') // '-$1,234.50'
 */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const exp = currencyExponent(currency);
  return formatterFor(currency.toUpperCase(), locale, exp).format(minor / 10 ** exp);
}

/** Building an Intl.NumberFormat costs tens of microseconds; replies format many figures, so one is kept per currency and locale. */
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string, exp: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    });
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}
