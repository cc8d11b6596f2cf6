import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { BotTemplates, type DialogProblem } from '../bot/index.ts';
import { ROOT } from '../config.ts';
import { loadLuFolder } from '../language/lu.ts';
import { INTENTS } from '../language/types.ts';

/**
 * `npm run dialogs:check`: parses every .lg and .lu file in dialogs/ and reports each problem as
 * `file:line: what is wrong`; fails when a template or intent the code relies on is missing.
 */
async function main(dir = join(ROOT, 'dialogs')): Promise<number> {
  const problems: DialogProblem[] = [];
  const templates = BotTemplates.load(dir);
  problems.push(...templates.problems);
  for (const name of templatesUsedByCode(join(ROOT, 'src'))) {
    if (!templates.has(name.name)) {
      problems.push({
        file: '*.lg',
        line: 1,
        message: `template "${name.name}" is missing (used by ${name.usedIn})`,
      });
    }
  }
  const lu = await loadLuFolder(dir);
  problems.push(...lu.problems.map((p) => ({ ...p, file: basename(p.file) })));
  for (const intent of INTENTS) {
    if (intent === 'none') continue;
    if (!lu.intents.get(intent)?.length)
      problems.push({ file: '*.lu', line: 1, message: `intent "${intent}" has no examples` });
  }
  for (const p of problems)
    process.stdout.write(`dialogs/${p.file.replace(/^dialogs\//, '')}:${p.line}: ${p.message}\n`);
  const examples = [...lu.intents.values()].reduce((n, list) => n + list.length, 0);
  process.stdout.write(
    problems.length
      ? `${problems.length} problem${problems.length === 1 ? '' : 's'} found in dialogs/.\n`
      : `dialogs/ is fine: ${templates.names().length} templates, ${lu.intents.size} intents, ${examples} examples.\n`,
  );
  return problems.length ? 1 : 0;
}

/** Template names the code asks for, written as a template property or a render call with a literal name. */
export function templatesUsedByCode(srcDir: string): { name: string; usedIn: string }[] {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/(?:template:\s*|render\(\s*)'([A-Z][A-Za-z]+)'/g)) {
          if (m[1] && !found.has(m[1])) found.set(m[1], relative(ROOT, path));
        }
        for (const m of text.matchAll(
          /template:\s*[^,}]*\?\s*'([A-Z][A-Za-z]+)'\s*:\s*'([A-Z][A-Za-z]+)'/g,
        )) {
          for (const name of [m[1], m[2]])
            if (name && !found.has(name)) found.set(name, relative(ROOT, path));
        }
      }
    }
  };
  walk(srcDir);
  return [...found].map(([name, usedIn]) => ({ name, usedIn }));
}

main(process.argv[2]).then((code) => process.exit(code));
