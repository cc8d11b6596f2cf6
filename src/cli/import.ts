import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { openStore } from '../open-store.ts';
import { loadConfig, loadDotEnv } from '../config.ts';
import { dayRangeText } from '../conversation/describe.ts';
import { MissingAccountTypeError, importStatement } from '../ingest/importer.ts';
import { StatementError, StatementQuestion, type AccountType } from '../ingest/types.ts';
import { flag, parseArgs } from './args.ts';

const USAGE = `Usage: npm run import -- FILE --user ID --account NAME --type checking|savings|credit_card
       [--date-format mm/dd/yyyy|dd/mm/yyyy|yyyy-mm-dd|…] [--columns date=…,description=…,amount=…] [--negate]`;
const TYPES: readonly AccountType[] = ['checking', 'savings', 'credit_card'];

/** Links a statement file to a user's account. Exit 0 only when the whole file was imported. */
async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const file = positional[0];
  const userId = flag(flags, 'user');
  const accountName = flag(flags, 'account');
  const type = flag(flags, 'type')?.toLowerCase().replace(/[\s-]/g, '_') as AccountType | undefined;
  if (!file || !userId || !accountName || flags.has('help')) return fail(USAGE);
  if (type && !TYPES.includes(type)) return fail(`--type must be checking, savings or credit_card, not "${flag(flags, 'type')}".`);
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) return fail(`${file} is not a file.`);
    bytes = readFileSync(file);
  } catch {
    return fail(`Cannot read ${file}: no such file, or no permission.`);
  }
  await loadDotEnv();
  const store = await openStore(loadConfig().dbFile);
  const started = performance.now();
  const progress = bytes.length > 5_000_000 ? setInterval(() => process.stderr.write('.'), 1000) : undefined;
  try {
    const s = await importStatement(store, {
      userId,
      accountName,
      accountType: type,
      fileName: basename(file),
      bytes,
      overrides: {
        dateFormat: flag(flags, 'date-format'),
        columns: flag(flags, 'columns'),
        negate: flags.has('negate') ? true : undefined,
      },
    });
    if (progress) process.stderr.write('\n');
    await store.optimize();
    const seconds = (performance.now() - started) / 1000;
    const range = s.firstDate && s.lastDate ? ` (${dayRangeText(s.firstDate, s.lastDate)})` : '';
    const already = s.skipped ? `; ${s.skipped} already there` : '';
    const transfers = s.transfersMarked ? `; ${s.transfersMarked} marked as transfers between own accounts` : '';
    process.stdout.write(
      `Imported ${s.added} transactions${range} into ${s.account.name}${already}${transfers} [${s.format}: ${s.layout}, ${seconds.toFixed(1)} s].\n`,
    );
    for (const a of s.assumptions) process.stdout.write(`  Assumed: ${a}\n`);
    return 0;
  } catch (err) {
    if (progress) process.stderr.write('\n');
    if (err instanceof StatementError) return fail(`Not imported: ${err.message}. Nothing was saved.`);
    if (err instanceof StatementQuestion) {
      const hint = err.topic === 'date-format' ? '--date-format' : err.topic === 'sign' ? '--negate' : '--columns';
      return fail(`Not imported: ${err.question} Answer with ${hint} (${err.options.join(' or ')}). Nothing was saved.`);
    }
    if (err instanceof MissingAccountTypeError) return fail(`Not imported: ${err.message}; pass --type. Nothing was saved.`);
    return fail(`Not imported: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}. Nothing was saved.`);
  } finally {
    store.close();
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
