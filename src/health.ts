/**
 * What /healthz and /readyz answer. Health is the database's state, checked on every probe; readiness is
 * whether this process should be sent traffic: not before start-up has finished, not once shutdown has
 * begun. Answers name states only: no ids, no paths, no stack traces.
 */
import { errorKind, log } from './log.ts';
import type { DatabaseHealth } from './store/index.ts';

/** What start-up does before Tally can answer, in order. */
export const STARTUP_STEPS = ['store', 'language', 'templates', 'server'] as const;
export type StartupStep = (typeof STARTUP_STEPS)[number];
export type ReadinessState = 'starting' | 'ready' | 'stopping';

/** starting (until every start-up step is done) → ready → stopping (from the start of shutdown, for good). */
export class Readiness {
  private readonly pending = new Set<StartupStep>(STARTUP_STEPS);
  private stopping = false;

  done(step: StartupStep): void {
    this.pending.delete(step);
  }

  /** Shutdown has begun: traffic should go elsewhere while in-flight turns finish. */
  beginShutdown(): void {
    this.stopping = true;
  }

  get state(): ReadinessState {
    if (this.stopping) return 'stopping';
    return this.pending.size === 0 ? 'ready' : 'starting';
  }
}

export interface ProbeAnswer {
  status: 200 | 503;
  body: Record<string, string>;
}

export function readinessAnswer(state: ReadinessState): ProbeAnswer {
  return { status: state === 'ready' ? 200 : 503, body: { status: state } };
}

/**
 * The /healthz answer from a database check. A change of state is logged once (not on every probe), so
 * an operator sees when the database went wrong and when it came back.
 */
export function healthProbe(check: () => Promise<DatabaseHealth>): () => Promise<ProbeAnswer> {
  let last: DatabaseHealth = 'ok';
  return async () => {
    let database: DatabaseHealth;
    try {
      database = await check();
    } catch (err) {
      log.warn('health.check-failed', { kind: errorKind(err) });
      database = 'query-failed';
    }
    if (database !== last) {
      if (database === 'ok') log.info('health.recovered', { was: last });
      else log.warn('health.unhealthy', { database });
      last = database;
    }
    return database === 'ok'
      ? { status: 200, body: { status: 'ok', database } }
      : { status: 503, body: { status: 'unavailable', database } };
  };
}
