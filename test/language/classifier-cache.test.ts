import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedLogisticClassifier } from '../../src/language/classifier-cache.ts';
import { trainClassifier } from '../../src/language/classifier.ts';

const EXAMPLES = [
  { text: 'how much did i spend on {category} {period}', label: 'spend_total' },
  { text: 'what did i spend at {merchant}', label: 'spend_total' },
  { text: 'total spending {period}', label: 'spend_total' },
  { text: 'any unusual charges', label: 'anomalies' },
  { text: 'anything weird on my card', label: 'anomalies' },
  { text: 'strange payments {period}', label: 'anomalies' },
  { text: 'hello', label: 'greeting' },
  { text: 'hi there', label: 'greeting' },
];
const ASKED = ['how much on {category}', 'weird charges', 'hey', 'spending at {merchant} {period}'];

describe('the kept intent model', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'tally-model-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('scores exactly as the freshly trained one, whether fitted now or loaded from the file', () => {
    const fresh = trainClassifier(EXAMPLES);
    const folder = dir();
    const first = cachedLogisticClassifier(EXAMPLES, {}, folder);
    const second = cachedLogisticClassifier(EXAMPLES, {}, folder);
    expect([first.loaded, second.loaded]).toEqual([false, true]);
    for (const text of ASKED) {
      expect(first.classifier.scores(text)).toEqual(fresh.scores(text));
      expect(second.classifier.scores(text)).toEqual(fresh.scores(text));
    }
  });

  it('is fitted afresh when an example changes', () => {
    const folder = dir();
    cachedLogisticClassifier(EXAMPLES, {}, folder);
    const changed = [...EXAMPLES, { text: 'good morning', label: 'greeting' }];
    expect(cachedLogisticClassifier(changed, {}, folder).loaded).toBe(false);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('fits again when the file is damaged, and still answers', () => {
    const folder = dir();
    cachedLogisticClassifier(EXAMPLES, {}, folder);
    const [file] = readdirSync(folder);
    writeFileSync(join(folder, file as string), 'not a model');
    const again = cachedLogisticClassifier(EXAMPLES, {}, folder);
    expect(again.loaded).toBe(false);
    expect(again.classifier.classify('any unusual charges').label).toBe('anomalies');
  });

  it('answers when the folder cannot be written', () => {
    const folder = join(dir(), 'file');
    writeFileSync(folder, '');
    const result = cachedLogisticClassifier(EXAMPLES, {}, join(folder, 'inside'));
    expect(result.classifier.classify('hello').label).toBe('greeting');
  });
});
