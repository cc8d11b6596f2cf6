/**
 * The monthly budgets the demo household brings (the `budgets` of data/demo/household.json), so budget
 * status, at-risk notices and left to spend can all be tried on it. Each names its category the way people
 * do ("eating out"), read through the same synonym table the language layer uses, and is stored as a
 * budget set in chat would be, marked as demo.
 */
import { readFileSync } from 'node:fs';
import { budgetSpecFor } from '../insights/budgets.ts';
import { parseCategorySynonyms, tokenize } from '../language/entities.ts';
import type { CategoryRef } from '../language/types.ts';
import type { Store } from '../store/index.ts';
import { minor, type HouseholdRecipe } from './recipe.ts';

const SYNONYMS_URL = new URL('../../data/category-synonyms.csv', import.meta.url);

/** A demo budget as the recipe writes it: a category in people's words and a monthly limit. */
export interface BudgetRecipe {
  category: string;
  amount: string;
}

/** The category each recipe budget names; a name the synonym table does not know fails loudly. */
export function demoBudgetSubjects(
  recipe: Pick<HouseholdRecipe, 'budgets'>,
  synonymsCsv = readFileSync(SYNONYMS_URL, 'utf8'),
): { subject: CategoryRef; amountMinor: number }[] {
  const { lexicon } = parseCategorySynonyms(synonymsCsv);
  return (recipe.budgets ?? []).map((b, i) => {
    const phrase = tokenize(b.category)
      .map((t) => t.text)
      .join(' ');
    const subject = lexicon.phrases.get(phrase);
    if (!subject) throw new Error(`demo budget ${i + 1}: no category is called "${b.category}"`);
    return { subject, amountMinor: minor(b.amount, `demo budget ${i + 1}`) };
  });
}

/**
 * Sets the demo's budgets for a user, marked as demo. A subject the person already has a budget for keeps
 * theirs: the demo never changes what someone set. Returns the subjects it set, so a failed load can take
 * them out again.
 */
export async function loadDemoBudgets(
  store: Store,
  userId: string,
  recipe: Pick<HouseholdRecipe, 'budgets'>,
  currency: string,
  now = new Date(),
): Promise<string[]> {
  const set: string[] = [];
  for (const { subject, amountMinor } of demoBudgetSubjects(recipe)) {
    if (await store.budgets.find(userId, subject.key)) continue;
    const saved = await store.budgets.set(
      userId,
      budgetSpecFor(subject, { minor: amountMinor, currency }, true),
      now,
    );
    if (saved) set.push(subject.key);
  }
  return set;
}
