/**
 * Deterministic spending data at scale: users with a checking account (salary, rent, bills, card
 * payments, ATM, debit purchases), a savings account and one to three credit cards, over a few years.
 * Merchant popularity is Zipf-skewed globally and per user. Same seed and options, same bytes.
 */
import { CITIES, SUBSCRIPTIONS, merchantCatalogue, type Merchant } from './merchants.ts';
import { fillTemplate, intBetween, normal, pick, poisson, streamFor, zipf, type Rng } from './random.ts';

export type BenchAccountType = 'checking' | 'savings' | 'credit_card';

/** One statement line: signed cents (negative = money out), the bank's descriptor and Chase's type column. */
export interface GenRow {
  day: number;
  amountMinor: number;
  description: string;
  type: string;
}

export interface GenAccount {
  name: string;
  type: BenchAccountType;
  rows: GenRow[];
}

export interface GenUser {
  id: string;
  accounts: GenAccount[];
}

export interface GenOptions {
  seed: number;
  /** Last day of data, ISO. */
  end: string;
  years: number;
}

const DAY_MS = 86_400_000;
/** Local shops in the long tail, after the chains. */
const CATALOGUE = merchantCatalogue(1500);
const GLOBAL_POPULARITY = zipf(CATALOGUE.length, 1.07);
/** Mean purchases per user per day; with the bills this makes about 1,000 rows per user over 3 years. */
const PURCHASES_PER_DAY = 0.42;

const EMPLOYERS = [
  'ACME CORP',
  'GUSTO',
  'ADP',
  'PAYCHEX',
  'INTUIT',
  'KAISER PERMANENTE',
  'CITY OF OAKLAND',
  'GOOGLE LLC',
];
const LANDLORDS = ['AVALONBAY COMM WEB PMT', 'BILT RENT', 'ESSEX PROPERTY TR WEB PMT', 'GREYSTAR RENT PYMT'];
const UTILITIES: readonly [string, number][] = [
  ['PGANDE WEB ONLINE PPD ID: 9{d:9}', 11000],
  ['COMCAST CABLE COMM PPD ID: 0{d:9}', 8999],
  ['VERIZON WIRELESS PAYMENTS PPD ID: 2{d:9}', 7500],
];
const CARD_ISSUERS: readonly [string, string][] = [
  ['CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224', 'AUTOMATIC PAYMENT - THANK YOU'],
  ['AMEX EPAYMENT ACH PMT', 'AUTOPAY PAYMENT RECEIVED - THANK YOU'],
  ['CITI AUTOPAY PAYMENT 2{d:9}', 'AUTOPAY 000000000{d:6}RAUTOPAY AUTO-PMT'],
];

/** Day number (days since 1970-01-01) of an ISO day. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** ISO day of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The user id the generator gives user number `index`. */
export function userId(index: number): string {
  return `bench-user-${String(index).padStart(5, '0')}`;
}

/** The charge amount for one visit: log-normal around the merchant's typical charge, never below 50 cents. */
function charge(rng: Rng, merchant: Merchant): number {
  if (merchant.spread === 0) return merchant.typical;
  return Math.max(50, Math.round(merchant.typical * Math.exp(merchant.spread * normal(rng))));
}

interface Shop {
  merchant: Merchant;
  descriptor: string;
}

/** The shops this user goes to: drawn from global popularity, each at a fixed store number and city. */
function personalShops(rng: Rng): Shop[] {
  const count = intBetween(rng, 40, 80);
  const seen = new Set<number>();
  const shops: Shop[] = [];
  for (let tries = 0; shops.length < count && tries < count * 20; tries++) {
    const rank = GLOBAL_POPULARITY(rng);
    if (seen.has(rank)) continue;
    seen.add(rank);
    const merchant = CATALOGUE[rank] as Merchant;
    shops.push({ merchant, descriptor: fillTemplate(merchant.template, rng, CITIES, true) });
  }
  return shops;
}

