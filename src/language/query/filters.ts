/** Frame entities as query filters. */
import { emptySubject, type CategoryFilter, type SubjectFilter } from '../../insights/query.ts';
import type { CategoryRef, Frame } from '../types.ts';

export function toCategoryFilter(ref: CategoryRef): CategoryFilter {
  return { codes: [...ref.codes], label: ref.label };
}

/** The subject the frame names: every category, merchant and account, all alternatives of their kind. */
export function subjectOf(frame: Pick<Frame, 'categories' | 'merchants' | 'accounts'>): SubjectFilter {
  return {
    ...emptySubject(),
    categories: frame.categories.map(toCategoryFilter),
    merchants: [...frame.merchants],
    accounts: [...frame.accounts],
  };
}
