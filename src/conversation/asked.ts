/** A money question being answered: the turn, the query as it runs (periods resolved), and what the data covers. */
import type { DataSpan } from '../insights/defaults.ts';
import type { ExecContext } from '../insights/execute.ts';
import type { Query } from '../insights/query.ts';
import type { TurnContext } from './types.ts';

export interface Asked {
  ctx: TurnContext;
  query: Query;
  exec: ExecContext;
  span?: DataSpan;
}
