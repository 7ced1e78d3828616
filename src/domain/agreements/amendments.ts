/**
 * Amendments: mid-term changes to an agreement's lines as dated records, never overwrites, so the
 * agreement as it stood on any past date can be recomputed.
 *
 * Replay (`agreementOn`): the amendments effective on or before the date apply to the base in
 * `effectiveOn` order, ties by `id` (plain string order). An amendment with `reverses` is a
 * reversal: it is never applied itself, and from its own effective date on, the amendment it
 * reverses is skipped as if it had never been recorded. So a reversal dated like the amendment
 * voids it entirely; a later one undoes it from that date (the amendment held in between).
 * Amendments that do not fit (a line that is not there) are skipped here; `validateAmendments`
 * reports them, and a store should refuse to record them.
 */
import type { Agreement, AgreementLine, CategoryCode } from './types.js';

type Dated = {
  id: string;
  /** First day the change applies, 'YYYY-MM-DD'. */
  effectiveOn: string;
  /** The id of the amendment this one reverses; its own change is then not applied. */
  reverses?: string | null;
};

export type Amendment = Dated &
  (
    | { kind: 'set_quantity'; lineId: string; quantity: number }
    | { kind: 'set_price'; lineId: string; unitPrice: number }
    | { kind: 'add_line'; line: AgreementLine }
    | { kind: 'remove_line'; lineId: string }
    | {
        kind: 'change_plan';
        lineId: string;
        planId: string | null;
        categories: CategoryCode[];
        unitPrice: number;
        description: string;
      }
  );
export type AmendmentKind = Amendment['kind'];
export const amendmentKinds = [
  'set_quantity',
  'set_price',
  'add_line',
  'remove_line',
  'change_plan',
] as const satisfies readonly AmendmentKind[];

/** The id of the line an amendment changes. */
export function lineIdOf(amendment: Amendment): string {
  return amendment.kind === 'add_line' ? amendment.line.id : amendment.lineId;
}

export const isReversal = (a: Amendment) => a.reverses !== undefined && a.reverses !== null;

/** Effective-date order, ties by id: the one order every replay uses. */
export function byEffectiveOrder(a: Dated, b: Dated): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The amendments that change the agreement on `date`: effective by then, neither reversed nor reversals. */
export function amendmentsInForce(amendments: readonly Amendment[], date: string): Amendment[] {
  const reversed = new Set<string>();
  for (const a of amendments) if (isReversal(a) && a.effectiveOn <= date) reversed.add(a.reverses!);
  return amendments
    .filter((a) => a.effectiveOn <= date && !isReversal(a) && !reversed.has(a.id))
    .sort(byEffectiveOrder);
}

/** One amendment applied to a list of lines; returns a new list, the input untouched. */
export function applyAmendment(lines: readonly AgreementLine[], a: Amendment): AgreementLine[] {
  if (a.kind === 'add_line') {
    return lines.some((l) => l.id === a.line.id) ? [...lines] : [...lines, { ...a.line }];
  }
  if (a.kind === 'remove_line') return lines.filter((l) => l.id !== a.lineId);
  return lines.map((l) => {
    if (l.id !== a.lineId) return l;
    if (a.kind === 'set_quantity') return { ...l, quantity: a.quantity };
    if (a.kind === 'set_price') return { ...l, unitPrice: a.unitPrice };
    const { planId, unitPrice, description } = a;
    return { ...l, planId, categories: [...a.categories], unitPrice, description };
  });
}

/** The agreement as it stood on `date`: the base with every amendment in force on that date applied. */
export function agreementOn<T extends Pick<Agreement, 'lines'>>(
  base: T,
  amendments: readonly Amendment[],
  date: string,
): T {
  let lines: AgreementLine[] = base.lines;
  for (const a of amendmentsInForce(amendments, date)) lines = applyAmendment(lines, a);
  return { ...base, lines: lines === base.lines ? [...lines] : lines };
}
