/**
 * Microsoft's date-time recognizer as a fallback for phrasings the fast rules miss. It is slow to load
 * (0.5–1.8 s) and costs milliseconds per call, so it is loaded on first use, once, and built into one model.
 */
import { createRequire } from 'node:module';
import type { Period } from '../types.ts';
import { addDays, parseIso } from './dates.ts';
import { describe } from './build.ts';

interface ResolutionValue {
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

interface ModelResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: { values?: ResolutionValue[] };
}

interface DateTimeModel {
  parse(query: string, referenceDate?: Date): ModelResult[];
}

interface RecognizerModule {
  DateTimeRecognizer: new (culture: string) => { getDateTimeModel(): DateTimeModel };
  Culture: { English: string };
}

let model: DateTimeModel | undefined;

function loadModel(): DateTimeModel {
  if (!model) {
    const require = createRequire(import.meta.url);
    const mod = require('@microsoft/recognizers-text-date-time') as RecognizerModule;
    model = new mod.DateTimeRecognizer(mod.Culture.English).getDateTimeModel();
  }
  return model;
}

/** Loads the recognizer now, so the first user does not wait for it. */
export function warmUpRecognizer(): void {
  loadModel();
}

/** A period found by the recognizer, with offsets into the text it was given. */
export interface RecognizedPeriod {
  period: Period;
  index: number;
  length: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}/;

/** Of the readings offered (past and future), the latest one that has begun by today. */
function pickValue(values: ResolutionValue[], today: string): ResolutionValue | undefined {
  const begun = values.filter((v) => (v.start ?? v.value ?? '9999') <= today);
  return begun.length > 0 ? begun[begun.length - 1] : values[0];
}

/** Turns one recognizer result into a half-open day range, or nothing for times, durations and sets. */
function toPeriod(r: ModelResult, today: string): Period | undefined {
  const v = pickValue(r.resolution?.values ?? [], today);
  if (!v) return undefined;
  if ((v.type === 'date' || v.type === 'datetime') && v.value && DATE_ONLY.test(v.value)) {
    const day = v.value.slice(0, 10);
    return describe(day, addDays(day, 1));
  }
  if ((v.type === 'daterange' || v.type === 'datetimerange') && v.start && DATE_ONLY.test(v.start)) {
    const start = v.start.slice(0, 10);
    let end = v.end && DATE_ONLY.test(v.end) ? v.end.slice(0, 10) : addDays(today, 1);
    // "from 3 to 12 Sept" comes back ending on the 12th; people mean the 12th included.
    if (/\b(to|through|thru|until|till|and)\b|\d\s*-\s*\d/.test(r.text) && parseIso(end).day !== 1)
      end = addDays(end, 1);
    if (end <= start) return undefined;
    return describe(start, end);
  }
  return undefined;
}

function referenceDate(today: string): Date {
  const { year, month, day } = parseIso(today);
  return new Date(year, month - 1, day, 12, 0, 0);
}

/** Runs the recognizer over the text; periods come back in text order. */
export function recognizePeriods(text: string, today: string): RecognizedPeriod[] {
  const results = loadModel().parse(text, referenceDate(today));
  const out: RecognizedPeriod[] = [];
  for (const r of results) {
    const period = toPeriod(r, today);
    if (period) out.push({ period, index: r.start, length: r.end - r.start + 1 });
  }
  return out;
}
