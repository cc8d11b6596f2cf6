/**
 * What start-up leaves out: the date recognizer (about 50 MB resident) loads only when a message needs
 * it, not on a timer after start.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTally, type RunningTally } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { messageActivity, postActivity } from '../helpers/channel.ts';
import { tempDbFile } from '../helpers/store.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const UNDERSTAND = join(ROOT, 'src', 'language', 'understand.ts');
const loaded = (pkg: string) =>
  Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes(`/node_modules/${pkg}/`));

describe('start-up', () => {
  const temp = tempDbFile();
  let tally: RunningTally;
  beforeAll(async () => {
    // The first start after a change to the examples masks them, which reads dates with the recognizer:
    // done beforehand in another process, so this one starts as a server usually does, from the cache.
    const warm = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { createUnderstanding } = await import(${JSON.stringify(UNDERSTAND)});
         await createUnderstanding(${JSON.stringify({
           luDir: join(ROOT, 'dialogs'),
           synonymsFile: join(ROOT, 'data', 'category-synonyms.csv'),
           modelCacheDir: join(ROOT, '.cache'),
         })});`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (warm.status !== 0) throw new Error(warm.stderr);
    tally = await startTally(
      loadConfig({ ...process.env, PORT: '0', TALLY_DB: temp.file, LOG_LEVEL: 'error', MicrosoftAppId: '' }),
    );
  });
  afterAll(async () => {
    await tally.close();
    temp.remove();
  });

  it('answers without loading the date recognizer, and does not load it afterwards on its own', async () => {
    const ask = (text: string) =>
      postActivity(
        tally.port,
        messageActivity(text, {
          user: 'u-start',
          conversation: 'c-start',
          serviceUrl: 'http://127.0.0.1:9',
          expectReplies: true,
        }),
      );
    expect(loaded('@microsoft/recognizers-text-date-time')).toBe(false);
    expect((await ask('hi')).status).toBe(200);
    expect(loaded('@microsoft/recognizers-text-date-time')).toBe(false);
    expect((await ask('how much did i spend on groceries last month')).status).toBe(200);
    // The old warm-up ran three seconds after start.
    await new Promise((r) => setTimeout(r, 3500));
    expect(loaded('@microsoft/recognizers-text-date-time')).toBe(false);
  });

  it('loads it when a message has a date only it can read', async () => {
    const { findPeriods } = await import('../../src/language/periods/index.ts');
    findPeriods('what did i spend the day after tomorrow week', '2026-11-10');
    expect(loaded('@microsoft/recognizers-text-date-time')).toBe(true);
  });
});
