/**
 * The dialogs form no import cycle: the engine reaches every handler through the registry, and no handler
 * reaches back to the engine or the registry. Type-only imports are erased when compiled and are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { INTENT_HANDLERS } from '../../src/conversation/registry.ts';
import { INTENTS } from '../../src/language/types.ts';

const DIR = join(ROOT, 'src/conversation');

/** Each conversation file and the conversation files it imports at run time. */
function runtimeImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    const code = readFileSync(join(DIR, file), 'utf8');
    const targets = [...code.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'\.\/([\w-]+\.ts)';/gms)]
      .filter((m) => !m[1])
      .map((m) => m[2]!);
    graph.set(file, targets);
  }
  return graph;
}

/** The first cycle found, as the files around it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('src/conversation', () => {
  it('has no import cycle', () => {
    const graph = runtimeImports();
    expect(graph.get('engine.ts')).toContain('registry.ts');
    expect(findCycle(graph)).toBeUndefined();
  });

  it('the cycle finder finds one when there is one', () => {
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
        ]),
      ),
    ).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  });

  it('has one registry entry for every intent, money questions answered from their query', () => {
    expect(Object.keys(INTENT_HANDLERS).sort()).toEqual([...INTENTS].sort());
    const money = INTENTS.filter((i) => INTENT_HANDLERS[i].kind === 'money');
    expect(money.sort()).toEqual([
      'balance',
      'breakdown',
      'compare',
      'income',
      'spending',
      'top',
      'transactions',
      'trend',
    ]);
  });
});
