/** Counts and MRR per client kind, for `GET /api/v1/classification/summary` and the overview. */
import { type Classification, type ClientKind, clientKinds } from './classify.js';

export type KindSummary = {
  count: number;
  /** Sum of the clients' MRR, minor units. */
  mrr: number;
  /** Clients failing exactly one contract criterion: the nearest to a contract, listed first. */
  failingOne: number;
};
export type ClassificationSummary = {
  total: { count: number; mrr: number };
  /** Every kind, in `clientKinds` order, zeros included. */
  byKind: Record<ClientKind, KindSummary>;
};

export function summarize(
  results: Iterable<Pick<Classification, 'kind' | 'mrr' | 'checks'>>,
): ClassificationSummary {
  const byKind = Object.fromEntries(
    clientKinds.map((k) => [k, { count: 0, mrr: 0, failingOne: 0 }]),
  ) as Record<ClientKind, KindSummary>;
  const total = { count: 0, mrr: 0 };
  for (const r of results) {
    const s = byKind[r.kind];
    s.count++;
    s.mrr += r.mrr;
    let failing = 0;
    for (const c of r.checks) if (!c.passed) failing++;
    if (failing === 1) s.failingOne++;
    total.count++;
    total.mrr += r.mrr;
  }
  return { total, byKind };
}

/** Whether a classification fails exactly one criterion (for "failing one criterion first" lists). */
export function failsOneCriterion(result: Pick<Classification, 'checks'>): boolean {
  return result.checks.filter((c) => !c.passed).length === 1;
}
