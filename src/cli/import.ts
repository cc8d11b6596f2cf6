import { accessSync, constants, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BotTemplates } from '../bot/templates.ts';
import { openStore } from '../open-store.ts';
import { loadConfig, loadDotEnv } from '../config.ts';
import { dayRangeText } from '../conversation/describe.ts';
import { MissingAccountTypeError, importFile, type ImportSummary } from '../ingest/importer.ts';
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type AccountType,
} from '../ingest/types.ts';
import { flag, parseArgs } from './args.ts';
import { progressBar } from './progress.ts';

const USAGE = `Usage: npm run import -- FILE --user ID --account NAME --type checking|savings|credit_card
       [--date-format mm/dd/yyyy|dd/mm/yyyy|yyyy-mm-dd|…] [--columns date=…,description=…,amount=…] [--negate]`;
const TYPES: readonly AccountType[] = ['checking', 'savings', 'credit_card'];

/**
 * Links a statement file to a user's account. Exit 0 only when the whole file was imported; a file
 * that is refused (broken, cut off, or needing an answer) saves nothing and exits 1. What it reports
 * comes from dialogs/*.lg (the Cli… templates).
 */
async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const file = positional[0];
  const userId = flag(flags, 'user');
  const accountName = flag(flags, 'account');
  const type = flag(flags, 'type')?.toLowerCase().replace(/[\s-]/g, '_') as AccountType | undefined;
  if (!file || !userId || !accountName || flags.has('help')) return fail(USAGE);
  if (type && !TYPES.includes(type))
    return fail(`--type must be checking, savings or credit_card, not "${flag(flags, 'type')}".`);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return fail(`${file} is not a file.`);
    size = stat.size;
    accessSync(file, constants.R_OK);
  } catch {
    return fail(`Cannot read ${file}: no such file, or no permission.`);
  }
  await loadDotEnv();
  const config = loadConfig();
  const store = await openStore(config.dbFile);
  const started = performance.now();
  const progress = size > 5_000_000 ? progressBar(file, size, process.stderr) : undefined;
  try {
    const s = await importFile(store, {
      userId,
      accountName,
      accountType: type,
      fileName: basename(file),
      path: file,
      size,
      overrides: {
        dateFormat: flag(flags, 'date-format'),
        columns: flag(flags, 'columns'),
        negate: flags.has('negate') ? true : undefined,
      },
      onRows: progress ? (n) => progress.rows(n) : undefined,
    });
    progress?.done();
    await store.optimize();
    // The store's page cache and the import's memory go before the wording is loaded.
    await store.close();
    const templates = await loadTemplates(config.dialogsDir);
    process.stdout.write(`${report(templates, s, (performance.now() - started) / 1000)}\n`);
    return 0;
  } catch (err) {
    progress?.done();
    await store.close();
    const templates = await loadTemplates(config.dialogsDir);
    return fail(templates.render('CliNotImported', refusal(err, basename(file), accountName)));
  }
}

/**
 * The wording, loaded once the import is over: the template engine is not needed before, and a large
 * import's memory has gone by then.
 */
async function loadTemplates(dialogsDir: string): Promise<BotTemplates> {
  const { BotTemplates } = await import('../bot/templates.ts');
  return BotTemplates.load(dialogsDir);
}

function report(templates: BotTemplates, s: ImportSummary, seconds: number): string {
  const imported = templates.render('CliImported', {
    added: s.added,
    range: s.firstDate && s.lastDate ? dayRangeText(s.firstDate, s.lastDate) : '',
    account: s.account.name,
    skipped: s.skipped,
    repeated: s.repeated,
    transfers: s.transfersMarked,
    format: s.format,
    layout: s.layout,
    seconds: seconds.toFixed(1),
  });
  return [
    imported,
    ...s.assumptions.map((assumption) => `  ${templates.render('CliAssumed', { assumption })}`),
  ].join('\n');
}

/** What CliNotImported needs to say why nothing was imported. */
function refusal(err: unknown, file: string, account: string): Record<string, unknown> {
  if (err instanceof TruncatedStatementError)
    return { kind: 'cut-off', file: err.file, line: err.line, detail: err.detail };
  if (err instanceof StatementError)
    return { kind: 'unreadable', file: err.file, where: err.where, expected: err.expected };
  if (err instanceof StatementQuestion) {
    const hint =
      err.topic === 'date-format' ? '--date-format' : err.topic === 'sign' ? '--negate' : '--columns';
    return { kind: 'question', question: err.question, flag: hint, options: err.options };
  }
  if (err instanceof MissingAccountTypeError) return { kind: 'account-type', account };
  return {
    kind: 'other',
    file,
    reason: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err),
  };
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
