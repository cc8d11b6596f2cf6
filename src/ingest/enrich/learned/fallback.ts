import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { isCategoryCode } from '../categories.ts';
import { cleanMerchant } from '../merchants.ts';
import { type FeatureInput, lineFeatures } from './features.ts';
import { type NaiveBayesModel, type Prediction, trainNaiveBayes } from './naive-bayes.ts';

/** One labelled line of the training corpus (`data/category-training.csv`). */
export interface TrainingLine {
  /** Which hand-written set the line came from; cross-validation leaves one set out at a time. */
  set: string;
  description: string;
  direction: 'in' | 'out';
  account: string;
  category: string;
}

/**
 * Below this posterior the fallback keeps the rules' default. Chosen on leave-one-set-out runs over the training
 * corpus (`npm run eval:categories:cross`), where it keeps the fallback's guesses right far more often than the default.
 */
export const CONFIDENCE_THRESHOLD = 0.9;

/** The flows a guess may keep: whether a line is spending, income, a transfer or cash is for rules to say. */
export type GuessFlow = 'spending' | 'income' | 'transfer' | 'cash';

/**
 * The classes a guess may choose for a line whose rules gave `flow`: only kinds of the same flow, so a guess can
 * say which shop or which income, never move money out of spending (a payday lender is not cash taken out) or into
 * it. A bank's own fee is never guessed from a name either.
 */
function sameFlow(label: string, flow: GuessFlow, flowOf: (category: string) => GuessFlow): boolean {
  return flowOf(label) === flow && !label.startsWith('BANK_FEES');
}

export interface LearnedFallback {
  /** The learned category of a line the rules could not place, when the model is confident enough. */
  guess(input: FeatureInput, flow: GuessFlow): Prediction | undefined;
  /** The model's best guess among every class, whatever its confidence (for measuring it alone). */
  best(input: FeatureInput): Prediction | undefined;
}

/**
 * Trains the fallback. `flowOf` is the taxonomy's rule for what a category's money counts as (passed in, since it
 * lives with the rules that use the fallback).
 */
export function trainFallback(
  lines: readonly TrainingLine[],
  flowOf: (category: string) => GuessFlow,
  threshold = CONFIDENCE_THRESHOLD,
): LearnedFallback {
  const model: NaiveBayesModel = trainNaiveBayes(
    lines.map((line) => ({
      label: line.category,
      features: lineFeatures({
        merchant: cleanMerchant(line.description),
        description: line.description,
        direction: line.direction,
        account: line.account,
      }),
    })),
  );
  const flows: GuessFlow[] = ['spending', 'income', 'transfer', 'cash'];
  const allowed = new Map(
    flows.map((flow) => [flow, model.labels.map((label) => sameFlow(label, flow, flowOf))] as const),
  );
  return {
    best: (input) => model.predict(lineFeatures(input)),
    guess(input, flow) {
      const prediction = model.predict(lineFeatures(input), allowed.get(flow));
      return prediction && prediction.confidence >= threshold ? prediction : undefined;
    },
  };
}

/** Reads a training corpus with `set,description,amount,account,category` columns. */
export function readTrainingLines(csvText: string): TrainingLine[] {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  return rows.map((row) => {
    const category = row.category ?? '';
    if (!isCategoryCode(category))
      throw new Error(`data/category-training.csv: unknown category ${JSON.stringify(category)}`);
    return {
      set: row.set ?? '',
      description: row.description ?? '',
      direction: (row.amount ?? '').trim().startsWith('-') ? 'out' : 'in',
      account: row.account ?? '',
      category,
    };
  });
}

const CORPUS = new URL('../../../../data/category-training.csv', import.meta.url);
let shipped: LearnedFallback | undefined;

/** The fallback trained on the whole corpus, once, the first time a line needs it (about 0.1 s). */
export function shippedFallback(flowOf: (category: string) => GuessFlow): LearnedFallback {
  shipped ??= trainFallback(readTrainingLines(readFileSync(CORPUS, 'utf8')), flowOf);
  return shipped;
}
