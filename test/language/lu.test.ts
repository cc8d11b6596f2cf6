import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadLuFolder, parseExample, parseLu } from '../../src/language/lu.ts';
import { INTENTS } from '../../src/language/types.ts';

describe('parseExample', () => {
  it('removes markup and records where each entity sits in the plain text', () => {
    const r = parseExample('how much on {category=eating out} {period=last month}');
    expect(r.text).toBe('how much on eating out last month');
    expect(r.entities).toEqual([
      { name: 'category', value: 'eating out', start: 12, end: 22 },
      { name: 'period', value: 'last month', start: 23, end: 33 },
    ]);
  });
});

describe('parseLu', () => {
  it('reads intents, examples with their lines, and list entities', () => {
    const doc = parseLu(
      '> comment\n# greeting\n- hi\n- hello there\n\n@ list bank =\n- chase :\n    - jpmorgan\n',
      'a.lu',
    );
    expect(doc.problems).toEqual([]);
    expect(doc.intents.get('greeting')?.map((e) => [e.text, e.line])).toEqual([
      ['hi', 3],
      ['hello there', 4],
    ]);
    expect(doc.lists.get('bank')).toEqual([{ value: 'chase', synonyms: ['jpmorgan'] }]);
  });

  it('reports each mistake an editor can make, with its line', () => {
    const doc = parseLu(
      '- orphan\n# greeting\n- hi {category=x\n- hey\n- Hey!\n# nonsense\n- what\n# thanks\n',
      'b.lu',
    );
    const messages = doc.problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^1: example outside any intent/),
      expect.stringMatching(/^3: an unclosed "\{"/),
      expect.stringMatching(/^5: duplicate example \(also on line 4\)/),
      expect.stringMatching(/^6: unknown intent "nonsense"/),
      expect.stringMatching(/^8: intent "thanks" has no examples/),
    ]);
    expect(doc.problems.every((p) => p.file === 'b.lu')).toBe(true);
  });
});

describe('the dialogs folder', () => {
  it('has no problems and at least 30 examples for every intent', async () => {
    const doc = await loadLuFolder(join(import.meta.dirname, '../../dialogs'));
    expect(doc.problems).toEqual([]);
    for (const intent of INTENTS)
      expect(doc.intents.get(intent)?.length ?? 0, intent).toBeGreaterThanOrEqual(30);
  });
});
