/**
 * Who people pay, as banks print it. Chains first (most popular first, so a Zipf draw over the list
 * makes a few of them dominate), then a long tail of local shops built from word lists.
 * `{d:N}` is N digits, `{a:N}` N upper-case letters or digits, `{city}` a city and state.
 */

/** A place people spend at, with the descriptor template and a typical charge in cents. */
export interface Merchant {
  template: string;
  /** Median charge in cents; charges are log-normal around it. */
  typical: number;
  /** Log-normal sigma: 0.1 for near-fixed prices, 0.8 for anything-goes shops. */
  spread: number;
}

const m = (template: string, typical: number, spread: number): Merchant => ({ template, typical, spread });

/** National and online chains, roughly in order of how often a US household pays them. */
export const CHAINS: readonly Merchant[] = [
  m('AMZN Mktp US*{a:9}', 3200, 0.8),
  m('STARBUCKS STORE {d:5}', 650, 0.3),
  m('WHOLEFDS MKT #{d:5}', 6800, 0.6),
  m('UBER *TRIP', 1900, 0.5),
  m('TRADER JOE S #{d:3} {city}', 5400, 0.5),
  m('SHELL OIL {d:11}', 4600, 0.3),
  m('TARGET        000{d:5}', 5200, 0.7),
  m('SAFEWAY #{d:4}', 5900, 0.6),
  m("MCDONALD'S F{d:5}", 1100, 0.4),
  m('CHEVRON {d:7}', 4900, 0.3),
  m('WAL-MART #{d:4}', 6100, 0.7),
  m('COSTCO WHSE #{d:4}', 14800, 0.5),
  m('DOORDASH*{a:8}', 3400, 0.4),
  m('CVS/PHARMACY #{d:5}', 1900, 0.7),
  m('CHIPOTLE {d:4}', 1350, 0.3),
  m('UBER *EATS', 3100, 0.4),
  m('LYFT   *RIDE {a:3} {d:1}PM', 1700, 0.5),
  m('WALGREENS #{d:5}', 1600, 0.7),
  m('KROGER #{d:3}', 6300, 0.6),
  m('SQ *BLUE BOTTLE COFFEE {city}', 700, 0.25),
  m('7-ELEVEN {d:5}', 900, 0.5),
  m('HOME DEPOT #{d:4}', 7400, 0.9),
  m('APPLE.COM/BILL', 299, 0.9),
  m('DUNKIN #{d:6}', 550, 0.3),
  m('GRUBHUB*{a:10}', 3000, 0.4),
  m("PEET'S COFFEE {d:5}", 600, 0.3),
  m('SWEETGREEN {a:5}', 1600, 0.2),
  m('PANERA BREAD #{d:6}', 1400, 0.3),
  m('EXXONMOBIL {d:8}', 4500, 0.3),
  m('BP#{d:7}', 4300, 0.3),
  m("LOWE'S #{d:4}", 6900, 0.9),
  m('BEST BUY {d:8}', 12000, 0.9),
  m('INSTACART*{a:6}', 8800, 0.4),
  m('TST* SHAKE SHACK {d:4}', 2300, 0.3),
  m('CHICK-FIL-A #{d:5}', 1200, 0.3),
  m('SUBWAY {d:8}', 1000, 0.3),
  m('PUBLIX #{d:4}', 5800, 0.6),
  m('ALDI {d:5}', 4200, 0.5),
  m('RALPHS #{d:4}', 5500, 0.6),
  m('SPROUTS FARMERS MKT#{d:3}', 4700, 0.5),
  m('TACO BELL #{d:6}', 900, 0.3),
  m("DOMINO'S {d:4}", 2400, 0.3),
  m('EBAY O*{d:2}-{d:5}-{d:5}', 3600, 0.8),
  m('ETSY.COM', 3100, 0.7),
  m('PAYPAL *{a:8}', 4000, 0.9),
  m('SQ *{a:6}', 2000, 0.8),
  m('NIKE.COM', 9500, 0.5),
  m('TJ MAXX #{d:4}', 4300, 0.6),
  m('MARSHALLS #{d:4}', 3900, 0.6),
  m('ROSS STORES #{d:4}', 3500, 0.6),
  m('SEPHORA.COM', 5200, 0.5),
  m('ULTA #{d:4}', 3800, 0.5),
  m('PETSMART # {d:4}', 4400, 0.5),
  m('CHEWY.COM', 5600, 0.4),
  m('IKEA {city}', 11000, 0.8),
  m('BART-CLIPPER {d:9}', 2000, 0.2),
  m('MTA*NYCT PAYGO', 290, 0.05),
  m('PARKING KITTY {d:6}', 800, 0.4),
  m('AMC {d:4} ONLINE', 2800, 0.3),
  m('TICKETMASTER', 11000, 0.6),
  m('STEAMGAMES.COM {d:10}', 2000, 0.6),
  m('UNITED {d:13}', 38000, 0.5),
  m('DELTA AIR {d:13}', 35000, 0.5),
  m('SOUTHWES {d:10}', 21000, 0.4),
  m('AIRBNB * {a:10}', 42000, 0.6),
  m('MARRIOTT {d:5} {city}', 27000, 0.5),
  m('HERTZ RENT-A-CAR', 31000, 0.4),
  m('GREAT CLIPS #{d:4}', 2500, 0.15),
  m('DOLLAR TREE {d:5}', 1300, 0.5),
  m('AUTOZONE #{d:4}', 3200, 0.7),
  m('JIFFY LUBE #{d:4}', 8900, 0.2),
  m('USPS PO {d:10}', 1200, 0.6),
  m('THE UPS STORE {d:4}', 2200, 0.5),
];

