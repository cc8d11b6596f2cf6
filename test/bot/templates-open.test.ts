import { Templates } from 'botbuilder-lg';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexSections } from '../../src/bot/template-sections.ts';
import { BotTemplates } from '../../src/bot/templates.ts';
import { DIALOGS, SAMPLE, said } from '../helpers/templates.ts';

describe('templates parsed when first said', () => {
  afterEach(() => vi.restoreAllMocks());

  it('knows the same templates as parsing every file', () => {
    expect(BotTemplates.open(DIALOGS).names().sort()).toEqual(BotTemplates.load(DIALOGS).names().sort());
  });

  it('parses every template with what it calls, on its own, without errors', () => {
    const index = indexSections(DIALOGS);
    for (const [name, section] of index.byName) {
      const parsed = Templates.parseText(index.closure(name), join(DIALOGS, section.file));
      const errors = parsed.allDiagnostics
        .filter((d) => d.severity === 0)
        .map((d) => `${name}: ${d.message}`);
      expect(errors).toEqual([]);
    }
  });

  it('says exactly what the whole files say, for every template', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const eager = BotTemplates.load(DIALOGS);
    const lazy = BotTemplates.open(DIALOGS);
    for (const name of eager.names()) {
      expect(said(lazy, name, SAMPLE), name).toBe(said(eager, name, SAMPLE));
      expect(said(lazy, name, {}), name).toBe(said(eager, name, {}));
    }
  });
});
