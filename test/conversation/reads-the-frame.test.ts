/**
 * Dialogs read what the language layer put in the frame and never parse the message again: no file in
 * src/conversation imports a function from src/language (types only), and the message text is touched only
 * where the list below says why. A new use fails here until it moves into the frame or is listed with its
 * reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';

const DIR = join(ROOT, 'src', 'conversation');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const source = (file: string) => readFileSync(join(DIR, file), 'utf8');

/** Uses of the message text that are allowed, with how many and why. */
const TEXT_USES: Readonly<Record<string, { uses: number; why: string }>> = {
  'engine.ts': { uses: 3, why: 'hands the text to the language layer' },
  'link.ts': { uses: 1, why: 'keeps the account name as the person typed it' },
};
/** Functions imported from src/language that are allowed, with why. */
const LANGUAGE_IMPORTS: Readonly<Record<string, { names: string[]; why: string }>> = {};

/** Names imported as values (not `import type`, not `type X`) from a module under src/language. */
function languageValueImports(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(
    /^import\s+(type\s+)?(\{[^}]*\}|[\w*, ]+?)\s+from\s+'(\.\.\/language\/[^']+)'/gm,
  )) {
    if (m[1]) continue;
    const specifiers = (m[2] ?? '').replace(/[{}]/g, '').split(',');
    for (const s of specifiers.map((x) => x.trim()).filter(Boolean)) {
      if (!s.startsWith('type ')) names.push(s.split(/\s+as\s+/)[0]!);
    }
  }
  return names;
}

const textUses = (text: string) => (text.match(/\binput\.text\b/g) ?? []).length;

describe('conversation files read the frame, not the text', () => {
  it('finds the files it scans, and the scanner sees a value import and a text use', () => {
    expect(files).toContain('coaching.ts');
    expect(languageValueImports(`import { a, type B } from '../language/x.ts';`)).toEqual(['a']);
    expect(languageValueImports(`import type { A } from '../language/types.ts';`)).toEqual([]);
    expect(textUses('const t = ctx.input.text; f(input.text);')).toBe(2);
  });

  it.each(files)('%s imports no text reader from src/language', (file) => {
    expect(languageValueImports(source(file))).toEqual(LANGUAGE_IMPORTS[file]?.names ?? []);
  });

  it.each(files)('%s touches the message text only where listed', (file) => {
    expect(textUses(source(file))).toBe(TEXT_USES[file]?.uses ?? 0);
  });

  it('keeps the coaching dialogs off the text entirely', () => {
    for (const file of files.filter((f) => /^(coaching|bills-ahead|budget|upcoming)/.test(f))) {
      expect(source(file)).not.toMatch(/\.text\b/);
    }
  });
});
