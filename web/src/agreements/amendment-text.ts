import type { Amendment, Line } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { unitLabels } from './labels';

/**
 * An amendment in words ("Quantity of Complete, per user → 30"). Lines are named from every
 * version of the agreement the page knows, since a removed line is gone from today's lines.
 */
export function describeAmendment(
  a: Amendment,
  lineNames: Map<string, string>,
  currency: string | null,
): string {
  const c = a.change as Record<string, unknown>;
  const line = `“${lineNames.get(String(c.lineId)) ?? 'a line'}”`;
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, currency) : '?');
  switch (a.kind) {
    case 'set_quantity':
      return `Quantity of ${line} → ${String(c.quantity)}`;
    case 'set_price':
      return `Unit price of ${line} → ${money(c.unitPrice)}`;
    case 'change_plan':
      return `${line} moved to “${String(c.description)}” at ${money(c.unitPrice)}`;
    case 'remove_line':
      return `Removed ${line}`;
    case 'add_line': {
      const l = c.line as Line | undefined;
      return l
        ? `Added “${l.description}”: ${l.quantity} × ${money(l.unitPrice)} ${unitLabels[l.unit] ?? ''}`.trim()
        : 'Added a line';
    }
  }
}

/** Line id → description, from the agreement's lines at any date and the lines amendments added. */
export function lineNamesOf(lineSets: (Line[] | undefined)[], amendments: Amendment[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const lines of lineSets) for (const l of lines ?? []) names.set(l.id, l.description);
  for (const a of amendments) {
    const added = (a.change as { line?: Line }).line;
    if (a.kind === 'add_line' && added) names.set(added.id, added.description);
  }
  return names;
}
