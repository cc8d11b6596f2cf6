/** The import's progress bar: drawn on a terminal, never stopping at 100% before the end; silent elsewhere. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-progress-'));
const file = join(dir, 'rows.csv');
// 1,000 lines of 20 bytes: the bar expects 1,000 rows.
writeFileSync(file, 'Date,Desc,Amount,XY\n'.repeat(1000));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stream(isTTY: boolean): { out: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const out = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { out, text: () => text };
}

describe('import progress bar', () => {
  it('says nothing when the output is not a terminal', () => {
    const { out, text } = stream(false);
    const bar = progressBar(file, 20_000, out);
    bar.rows(500);
    bar.done();
    expect(text()).toBe('');
  });

  it('draws the share of the expected rows, at most 99% until done, then 100%', () => {
    const { out, text } = stream(true);
    const bar = progressBar(file, 20_000, out);
    bar.rows(500);
    expect(text()).toMatch(/ 50% 500 rows · about \d+ s left/);
    bar.rows(5000);
    bar.done();
    const frames = text().split('\r').filter(Boolean);
    expect(frames.at(-1)).toMatch(/\[#{30}\] 100% 5,500 rows\n$/);
    expect(frames.slice(0, -1).every((f) => !f.includes('100%'))).toBe(true);
  });
});
