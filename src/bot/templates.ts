import { DiagnosticSeverity, Templates } from 'botbuilder-lg';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { variantName, variantProblems } from './tone-variants.ts';

export interface DialogProblem {
  file: string;
  line: number;
  message: string;
}

/** Everything the bot says, from dialogs/*.lg, evaluated with botbuilder-lg. */
export class BotTemplates {
  private constructor(
    private readonly byName: Map<string, Templates>,
    readonly problems: DialogProblem[],
  ) {}

  /** Parses every .lg file in the folder; problems are collected, not thrown. */
  static load(dir: string): BotTemplates {
    const byName = new Map<string, Templates>();
    const problems: DialogProblem[] = [];
    const parsed: [string, Templates][] = [];
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.lg'))
      .sort()) {
      const path = join(dir, file);
      let templates: Templates;
      try {
        templates = Templates.parseFile(path);
      } catch (err) {
        // parseFile throws on some syntax errors instead of returning diagnostics.
        problems.push({ file, line: lineOf(err), message: firstLine(err) });
        continue;
      }
      parsed.push([file, templates]);
      for (const d of templates.allDiagnostics) {
        if (d.severity !== DiagnosticSeverity.Error) continue;
        problems.push({ file, line: d.range.start.line, message: d.message });
      }
      for (const t of templates.toArray()) {
        if (byName.has(t.name))
          problems.push({
            file,
            line: t.sourceRange.range.start.line,
            message: `template "${t.name}" is defined twice`,
          });
        else byName.set(t.name, templates);
      }
    }
    for (const [file, templates] of parsed)
      problems.push(
        ...variantProblems(templates, byName).map((p) => ({ file, line: p.line, message: p.message })),
      );
    return new BotTemplates(byName, problems);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Renders a template to text, in the person's tone when the template has a variant for it
   * (`Name_roast`, `Name_hype`); throws for a template that does not exist.
   */
  render(name: string, data: object = {}, tone?: string): string {
    if (tone && tone !== 'normal' && this.byName.has(variantName(name, tone)))
      return this.render(variantName(name, tone), data);
    const templates = this.byName.get(name);
    if (!templates) throw new Error(`no template named ${name}`);
    const out: unknown = templates.evaluate(name, data);
    return typeof out === 'string' ? out.replace(/\n{3,}/g, '\n\n').trim() : JSON.stringify(out);
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'could not be parsed';
}

function lineOf(err: unknown): number {
  const m = /line (\d+)/i.exec(err instanceof Error ? err.message : String(err));
  return m ? Number(m[1]) : 1;
}
