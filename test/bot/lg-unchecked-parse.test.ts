import { DiagnosticSeverity, StaticChecker, Templates } from 'botbuilder-lg';
import { describe, expect, it } from 'vitest';
import { parseUnchecked } from '../../src/bot/lg-unchecked-parse.ts';

const errors = (t: Templates) =>
  t.allDiagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.message);

describe('parsing templates without the semantic check', () => {
  const text = '# Total(amount)\n- You spent ${amount} ${if(amount > 10, "a lot", "a little")}.';

  it('says what the checked parse says', () => {
    const checked = Templates.parseText(text, '/dialogs/a.lg');
    const unchecked = parseUnchecked(text, '/dialogs/a.lg');
    expect(unchecked.evaluate('Total', { amount: 12 })).toBe(checked.evaluate('Total', { amount: 12 }));
    expect(unchecked.evaluate('Total', { amount: 3 })).toBe('You spent 3 a little.');
  });

  it('leaves the semantic check in place for every other parse', () => {
    const unknownFunction = '# Odd\n- ${noSuchFunction(1)}';
    expect(errors(parseUnchecked(unknownFunction, '/dialogs/b.lg'))).toEqual([]);
    expect(errors(Templates.parseText(unknownFunction, '/dialogs/b.lg')).length).toBeGreaterThan(0);
    expect(new StaticChecker(Templates.parseText('# T\n- t', '/dialogs/c.lg')).check()).toEqual([]);
  });

  it('still reports a template definition that does not parse', () => {
    expect(errors(parseUnchecked('# Broken(\n- x', '/dialogs/d.lg')).length).toBeGreaterThan(0);
  });
});
