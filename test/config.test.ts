import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { loadChartSettings } from '../src/charts/settings.ts';
import { loadConfig, ROOT } from '../src/config.ts';

const example = parse(readFileSync(join(ROOT, '.env.example'), 'utf8'));

/** The variables in the README's configuration table (first column of its rows). */
function readmeVariables(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| variable | default | meaning |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1] ?? row);
}

describe('configuration', () => {
  it('the README table and .env.example name the same variables', () => {
    expect(Object.keys(example).sort()).toEqual(readmeVariables().sort());
  });

  it('a .env copied from .env.example as it is gives the defaults', () => {
    const config = loadConfig(example);
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dbFile.endsWith('tally.db')).toBe(true);
    expect(config.microsoftAppType).toBe('MultiTenant');
    expect(loadChartSettings(example)).toMatchObject({
      images: 'url',
      publicUrl: undefined,
      threads: undefined,
      ttlMs: 3_600_000,
    });
  });

  it('an empty value counts as not set, a wrong one is refused', () => {
    expect(loadConfig({ PORT: '', TALLY_DATABASE_URL: '  ' }).port).toBe(3978);
    expect(loadConfig({ TALLY_DATABASE_URL: '  ' }).dbFile.startsWith('postgres')).toBe(false);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadChartSettings({ TALLY_CHART_THREADS: '0' })).toThrow(/TALLY_CHART_THREADS/);
  });
});
