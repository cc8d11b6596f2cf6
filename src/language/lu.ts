/** Reads the `.lu` files in which product teams write what users say (Bot Framework LU format, the subset Tally uses). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INTENTS } from './types.ts';

/** An entity marked inline, `{category=groceries}`; offsets are in the example's plain text. */
export interface LuEntity {
  name: string;
  value: string;
  start: number;
  end: number;
}

export interface LuExample {
  /** The example with the markup removed. */
  text: string;
  entities: LuEntity[];
  /** 1-based line in its file. */
  line: number;
  file: string;
}

/** One value of a list entity and the words that mean it (`@ list name =` blocks). */
export interface LuListItem {
  value: string;
  synonyms: string[];
}

export interface LuProblem {
  file: string;
  line: number;
  message: string;
}

export interface LuDocument {
  intents: Map<string, LuExample[]>;
  lists: Map<string, LuListItem[]>;
  problems: LuProblem[];
}

const KNOWN_INTENTS: ReadonlySet<string> = new Set(INTENTS);

/** Collapses case, spacing and end punctuation so near-identical examples count as duplicates. */
export function exampleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[?!.,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes `{name=value}` markup, keeping the value, and records where each entity sits in the plain text. */
export function parseExample(raw: string): { text: string; entities: LuEntity[]; error?: string } {
  let text = '';
  const entities: LuEntity[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === '}') return { text, entities, error: 'a "}" without a "{" before it' };
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = raw.indexOf('}', i);
    const inner = close < 0 ? '' : raw.slice(i + 1, close);
    if (close < 0) return { text, entities, error: 'an unclosed "{"' };
    if (inner.includes('{')) return { text, entities, error: 'a "{" inside another "{…}"' };
    const eq = inner.indexOf('=');
    const name = eq < 0 ? '' : inner.slice(0, eq).trim();
    const value = eq < 0 ? '' : inner.slice(eq + 1).trim();
    if (!name || !value) return { text, entities, error: `entity "{${inner}}" should read {name=words}` };
    entities.push({ name, value, start: text.length, end: text.length + value.length });
    text += value;
    i = close + 1;
  }
  return { text, entities };
}

/**
 * Parses one `.lu` file. Never throws: anything an editor may get wrong comes back in `problems`
 * with its line, so `dialogs:check` and the tests can point at it.
 */
export function parseLu(text: string, file: string): LuDocument {
  const intents = new Map<string, LuExample[]>();
  const lists = new Map<string, LuListItem[]>();
  const problems: LuProblem[] = [];
  const seen = new Map<string, number>();
  let intent: { name: string; line: number } | undefined;
  let list: LuListItem[] | undefined;
  const problem = (line: number, message: string): void => void problems.push({ file, line, message });
  const closeIntent = (): void => {
    if (intent && (intents.get(intent.name)?.length ?? 0) === 0)
      problem(intent.line, `intent "${intent.name}" has no examples`);
  };

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('>')) return;
    if (trimmed.startsWith('#')) {
      closeIntent();
      list = undefined;
      const name = trimmed.replace(/^#+/, '').trim();
      intent = { name, line };
      if (!KNOWN_INTENTS.has(name)) problem(line, `unknown intent "${name}" (known: ${INTENTS.join(', ')})`);
      if (!intents.has(name)) intents.set(name, []);
      return;
    }
    if (trimmed.startsWith('@')) {
      closeIntent();
      intent = undefined;
      const m = /^@\s*list\s+([\w-]+)\s*=?\s*$/i.exec(trimmed);
      list = m?.[1] ? (lists.get(m[1]) ?? []) : undefined;
      if (m?.[1] && list) lists.set(m[1], list);
      return;
    }
    if (!/^[-*+]\s?/.test(trimmed)) {
      problem(line, `cannot read this line; examples start with "- ", intents with "# "`);
      return;
    }
    const body = trimmed.replace(/^[-*+]\s?/, '').trim();
    if (list) {
      if (/^\S/.test(rawLine) || /:\s*$/.test(body))
        list.push({ value: body.replace(/:\s*$/, '').trim(), synonyms: [] });
      else if (list.length > 0) list[list.length - 1]?.synonyms.push(body);
      else problem(line, 'a synonym before any list value');
      return;
    }
    if (!intent) {
      problem(line, 'example outside any intent (add a "# intent" heading above it)');
      return;
    }
    if (body === '') {
      problem(line, 'empty example');
      return;
    }
    const parsed = parseExample(body);
    if (parsed.error) {
      problem(line, parsed.error);
      return;
    }
    const key = exampleKey(parsed.text);
    const first = seen.get(key);
    if (first !== undefined) {
      problem(line, `duplicate example (also on line ${first})`);
      return;
    }
    seen.set(key, line);
    intents.get(intent.name)?.push({ text: parsed.text, entities: parsed.entities, line, file });
  });
  closeIntent();
  return { intents, lists, problems };
}

/** Reads every `.lu` file in a folder (sorted, so training is repeatable) into one document; also flags an example written in two files. */
export async function loadLuFolder(dir: string): Promise<LuDocument> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.lu')).sort();
  const all: LuDocument = { intents: new Map(), lists: new Map(), problems: [] };
  const seen = new Map<string, LuExample>();
  for (const name of names) {
    const doc = parseLu(await readFile(join(dir, name), 'utf8'), name);
    all.problems.push(...doc.problems);
    for (const [intent, examples] of doc.intents) {
      const target = all.intents.get(intent) ?? [];
      all.intents.set(intent, target);
      for (const ex of examples) {
        const other = seen.get(exampleKey(ex.text));
        if (other && other.file !== ex.file) {
          all.problems.push({
            file: name,
            line: ex.line,
            message: `duplicate example (also in ${other.file} line ${other.line})`,
          });
          continue;
        }
        seen.set(exampleKey(ex.text), ex);
        target.push(ex);
      }
    }
    for (const [listName, items] of doc.lists)
      all.lists.set(listName, [...(all.lists.get(listName) ?? []), ...items]);
  }
  return all;
}
