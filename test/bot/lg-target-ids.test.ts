import { Templates } from 'botbuilder-lg';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimpleObjectMemory } from 'adaptive-expressions';
import { describe, expect, it, vi } from 'vitest';
import { keepEvaluationIds, scopeJson } from '../../src/bot/lg-target-ids.ts';
import { BotTemplates } from '../../src/bot/templates.ts';

const DIALOGS = join(import.meta.dirname, '..', '..', 'dialogs');

const LG = `# Answer(w)
- You spent \${w.amount} \${Where(w.place)}\${Where(w.place)}, \${join(foreach(w.items, i, Item(i.label, i.amount)), ', ')}. \${Pick()}\${Pick()}

# Where(place)
- at \${place}

# Item(label, amount)
- \${label} \${amount}

# Pick
- one
- two
- three

# Loop(n)
- \${Again(n)}

# Again(n)
- \${Loop(n)}
`;

const DATA = {
  w: {
    amount: '$12.00',
    place: 'Blue Bottle',
    items: [
      { label: 'Coffee', amount: '$8.00' },
      { label: 'Tea', amount: '$4.00' },
    ],
  },
};

function open(): BotTemplates {
  const dir = mkdtempSync(join(tmpdir(), 'tally-lg-'));
  writeFileSync(join(dir, 'answers.lg'), LG);
  return BotTemplates.open(dir);
}

describe('template calls named once per call', () => {
  it('says what botbuilder-lg says, calls with arguments and repeated calls included', () => {
    const expected = Templates.parseText(LG).evaluate('Answer', DATA) as string;
    keepEvaluationIds();
    const said = open().render('Answer', DATA);
    // A repeated call with the same scope is one evaluation, so both Pick() calls say the same alternative.
    expect(said).toMatch(
      /^You spent \$12\.00 at Blue Bottleat Blue Bottle, Coffee \$8\.00, Tea \$4\.00\. (one|two|three)\1$/,
    );
    expect(said.replace(/(one|two|three)+$/, '')).toBe(expected.replace(/(one|two|three)+$/, ''));
  });

  it('serialises each scope once per render, however deep the calls', () => {
    const templates = open();
    templates.render('Answer', DATA);
    const serialised = vi.spyOn(SimpleObjectMemory.prototype, 'toString');
    templates.render('Answer', DATA);
    // The answer's data, and the arguments of Where, Item twice and Pick's inherited scope: not once per
    // call on the stack per call.
    expect(serialised.mock.calls.length).toBeLessThanOrEqual(5);
    serialised.mockRestore();
  });

  it('names calls without serialising the answer’s data, and still tells their arguments apart', () => {
    const templates = open();
    const first = templates.render('Answer', DATA);
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(templates.render('Answer', DATA)).toMatch(
      /^You spent \$12\.00 at Blue Bottleat Blue Bottle, Coffee/,
    );
    expect(stringify.mock.calls.some(([value]) => value === DATA)).toBe(false);
    stringify.mockRestore();
    expect(first).toContain('Coffee $8.00, Tea $4.00');
  });

  it('writes a call’s scope as JSON.stringify does, from its arguments’ JSON kept for the render', () => {
    const w = { amount: '$12.00', items: [{ label: 'Tea', amount: undefined }], n: 3, ok: true, no: null };
    const scopes: unknown[] = [
      { w },
      { w, again: w, label: 'a "quoted"\nline', skip: undefined, fn: () => 1 },
      { when: new Date('2026-03-01T00:00:00Z'), list: [1, undefined, 'x'], nested: { deep: { er: [w] } } },
      { odd: { toJSON: (key: string) => `as ${key}` }, gone: { toJSON: () => undefined } },
      {},
      [w, 1],
      'text',
      7,
      null,
    ];
    const kept = new WeakMap<object, string>();
    for (const scope of scopes) {
      expect(scopeJson(scope, kept)).toBe(JSON.stringify(scope));
      expect(scopeJson(scope, kept)).toBe(JSON.stringify(scope));
    }
  });

  it('still refuses a template that calls itself', () => {
    expect(() => open().render('Loop', { n: 1 })).toThrow(/Loop detected/i);
  });

  it('gives different data different answers from the same evaluator', () => {
    const templates = open();
    expect(templates.render('Answer', DATA)).toContain('$12.00');
    const other = { w: { ...DATA.w, amount: '$99.00', place: 'Shell' } };
    expect(templates.render('Answer', other)).toMatch(/^You spent \$99\.00 at Shellat Shell,/);
  });

  it('holds because no dialog assigns to its data while rendering', () => {
    const lg = readdirSync(DIALOGS).filter((f) => f.endsWith('.lg'));
    expect(lg.length).toBeGreaterThan(0);
    for (const file of lg) expect(readFileSync(join(DIALOGS, file), 'utf8')).not.toMatch(/setPathToValue/i);
  });
});
