import { DiagnosticSeverity, EvaluationOptions, Evaluator, LGLineBreakStyle, Templates } from 'botbuilder-lg';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keepMemoryPaths, whileReadingPaths } from './lg-memory-paths.ts';
import { whileParsing, whileSaying } from './lg-parse-text.ts';
import { keepEvaluationIds, whileNaming } from './lg-target-ids.ts';
import { parseUnchecked } from './lg-unchecked-parse.ts';
import { keepAllTemplates, keepTemplateCallWork } from './lg-template-calls.ts';
import { indexSections } from './template-sections.ts';
import { variantName, variantProblems } from './tone-variants.ts';

export interface DialogProblem {
  file: string;
  line: number;
  message: string;
}

/** Everything the bot says, from dialogs/*.lg, evaluated with botbuilder-lg. */
export class BotTemplates {
  /**
   * One evaluator per file, kept across turns, so each expression is parsed once, not every render; with
   * whether the file asks for Markdown line breaks (`lgOptions` parses the file's options on every read).
   */
  private readonly evaluators = new Map<Templates, { evaluator: Evaluator; markdown: boolean }>();

  private constructor(
    private readonly known: ReadonlySet<string>,
    private readonly find: (name: string) => Templates | undefined,
    readonly problems: DialogProblem[],
  ) {}

  /**
   * For the server: nothing is parsed until it is said, and then only the template and the templates it
   * calls (see template-sections.ts), without the semantic check `load` runs (see lg-unchecked-parse.ts).
   * A part that does not parse on its own falls back to its whole file. Problems are for `load` (and
   * `npm run dialogs:check`) to find.
   */
  static open(dir: string): BotTemplates {
    const index = indexSections(dir);
    const parsed = new Map<string, Templates>();
    const files = new Map<string, Templates>();
    const whole = (file: string) => {
      let templates = files.get(file);
      if (!templates) files.set(file, (templates = Templates.parseFile(join(dir, file))));
      return templates;
    };
    const find = (name: string): Templates | undefined => {
      const section = index.byName.get(name);
      if (!section) return undefined;
      let templates = parsed.get(name);
      if (!templates) {
        try {
          templates = parseUnchecked(index.closure(name), join(dir, section.file));
          if (templates.allDiagnostics.some((d) => d.severity === DiagnosticSeverity.Error))
            templates = whole(section.file);
        } catch {
          templates = whole(section.file);
        }
        parsed.set(name, templates);
      }
      return templates;
    };
    return new BotTemplates(new Set(index.byName.keys()), find, []);
  }

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
    return new BotTemplates(new Set(byName.keys()), (name) => byName.get(name), problems);
  }

  names(): string[] {
    return [...this.known];
  }

  has(name: string): boolean {
    return this.known.has(name);
  }

  /**
   * Renders a template to text, in the person's tone when the template has a variant for it
   * (`Name_roast`, `Name_hype`); throws for a template that does not exist.
   */
  render(name: string, data: object = {}, tone?: string): string {
    if (tone && tone !== 'normal' && this.known.has(variantName(name, tone)))
      return this.render(variantName(name, tone), data);
    const templates = this.find(name);
    if (!templates) throw new Error(`no template named ${name}`);
    let kept = this.evaluators.get(templates);
    if (!kept) {
      kept = {
        evaluator: reusableEvaluator(templates),
        markdown: templates.lgOptions.LineBreakStyle === LGLineBreakStyle.Markdown,
      };
      this.evaluators.set(templates, kept);
    }
    let out: unknown;
    try {
      const { evaluator } = kept;
      out = whileSaying(() =>
        whileReadingPaths(() => whileNaming(data, () => evaluator.evaluateTemplate(name, data))),
      );
    } catch (err) {
      // A failed evaluation can leave its stack half unwound: start the next one afresh.
      this.evaluators.delete(templates);
      throw err;
    }
    if (kept.markdown && typeof out === 'string') out = out.replace(/(\r?\n)/g, '$1$1');
    return typeof out === 'string' ? out.replace(/\n{3,}/g, '\n\n').trim() : JSON.stringify(out);
  }
}

/**
 * What `Templates.evaluate` does, minus its per-call cost: it builds a new evaluator (and expression
 * parser) every time and parses every `${…}` expression with ANTLR again. Expressions are immutable trees
 * and evaluation is synchronous, so one evaluator with a parse cache gives the same text.
 */
const DEFAULT_LOCALE = Intl.DateTimeFormat().resolvedOptions().locale;

type Expression = ReturnType<Evaluator['expressionParser']['parse']>;

function reusableEvaluator(templates: Templates): Evaluator {
  keepEvaluationIds();
  keepTemplateCallWork();
  keepAllTemplates(templates);
  keepMemoryPaths();
  const options = new EvaluationOptions(templates.lgOptions);
  // Without a locale, every string() call asks Intl for the default one again (tens of µs each).
  options.locale ||= DEFAULT_LOCALE;
  const evaluator = new Evaluator(templates, options);
  const parser = evaluator.expressionParser;
  const parse = parser.parse.bind(parser);
  const parsed = new Map<string, Expression>();
  parser.parse = (expression: string) => {
    let tree = parsed.get(expression);
    if (!tree) {
      tree = whileParsing(() => parse(expression));
      if (parsed.size < 10_000) parsed.set(expression, tree);
    }
    return tree;
  };
  return evaluator;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'could not be parsed';
}

function lineOf(err: unknown): number {
  const m = /line (\d+)/i.exec(err instanceof Error ? err.message : String(err));
  return m ? Number(m[1]) : 1;
}
