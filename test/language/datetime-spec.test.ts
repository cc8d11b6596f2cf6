import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelCases, loadParserCases, scoreSpec } from '../../src/language/periods/spec-eval.ts';
import { sharedDir } from '../../src/cli/shared-dir.ts';

// Microsoft Recognizers-Text English date specs (MIT), past-looking date and date-range cases only.
const SPECS = process.env.SPEC_DIR ?? sharedDir('specs');
const present = existsSync(join(SPECS, 'DateTimeModel.json'));
/** Pass rates reached, in percent; the suite fails when a change loses more than 2 points. */
const REACHED = { model: 60.1, parser: 72.2 };

describe.skipIf(!present)('Recognizers-Text date specs through findPeriods', () => {
  it('keeps the DateTimeModel pass rate', () => {
    const s = scoreSpec(loadModelCases(join(SPECS, 'DateTimeModel.json')));
    const rate = (100 * s.passed) / s.total;
    console.log(`DateTimeModel: ${s.passed}/${s.total} = ${rate.toFixed(1)}% (exact ${((100 * s.exact) / s.total).toFixed(1)}%)`);
    expect(s.total).toBeGreaterThan(250);
    expect(rate).toBeGreaterThanOrEqual(REACHED.model - 2);
  });

  it('keeps the DatePeriodParser pass rate', () => {
    const s = scoreSpec(loadParserCases(join(SPECS, 'DatePeriodParser.json')));
    const rate = (100 * s.passed) / s.total;
    console.log(`DatePeriodParser: ${s.passed}/${s.total} = ${rate.toFixed(1)}% (exact ${((100 * s.exact) / s.total).toFixed(1)}%)`);
    expect(s.total).toBeGreaterThan(150);
    expect(rate).toBeGreaterThanOrEqual(REACHED.parser - 2);
  });
});