/** Charges that come every month at a fixed price. */
export const SUBSCRIPTIONS: readonly Merchant[] = [
  m('NETFLIX.COM', 1549, 0),
  m('Spotify USA', 1199, 0),
  m('HULU {d:12}', 799, 0),
  m('DISNEY PLUS', 1399, 0),
  m('APPLE.COM/BILL', 299, 0),
  m('GOOGLE *YouTubePremium', 1399, 0),
  m('AMAZON PRIME*{a:9}', 1499, 0),
  m('PLANET FITNESS', 2499, 0),
  m('NYTIMES*NYTIMES', 1700, 0),
  m('ADOBE  *CREATIVE CLOUD', 5999, 0),
  m('DROPBOX*{a:10}', 1199, 0),
  m('PELOTON* MEMBERSHIP', 4400, 0),
];

const CITIES = [
  'OAKLAND CA',
  'SAN FRANCISCO CA',
  'BERKELEY CA',
  'SEATTLE WA',
  'PORTLAND OR',
  'BROOKLYN NY',
  'NEW YORK NY',
  'AUSTIN TX',
  'CHICAGO IL',
  'DENVER CO',
  'BOSTON MA',
  'LOS ANGELES CA',
  'ATLANTA GA',
  'MIAMI FL',
  'MINNEAPOLIS MN',
];

const LOCAL_FIRST = [
  'BLUE',
  'GOLDEN',
  'LITTLE',
  'OLD TOWN',
  'SUNSET',
  'MISSION',
  'HARBOR',
  'MAPLE',
  'CEDAR',
  'RED DOOR',
  'CORNER',
  'LUCKY',
  'GREEN LEAF',
  'NORTH STAR',
  'RIVERSIDE',
  'HILLTOP',
  'URBAN',
  'SILVER',
  'BAYSIDE',
  'PARK AVE',
];
const LOCAL_KIND: readonly [string, number, number][] = [
  ['COFFEE', 600, 0.3],
  ['CAFE', 1100, 0.4],
  ['TAQUERIA', 1500, 0.3],
  ['PIZZA', 2600, 0.4],
  ['SUSHI', 4200, 0.4],
  ['THAI KITCHEN', 3100, 0.4],
  ['BAKERY', 900, 0.4],
  ['MARKET', 3300, 0.6],
  ['DELI', 1300, 0.3],
  ['BREWING CO', 3600, 0.5],
  ['BOOKS', 2400, 0.5],
  ['HARDWARE', 2800, 0.7],
  ['NAIL SALON', 4500, 0.3],
  ['DRY CLEANERS', 2200, 0.3],
  ['RAMEN', 2200, 0.2],
  ['WINE BAR', 5200, 0.4],
  ['FLORIST', 4800, 0.4],
  ['BARBER', 3500, 0.15],
  ['YOGA', 2500, 0.2],
  ['PHO', 1700, 0.2],
];
const LOCAL_PREFIX = ['SQ *', 'TST* ', 'SP ', '', '', ''];

/** The whole catalogue: chains, then `localCount` local shops made up deterministically from word lists. */
export function merchantCatalogue(localCount: number): Merchant[] {
  const list = [...CHAINS];
  for (let i = 0; i < localCount; i++) {
    const first = LOCAL_FIRST[i % LOCAL_FIRST.length] as string;
    const [kind, typical, spread] = LOCAL_KIND[Math.floor(i / LOCAL_FIRST.length) % LOCAL_KIND.length] as [
      string,
      number,
      number,
    ];
    const prefix = LOCAL_PREFIX[(i * 7) % LOCAL_PREFIX.length] as string;
    const city = CITIES[(i * 13) % CITIES.length] as string;
    const round = Math.floor(i / (LOCAL_FIRST.length * LOCAL_KIND.length));
    const name = round === 0 ? `${first} ${kind}` : `${first} ${kind} ${round + 1}`;
    list.push(m(`${prefix}${name} ${city}`, typical, spread));
  }
  return list;
}

export { CITIES };
