/**
 * How billed work reads on an invoice: one line per piece of work — a ticket, a project, an activity
 * — at one price, rather than one per time entry. The work rule (work.ts) prices each entry on its
 * own (increments, minimums, draws); this only adds the priced entries up, so an invoice's totals
 * are the same grouped or not.
 *
 * Entries share a line when they have the same subject, work type, outcome, rule, agreement, rate and
 * after-hours multiplier, were done in the same month (a line's block and retainer draws then stay
 * within one cycle), and were all in business hours or all partly after them (so that a line priced
 * at its hourly rate is not read against a premium it does not show). A line keeps each date's
 * draws, which is what the ledgers read back.
 */
import type { InvoiceLineBase } from './invoice-lines.js';
import type { WorkLine } from './work-types.js';

/** What an entry was work on: `key` says which entries belong together, `label` names it on the invoice. */
export type WorkSubject = { key: string; label: string };

/** What a line's work drew from a block (minutes) or a retainer (minor units) on one day. */
export type DatedDraw = { date: string; minutes: number; amount: number };

export type WorkGroupLine = InvoiceLineBase & {
  kind: 'work';
  /** The entries on the line, in start order. */
  entryIds: string[];
  agreementId: string | null;
  outcomeKind: WorkLine['outcomeKind'];
  ruleCode: string;
  workType: string;
  rate: number | null;
  afterHoursMultiplier: number;
  /** Sums over the entries. */
  workedMinutes: number;
  billedMinutes: number;
  afterHoursMinutes: number;
  drawnMinutes: number;
  drawnAmount: number;
  overageMinutes: number;
  /** Draws by date, oldest first; empty when the work drew nothing. */
  draws: DatedDraw[];
  /** Why the line bills what it bills: the entry's note, or what the entries' notes add up to. */
  note: string;
};

/** Hours to 3 decimals, the quantity column's scale. */
const hoursOf = (minutes: number) => Math.round((minutes * 1000) / 60) / 1000;

const groupKey = (line: WorkLine, subject: WorkSubject) =>
  [
    subject.key,
    line.workType,
    line.outcomeKind,
    line.ruleCode,
    line.agreementId,
    line.rate,
    line.afterHoursMultiplier,
    line.afterHoursMinutes > 0,
    (line.from ?? '').slice(0, 7),
  ].join('\u0000');

function addDraw(draws: DatedDraw[], line: WorkLine) {
  if (line.drawnMinutes === 0 && line.drawnAmount === 0) return;
  const date = line.from ?? '';
  const same = draws.find((d) => d.date === date);
  if (same) {
    same.minutes += line.drawnMinutes;
    same.amount += line.drawnAmount;
  } else draws.push({ date, minutes: line.drawnMinutes, amount: line.drawnAmount });
}

function startGroup(line: WorkLine, subject: WorkSubject): WorkGroupLine {
  return {
    kind: 'work',
    key: line.key,
    description: line.description,
    quantity: 0,
    unitPrice: line.unitPrice,
    amount: 0,
    from: line.from,
    to: line.to,
    taxable: line.taxable,
    entryIds: [],
    agreementId: line.agreementId,
    outcomeKind: line.outcomeKind,
    ruleCode: line.ruleCode,
    workType: line.workType,
    rate: line.rate,
    afterHoursMultiplier: line.afterHoursMultiplier,
    workedMinutes: 0,
    billedMinutes: 0,
    afterHoursMinutes: 0,
    drawnMinutes: 0,
    drawnAmount: 0,
    overageMinutes: 0,
    draws: [],
    note: subject.label,
  };
}

/**
 * The invoice lines of priced work (see the file comment), in the order of each line's first entry.
 * A line of one entry reads as the entry's own line did; a line of several names its subject and
 * how many entries it holds. Its key is its first entry's, so it is unique wherever entries are.
 */
export function groupWorkLines(
  lines: readonly WorkLine[],
  subjectOf: (entryId: string) => WorkSubject,
): WorkGroupLine[] {
  const groups = new Map<string, WorkGroupLine>();
  const notes = new Map<WorkGroupLine, Set<string>>();
  const quantityMinutes = new Map<WorkGroupLine, number>();
  for (const line of lines) {
    const subject = subjectOf(line.entryId);
    const key = groupKey(line, subject);
    let group = groups.get(key);
    if (!group) {
      group = startGroup(line, subject);
      groups.set(key, group);
      notes.set(group, new Set());
      quantityMinutes.set(group, 0);
    }
    // A line's quantity is its billed time, or the time worked when nothing of it is billed.
    quantityMinutes.set(group, quantityMinutes.get(group)! + (line.billedMinutes || line.workedMinutes));
    group.entryIds.push(line.entryId);
    group.amount += line.amount;
    group.workedMinutes += line.workedMinutes;
    group.billedMinutes += line.billedMinutes;
    group.afterHoursMinutes += line.afterHoursMinutes;
    group.drawnMinutes += line.drawnMinutes;
    group.drawnAmount += line.drawnAmount;
    group.overageMinutes += line.overageMinutes;
    if (line.from && (!group.from || line.from < group.from)) group.from = line.from;
    if (line.to && (!group.to || line.to > group.to)) group.to = line.to;
    addDraw(group.draws, line);
    notes.get(group)!.add(line.note);
  }
  const out = [...groups.values()];
  const single = new Map(lines.map((l) => [l.key, l]));
  for (const g of out) {
    const label = g.note;
    const said = [...notes.get(g)!];
    g.draws.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (g.entryIds.length === 1) {
      g.quantity = single.get(g.key)!.quantity;
      g.note = said[0]!;
      continue;
    }
    g.quantity = hoursOf(quantityMinutes.get(g)!);
    const after = g.afterHoursMinutes > 0 ? ', after hours' : '';
    g.description = `${g.workType}: ${label} (${g.entryIds.length} entries${after})`;
    g.note = said.length === 1 ? said[0]! : summaryNote(g, said);
  }
  return out;
}

/** A line's note when its entries' notes differ (a block's or retainer's balance moves with each). */
function summaryNote(g: WorkGroupLine, said: readonly string[]): string {
  if (g.outcomeKind === 'block' && g.drawnMinutes + g.overageMinutes > 0) {
    const over = g.overageMinutes > 0 ? `; overage ${g.overageMinutes} min at ${g.rate}/h` : '';
    return `Drew ${g.drawnMinutes} of ${g.billedMinutes} min from the block${over}.`;
  }
  if (g.outcomeKind === 'retainer' && g.drawnAmount + g.amount > 0) {
    const short = g.amount > 0 ? `; ${g.amount} beyond the balance billed` : '';
    return `Drew ${g.drawnAmount} of ${g.drawnAmount + g.amount} from the retainer${short}.`;
  }
  return said.length > 3 ? `${said.slice(0, 3).join(' ')} …` : said.join(' ');
}
