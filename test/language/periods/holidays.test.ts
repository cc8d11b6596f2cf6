import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../../src/language/periods/index.ts';
import { easterSunday } from '../../../src/language/periods/holidays.ts';

/** Tuesday 10 March 2026. */
const TODAY = '2026-03-10';

function range(text: string, today = TODAY): [string, string] {
  const found = findPeriods(text, today, { fallback: false });
  expect(found, text).toHaveLength(1);
  return [found[0]!.period.start, found[0]!.period.end];
}

describe('holidays resolve to their latest occurrence that has begun', () => {
  it.each([
    ['black friday', '2025-11-28'],
    ['christmas eve', '2025-12-24'],
    ['Christmas', '2025-12-25'],
    ['xmas day', '2025-12-25'],
    ['thanksgiving', '2025-11-27'],
    ["new year's day", '2026-01-01'],
    ["New Year's Eve", '2025-12-31'],
    ['easter', '2025-04-20'],
    ['good friday', '2025-04-18'],
    ['easter monday', '2025-04-21'],
    ['boxing day', '2025-12-26'],
    ['labor day', '2025-09-01'],
    ['labour day', '2025-09-01'],
    ['memorial day', '2025-05-26'],
    ['cyber monday', '2025-12-01'],
    ["valentine's day", '2026-02-14'],
    ['halloween', '2025-10-31'],
    ['independence day', '2025-07-04'],
    ["mother's day", '2025-05-11'],
    ["father's day", '2025-06-15'],
    ['mlk day', '2026-01-19'],
    ["presidents' day", '2026-02-16'],
    ['the summer bank holiday', '2025-08-25'],
  ])('"%s" is %s', (text, day) => {
    const [start, end] = range(text);
    expect([start, end]).toEqual([day, addOne(day)]);
  });

  it('takes the year when one is said', () => {
    expect(range('black friday 2010')).toEqual(['2010-11-26', '2010-11-27']);
    expect(range('thanksgiving 2024')).toEqual(['2024-11-28', '2024-11-29']);
    expect(range('christmas eve last year')).toEqual(['2025-12-24', '2025-12-25']);
    expect(range('easter 2018')).toEqual(['2018-04-01', '2018-04-02']);
  });

  it('reads "last" as the latest one before today and a bare name as one that may be today', () => {
    expect(range('last easter', '2019-03-12')).toEqual(['2018-04-01', '2018-04-02']);
    expect(range('the previous easter', '2019-06-12')).toEqual(['2019-04-21', '2019-04-22']);
    expect(range('christmas', '2025-12-25')).toEqual(['2025-12-25', '2025-12-26']);
    expect(range('last christmas', '2025-12-25')).toEqual(['2024-12-25', '2024-12-26']);
  });

  it('names the holiday and its date', () => {
    expect(findPeriods('black friday', TODAY)[0]?.period.label).toBe('Black Friday (28 Nov 2025)');
  });

  it('stretches a holiday weekend over the long weekend it makes', () => {
    expect(range('labor day weekend', '2021-11-09')).toEqual(['2021-09-04', '2021-09-07']);
    expect(range('labor day 2021 weekend', '2021-11-09')).toEqual(['2021-09-04', '2021-09-07']);
    expect(range('the weekend of halloween', '2021-11-09')).toEqual(['2021-10-30', '2021-11-01']);
    expect(range('thanksgiving weekend 2023', '2024-01-10')).toEqual(['2023-11-23', '2023-11-27']);
  });

  it('follows the lunar calendars for Ramadan, Eid and Lunar New Year', () => {
    expect(range('ramadan')).toEqual(['2026-02-18', '2026-03-20']);
    expect(range('eid al fitr', '2022-06-17')).toEqual(['2022-05-02', '2022-05-03']);
    expect(range('lunar new year')).toEqual(['2026-02-17', '2026-02-18']);
  });

  it('leaves a holiday that names what was bought to the other words', () => {
    expect(findPeriods('christmas shopping last year', TODAY).map((m) => m.period.label)).toEqual(['2025']);
  });

  it('computes Easter Sunday for years either side of the leap rules', () => {
    expect([1900, 2000, 2019, 2024, 2038].map(easterSunday)).toEqual([
      '1900-04-15',
      '2000-04-23',
      '2019-04-21',
      '2024-03-31',
      '2038-04-25',
    ]);
  });
});

describe('shopping days and holidays of other countries', () => {
  it.each([
    ['giving tuesday', '2025-12-02'],
    ['GivingTuesday 2024', '2024-12-03'],
    ['small business saturday', '2025-11-29'],
    ["st paddy's day", '2025-03-17'],
    ["paddy's day", '2025-03-17'],
    ["hallowe'en", '2025-10-31'],
    ['nye', '2025-12-31'],
    ['hogmanay', '2025-12-31'],
    ['mothering sunday', '2025-03-30'],
    ['remembrance sunday', '2025-11-09'],
    ["singles' day", '2025-11-11'],
    ['easter sunday', '2025-04-20'],
    ['christmas day', '2025-12-25'],
  ])('"%s" is %s', (text, day) => {
    expect(range(text)).toEqual([day, addOne(day)]);
  });

  it("keeps the US Mother's Day apart from the UK Mothering Sunday", () => {
    expect(range("mother's day", '2026-06-01')).toEqual(['2026-05-10', '2026-05-11']);
    expect(range('mothering sunday', '2026-06-01')).toEqual(['2026-03-15', '2026-03-16']);
  });

  it('runs the Easter weekend from Good Friday to Easter Monday', () => {
    expect(range('easter weekend')).toEqual(['2025-04-18', '2025-04-22']);
    expect(range('the easter long weekend 2026', '2026-06-01')).toEqual(['2026-04-03', '2026-04-07']);
  });

  it('reads a holiday without a year as its latest occurrence, this year once it has come', () => {
    expect(range('giving tuesday', '2025-12-02')).toEqual(['2025-12-02', '2025-12-03']);
    expect(range('giving tuesday', '2025-12-01')).toEqual(['2024-12-03', '2024-12-04']);
  });
});

function addOne(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
