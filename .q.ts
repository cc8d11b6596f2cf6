import { categorize } from './src/ingest/enrich/categorize.ts';
import { cleanMerchant } from './src/ingest/enrich/merchants.ts';
for (const d of process.argv.slice(2)) { const r = categorize({ merchant: cleanMerchant(d), description: d, amountMinor: -5000, accountType: 'checking' }); console.log(d.padEnd(50), cleanMerchant(d).padEnd(28), r.category, r.source); }
