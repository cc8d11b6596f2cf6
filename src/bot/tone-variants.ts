/**
 * Tone variants in dialogs/*.lg: a template `Foo` may have `Foo_roast` and `Foo_hype`, said instead of it
 * to people who chose that tone. Product teams add them without code; these checks keep a variant honest:
 * it must sit beside a template that exists, be for a tone Tally has, take the same parameters, and read
 * no data its template is not given (so the facts are the same whichever tone says them).
 */
import type { Templates } from 'botbuilder-lg';

/** Tones with variants; `normal` is the template itself. */
export const VARIANT_TONES = ['roast', 'hype'] as const;
export type VariantTone = (typeof VARIANT_TONES)[number];

/** The name a tone's variant of a template has. */
export function variantName(template: string, tone: string): string {
  return `${template}_${tone}`;
}

/** "BudgetStatus_roast" → { base: "BudgetStatus", tone: "roast" }; undefined for a name without a suffix. */
export function splitVariant(name: string): { base: string; tone: string } | undefined {
  const m = /^([A-Z][A-Za-z0-9]*)_([a-z]+)$/.exec(name);
  return m ? { base: m[1]!, tone: m[2]! } : undefined;
}

/** The data names a template reads at its top level ("rows[0].label" reads "rows"). */
function rootsRead(templates: Templates, name: string): Set<string> {
  try {
    return new Set(templates.analyzeTemplate(name).Variables.map((v) => v.split(/[.[]/)[0]!));
  } catch {
    return new Set();
  }
}

export interface VariantProblem {
  name: string;
  line: number;
  message: string;
}

/** Problems with the tone variants defined in one parsed file, given where every template lives. */
export function variantProblems(file: Templates, byName: ReadonlyMap<string, Templates>): VariantProblem[] {
  const problems: VariantProblem[] = [];
  for (const t of file.toArray()) {
    const split = splitVariant(t.name);
    if (!split) continue;
    const line = t.sourceRange.range.start.line;
    const problem = (message: string) => problems.push({ name: t.name, line, message });
    if (!(VARIANT_TONES as readonly string[]).includes(split.tone)) {
      problem(
        `"${t.name}": "${split.tone}" is not a tone (use ${VARIANT_TONES.map((x) => `_${x}`).join(' or ')})`,
      );
      continue;
    }
    const baseFile = byName.get(split.base);
    const base = baseFile?.toArray().find((b) => b.name === split.base);
    if (!baseFile || !base) {
      problem(`"${t.name}" is a ${split.tone} variant of "${split.base}", which does not exist`);
      continue;
    }
    if (base.parameters.join(',') !== t.parameters.join(',')) {
      problem(
        `"${t.name}" must take the same parameters as "${split.base}" (${base.parameters.join(', ') || 'none'})`,
      );
      continue;
    }
    const given = rootsRead(baseFile, split.base);
    for (const p of base.parameters) given.add(p);
    const extra = [...rootsRead(file, t.name)].filter((v) => !given.has(v));
    if (extra.length)
      problem(
        `"${t.name}" reads ${extra.map((v) => `"${v}"`).join(', ')}, which "${split.base}" is not given`,
      );
  }
  return problems;
}
