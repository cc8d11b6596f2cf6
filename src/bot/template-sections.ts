/**
 * Reads dialogs/*.lg without parsing them: each file split into its templates (`# Name(args)` up to the
 * next one), with the templates each one calls. botbuilder-lg's ANTLR parse of every file is about a
 * second of start-up; parsing only a template and what it calls, when it is first said, costs a few
 * milliseconds each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TemplateSection {
  name: string;
  file: string;
  /** The template's own text, from its `#` line to the next template. */
  text: string;
}

export interface SectionIndex {
  byName: Map<string, TemplateSection>;
  /** Each file's lines before its first template (comments and options), which apply to all of them. */
  headers: Map<string, string>;
  /** The text of a template with every template it calls, directly or not, ready to parse on its own. */
  closure(name: string): string;
}

const DEFINITION = /^#\s*([A-Za-z_][\w.-]*)/;

export function indexSections(dir: string): SectionIndex {
  const byName = new Map<string, TemplateSection>();
  const headers = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.lg'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/);
    let current: { name: string; lines: string[] } | undefined;
    const header: string[] = [];
    const flush = () => {
      if (current && !byName.has(current.name))
        byName.set(current.name, { name: current.name, file, text: current.lines.join('\n') });
    };
    for (const line of lines) {
      const m = DEFINITION.exec(line);
      if (m?.[1]) {
        flush();
        current = { name: m[1], lines: [line] };
      } else if (current) current.lines.push(line);
      else header.push(line);
    }
    flush();
    headers.set(file, header.join('\n'));
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const call = new RegExp(`(?<![\\w.])(${names.map(escape).join('|')})\\s*\\(`, 'g');
  const calls = new Map<string, string[]>();
  for (const [name, section] of byName)
    calls.set(name, [...new Set([...section.text.matchAll(call)].map((m) => m[1] as string))]);
  return {
    byName,
    headers,
    closure(name) {
      const seen = new Set<string>();
      const queue = [name];
      while (queue.length) {
        const next = queue.shift() as string;
        if (seen.has(next) || !byName.has(next)) continue;
        seen.add(next);
        queue.push(...(calls.get(next) ?? []));
      }
      const files = new Set([...seen].map((n) => byName.get(n)?.file as string));
      return [
        ...[...files].map((f) => headers.get(f) ?? ''),
        ...[...seen].map((n) => byName.get(n)?.text ?? ''),
      ].join('\n');
    },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
