/** Every reply the conversation and the bot can name exists in dialogs/*.lg, and the files parse cleanly. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { realTemplates } from '../helpers/chat.ts';

function namedTemplates(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
    const code = readFileSync(join(ROOT, dir, file), 'utf8');
    for (const m of code.matchAll(/template: '([A-Za-z]+)'/g)) names.add(m[1]!);
    for (const m of code.matchAll(/\b(?:render|has)\('([A-Za-z]+)'/g)) names.add(m[1]!);
    for (const m of code.matchAll(/\? '([A-Z][A-Za-z]+)' : '([A-Z][A-Za-z]+)'/g)) {
      names.add(m[1]!);
      names.add(m[2]!);
    }
  }
  return names;
}

describe('dialogs/*.lg', () => {
  it('parse without problems', () => {
    expect(realTemplates().problems).toEqual([]);
  });

  it('hold every template the code names', () => {
    const named = new Set([...namedTemplates('src/conversation'), ...namedTemplates('src/bot')]);
    expect(named.size).toBeGreaterThan(40);
    const missing = [...named].filter((n) => !realTemplates().has(n));
    expect(missing).toEqual([]);
  });

  it('render the welcome, alert and error messages the bot sends on its own', () => {
    const t = realTemplates();
    expect(t.render('Welcome', { hasAccounts: false, name: 'Dana' })).toMatch(/\S/);
    expect(
      t.render('Alert', {
        items: ['$1,249.00 at Best Buy on 21 Feb 2026 — about 19× your usual charge'],
        count: 1,
      }),
    ).toContain('Best Buy');
    expect(t.render('SomethingWentWrong')).toMatch(/\S/);
  });
});