/** Purchases day by day, over the user's shops with personal Zipf preference (a favourite café, a usual grocer). */
export function purchases(rng: Rng, first: number, last: number, perDay: number): GenRow[] {
  const shops = personalShops(rng);
  const preference = zipf(shops.length, 1);
  const rows: GenRow[] = [];
  for (let day = first; day <= last; day++) {
    const n = poisson(rng, perDay);
    for (let i = 0; i < n; i++) {
      const shop = shops[preference(rng)] as Shop;
      const description = fillTemplate(shop.descriptor, rng, CITIES, false);
      const amount = charge(rng, shop.merchant);
      rows.push({ day, amountMinor: -amount, description, type: 'Sale' });
      // About one purchase in fifty comes back as a refund a week or two later.
      if (rng() < 0.02 && day + 14 <= last)
        rows.push({ day: day + intBetween(rng, 3, 14), amountMinor: amount, description, type: 'Return' });
    }
  }
  return rows;
}

/** Days in [first, last] that fall on day-of-month `dom` (clamped to the month's end). */
function monthly(first: number, last: number, dom: number): number[] {
  const out: number[] = [];
  const start = new Date(first * DAY_MS);
  for (let y = start.getUTCFullYear(), mo = start.getUTCMonth(); ; mo++) {
    const monthEnd = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
    const day = Date.UTC(y, mo, Math.min(dom, monthEnd)) / DAY_MS;
    if (day > last) return out;
    if (day >= first) out.push(day);
  }
}

/** One user's accounts and every row on them. */
export function generateUser(index: number, options: GenOptions): GenUser {
  const rng = streamFor(options.seed, `user:${index}`);
  const last = dayNumber(options.end);
  const first = last - Math.round(options.years * 365.25) + 1;
  const checking: GenAccount = { name: 'Checking', type: 'checking', rows: [] };
  const savings: GenAccount = { name: 'Savings', type: 'savings', rows: [] };
  const cardCount = intBetween(rng, 1, 3);
  const cards: GenAccount[] = Array.from({ length: cardCount }, (_, i) => ({
    name: `Card ${i + 1}`,
    type: 'credit_card',
    rows: [],
  }));

  // Salary every other Friday, or on the 1st and 15th.
  const employer = pick(rng, EMPLOYERS);
  const pay = Math.round(180_000 + rng() * 450_000);
  const payId = fillTemplate('{d:10}', rng, CITIES, true);
  const payDays =
    rng() < 0.5
      ? [...monthly(first, last, 1), ...monthly(first, last, 15)]
      : biweekly(first + intBetween(rng, 0, 13), last);
  for (const day of payDays)
    checking.rows.push({
      day,
      amountMinor: pay + Math.round(normal(rng) * 2000),
      description: `${employer} PAYROLL PPD ID: ${payId}`,
      type: 'ACH_CREDIT',
    });

  const rent = Math.round((150_000 + rng() * 250_000) / 500) * 500;
  const landlord = pick(rng, LANDLORDS);
  for (const day of monthly(first, last, 1))
    checking.rows.push({ day, amountMinor: -rent, description: landlord, type: 'ACH_DEBIT' });

  for (const [template, typical] of UTILITIES.filter(() => rng() < 0.7)) {
    const descriptor = fillTemplate(template, rng, CITIES, true);
    const dom = intBetween(rng, 5, 25);
    for (const day of monthly(first, last, dom))
      checking.rows.push({
        day,
        amountMinor: -Math.round(typical * (0.8 + rng() * 0.4)),
        description: descriptor,
        type: 'ACH_DEBIT',
      });
  }

  const toSavings = Math.round((pay * 0.1) / 100) * 100;
  for (const day of monthly(first, last, 2)) {
    const ref = fillTemplate('{d:11}', rng, CITIES, true);
    checking.rows.push({
      day,
      amountMinor: -toSavings,
      description: `Online Transfer to SAV ...4821 transaction#: ${ref}`,
      type: 'ACCT_XFER',
    });
    savings.rows.push({
      day,
      amountMinor: toSavings,
      description: `Online Transfer from CHK ...1377 transaction#: ${ref}`,
      type: 'ACCT_XFER',
    });
  }
  for (const day of monthly(first, last, 31))
    savings.rows.push({
      day,
      amountMinor: intBetween(rng, 40, 900),
      description: 'INTEREST PAYMENT',
      type: 'MISC_CREDIT',
    });

  for (const day of monthly(first, last, 1).filter(() => rng() < 0.4)) {
    const atmDay = day + intBetween(rng, 0, 27);
    if (atmDay > last) continue;
    const mmdd = isoDay(atmDay).slice(5).replace('-', '/');
    checking.rows.push({
      day: atmDay,
      amountMinor: -intBetween(rng, 2, 10) * 2000,
      description: `ATM WITHDRAWAL 00${intBetween(rng, 1000, 9999)} ${mmdd} 1 MARKET ST ${pick(rng, CITIES)}`,
      type: 'ATM',
    });
  }

  // Purchases: most on cards, a fifth on the debit card.
  for (const row of purchases(rng, first, last, PURCHASES_PER_DAY)) {
    if (rng() < 0.2) checking.rows.push({ ...row, type: row.amountMinor < 0 ? 'DEBIT_CARD' : 'MISC_CREDIT' });
    else (pick(rng, cards) as GenAccount).rows.push(row);
  }
  for (const sub of SUBSCRIPTIONS.filter(() => rng() < 0.25)) {
    const card = pick(rng, cards);
    const descriptor = fillTemplate(sub.template, rng, CITIES, true);
    for (const day of monthly(first, last, intBetween(rng, 1, 28)))
      card.rows.push({ day, amountMinor: -sub.typical, description: descriptor, type: 'Sale' });
  }

  cards.forEach((card, i) => payCard(rng, card, checking, i, first, last));
  const accounts = [checking, savings, ...cards];
  for (const a of accounts) a.rows.sort((x, y) => x.day - y.day);
  return { id: userId(index), accounts };
}

