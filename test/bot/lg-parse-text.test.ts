import { LGLineBreakStyle, Templates } from 'botbuilder-lg';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexSections } from '../../src/bot/template-sections.ts';
import { BotTemplates } from '../../src/bot/templates.ts';
import { DIALOGS, SAMPLE, said } from '../helpers/templates.ts';

/** What `BotTemplates.render` makes of an evaluation, done here on botbuilder-lg's own `evaluate`. */
function plainly(templates: Templates, name: string, data: object): string {
  try {
    let out: unknown = templates.evaluate(name, data);
    if (templates.lgOptions.LineBreakStyle === LGLineBreakStyle.Markdown && typeof out === 'string')
      out = out.replace(/(\r?\n)/g, '$1$1');
    return typeof out === 'string' ? out.replace(/\n{3,}/g, '\n\n').trim() : JSON.stringify(out);
  } catch (err) {
    return `error: ${(err as Error).message.split('\n')[0]}`;
  }
}

describe('parse-tree text kept while a template is said', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says every template exactly as botbuilder-lg does', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const index = indexSections(DIALOGS);
    const files = new Map<string, Templates>();
    const ours = BotTemplates.open(DIALOGS);
    for (const [name, section] of index.byName) {
      let whole = files.get(section.file);
      if (!whole) files.set(section.file, (whole = Templates.parseFile(join(DIALOGS, section.file))));
      // Twice: the second time every node's text is already kept.
      for (let round = 0; round < 2; round++) {
        expect(said(ours, name, SAMPLE), name).toBe(plainly(whole, name, SAMPLE));
        expect(said(ours, name, {}), name).toBe(plainly(whole, name, {}));
      }
    }
  });

  it('holds because no dialog parses text while it is said', () => {
    for (const file of readdirSync(DIALOGS).filter((f) => f.endsWith('.lg')))
      expect(readFileSync(join(DIALOGS, file), 'utf8')).not.toMatch(/expandText|fromFile|\[import\]/i);
  });
});
