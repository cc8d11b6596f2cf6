/** Prints how fast a plain 1,000,000-row Chase-style CSV parses, in rows per second. */
import { parseStatement } from '../src/ingest/parse.ts';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const parts = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #,'];
let balance = 10_000_000;
for (let i = 0; i < ROWS; i++) {
  const day = new Date(Date.UTC(2026, 1, 28) - Math.floor(i / 40) * 86_400_000);
  const date = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`;
  const cents = -((i * 7919) % 20_000) - 100;
  balance -= cents;
  parts.push(
    `DEBIT,${date},"POS PURCHASE STORE ${i % 977} SAN FRANCISCO CA",${(cents / 100).toFixed(2)},DEBIT_CARD,${(balance / 100).toFixed(2)},,`,
  );
}
const bytes = Buffer.from(parts.join('\n'), 'utf8');
const start = performance.now();
const [statement] = parseStatement(bytes, { fileName: 'bench.csv' });
const seconds = (performance.now() - start) / 1000;
const n = statement?.transactions.length ?? 0;
console.log(
  `${n} rows in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en-US')} rows/s (${(bytes.length / 1e6).toFixed(0)} MB)`,
);