function biweekly(start: number, last: number): number[] {
  const out: number[] = [];
  for (let day = start; day <= last; day += 14) out.push(day);
  return out;
}

/** Each month on the 25th, checking pays the card's balance of the month before. */
function payCard(
  rng: Rng,
  card: GenAccount,
  checking: GenAccount,
  issuerIndex: number,
  first: number,
  last: number,
): void {
  const [fromChecking, onCard] = CARD_ISSUERS[issuerIndex % CARD_ISSUERS.length] as [string, string];
  const out = fillTemplate(fromChecking, rng, CITIES, true);
  const inn = fillTemplate(onCard, rng, CITIES, true);
  const charges = [...card.rows];
  let owed = 0;
  let next = 0;
  charges.sort((a, b) => a.day - b.day);
  for (const day of monthly(first, last, 25)) {
    while (next < charges.length && (charges[next] as GenRow).day < day - 3)
      owed -= (charges[next++] as GenRow).amountMinor;
    if (owed <= 0) continue;
    checking.rows.push({ day, amountMinor: -owed, description: out, type: 'LOAN_PMT' });
    card.rows.push({ day, amountMinor: owed, description: inn, type: 'Payment' });
    owed = 0;
  }
}

/**
 * One checking account with `count` rows (a busy business account), for the import benchmark: the
 * purchases and bills of many generated users folded into one statement, re-dated to fit `years`.
 */
export function importRows(count: number, options: GenOptions): GenRow[] {
  const rows: GenRow[] = [];
  for (let i = 0; rows.length < count; i++) {
    for (const account of generateUser(1_000_000 + i, options).accounts) {
      if (account.type === 'savings') continue;
      for (const r of account.rows)
        rows.push(
          account.type === 'credit_card'
            ? { ...r, type: r.amountMinor < 0 ? 'DEBIT_CARD' : 'MISC_CREDIT' }
            : r,
        );
    }
  }
  rows.length = count;
  return rows.sort((a, b) => a.day - b.day);
}
