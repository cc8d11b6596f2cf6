import {
  type Categorization,
  categorizeByRules,
  flowOf,
  unplaced,
  withLearnedFallback,
} from '../categorize.ts';
import { primaryOf } from '../categories.ts';
import { type TrainingLine, trainFallback } from '../learned/fallback.ts';
import { REFERENCE_SET } from '../learned/reference-lines.ts';
import { cleanMerchant } from '../merchants.ts';
import type { AccountKind } from '../rules.ts';

/** Hits at both levels of the taxonomy. */
export interface Hits {
  primary: number;
  detailed: number;
}

/** How one set scores when the model is trained on the other sets only. */
export interface HeldOutSetScore {
  set: string;
  rows: number;
  /** The rules alone (tuned on every set, this one included, so an upper bound on what they would do on new wording). */
  rules: Hits;
  /** The rules, with the learned guess where they fell back to their default. */
  rulesWithFallback: Hits;
  /** The model alone on every line: how well it places wording it has never seen. */
  fallbackAlone: Hits;
  /** Lines the rules left unplaced, and how many of those the fallback took and placed right. */
  defaults: number;
  taken: number;
  takenRight: number;
  /**
   * Spending lines whose clean merchant name shares no word with any training line (chains recur from set to set, so
   * this is the nearest the corpus comes to a business nobody wrote about), how many of them the model would take at
   * the threshold, and how many of those it places right.
   */
  unseenNames: { lines: number; taken: number; takenRight: number };
}

const ACCOUNTS: readonly AccountKind[] = ['checking', 'savings', 'credit_card'];

/** The words of a line's clean merchant name that can tell one business from another. */
const nameWords = (description: string): string[] =>
  cleanMerchant(description)
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((word) => word.length >= 3);

function tally(hits: Hits, predicted: string, expected: string): void {
  if (primaryOf(predicted) === primaryOf(expected)) hits.primary++;
  if (predicted === expected) hits.detailed++;
}

/**
 * Leave-one-set-out: for each set of the corpus, trains the fallback on the others and scores that set three ways.
 * The corpus's sets were written apart (different banks, countries and writers), so a set the model has not seen
 * stands in for the wording of a bank nobody wrote rules for. `namesKnownFrom`, when given, names the sets whose
 * merchant names count as known for `unseenNames` (by default, every set the model was trained on).
 */
export function crossValidate(
  lines: readonly TrainingLine[],
  threshold?: number,
  extra: readonly TrainingLine[] = [],
  namesKnownFrom?: readonly string[],
): HeldOutSetScore[] {
  const sets = [...new Set(lines.map((line) => line.set))].filter((set) => set !== REFERENCE_SET);
  return sets.map((set) => {
    const training = [...lines.filter((line) => line.set !== set), ...extra];
    const fallback = trainFallback(training, flowOf, threshold);
    // A set full of trade words makes every name with one of them "known", leaving only bare brands unseen; naming
    // the sets that decide what is known keeps that measure comparable when a set is added.
    const naming = namesKnownFrom ? training.filter((line) => namesKnownFrom.includes(line.set)) : training;
    const knownWords = new Set(naming.flatMap((line) => nameWords(line.description)));
    const score: HeldOutSetScore = {
      set,
      rows: 0,
      rules: { primary: 0, detailed: 0 },
      rulesWithFallback: { primary: 0, detailed: 0 },
      fallbackAlone: { primary: 0, detailed: 0 },
      defaults: 0,
      taken: 0,
      takenRight: 0,
      unseenNames: { lines: 0, taken: 0, takenRight: 0 },
    };
    for (const line of lines) {
      if (line.set !== set) continue;
      const merchant = cleanMerchant(line.description);
      const input = {
        merchant,
        description: line.description,
        amountMinor: line.direction === 'in' ? 100 : -100,
        accountType: ACCOUNTS.find((a) => a === line.account),
      };
      const byRules: Categorization = categorizeByRules(input);
      const combined = withLearnedFallback(byRules, input, line.direction, fallback);
      const alone = fallback.best({
        merchant,
        description: line.description,
        direction: line.direction,
        account: line.account,
      });
      score.rows++;
      tally(score.rules, byRules.category, line.category);
      tally(score.rulesWithFallback, combined.category, line.category);
      tally(score.fallbackAlone, alone?.label ?? byRules.category, line.category);
      if (unplaced(byRules)) score.defaults++;
      const words = nameWords(line.description);
      if (flowOf(line.category) === 'spending' && words.length > 0 && !words.some((w) => knownWords.has(w))) {
        const guess = fallback.guess(
          { merchant, description: line.description, direction: line.direction, account: line.account },
          'spending',
        );
        score.unseenNames.lines++;
        if (guess) score.unseenNames.taken++;
        if (guess?.label === line.category) score.unseenNames.takenRight++;
      }
      if (combined.source === 'learned') {
        score.taken++;
        if (combined.category === line.category) score.takenRight++;
      }
    }
    return score;
  });
}
