/**
 * What a billing run reads for a few clients at once, in the caller's transaction: each client's
 * standing invoice for the period, what its standing invoices already bill, the block and retainer
 * draws of its invoiced work, its approved work and charges waiting; and from those, what the
 * billing rules add for the period (src/domain/billing/client-invoice.ts), as invoice lines.
 *
 * Every read covers all the clients in one statement: a run over thousands of clients costs a few
 * statements per batch, not per client.
 */
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import {
  type AgreementCharge,
  type BillableEntry,
  type BillingLine,
  type ChargeInput,
  type ClientAgreement,
  type ClientInvoicePlan,
  groupWorkLines,
  type Period,
  periodEnd,
  periodStart,
  planClientInvoice,
  type QuantityCounts,
  type RecordedDraw,
  type WorkLine,
  type WorkSubject,
  type WorkTypeBilling,
} from '../../domain/billing/index.js';
import type { EntitlementOutcome } from '../../domain/entitlement/types.js';
import type { DbOrTx } from '../../platform/db/store.js';
import type { BillableEntry as TimeBillableEntry } from '../time/index.js';
import type { BillingClient, BillingPorts } from './billing.ports.js';
import { billingCharges, invoiceLines, invoices } from './billing.tables.js';
import { chargeOfRow, drawsOfRow, type InvoiceLineInput, type InvoiceLineRow } from './invoice-lines.rows.js';
import type { BillingSettingsRow } from './settings.service.js';

export type InvoiceRow = typeof invoices.$inferSelect;

export type ClientRunContext = {
  period: Period;
  client: BillingClient;
  agreements: readonly ClientAgreement[];
  /** Counted before the client's transaction (other modules' services use their own connection). */
  counts: QuantityCounts;
  workTypes: readonly WorkTypeBilling[];
  settings: BillingSettingsRow;
  runId: string | null;
  now: Date;
};

export type ClientState = {
  ctx: ClientRunContext;
  /** The client's standing invoice for the period, if any. */
  existing: InvoiceRow | null;
  plan: ClientInvoicePlan;
  /** The plan's lines as they go on the invoice: its work grouped (src/domain/billing/work-groups.ts). */
  lines: InvoiceLineInput[];
  /** The lines already on the client's draft, read when the run adds to it. */
  existingLines: InvoiceLineRow[];
};

/** Lines of invoices that stand: drafts and issued ones, not void. */
const standing = () => ne(invoiceLines.invoiceStatus, 'void');

/** Entries started before the period in the client's dates; an instant 14 h past UTC midnight covers every zone. */
const zoneSlackMs = 14 * 3_600_000;

const ledgerKinds = new Set(['block_hours', 'retainer']);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function toRuleEntry(e: TimeBillableEntry): BillableEntry {
  return {
    id: e.id,
    start: e.startedAt.toISOString(),
    date: e.workDate,
    workType: e.workType,
    description: e.note || e.activity || e.projectRef || (e.ticketId ? 'Ticket work' : 'Work'),
    outcome: e.entitlement as EntitlementOutcome,
    billableOverride: e.overridden ? e.billable : null,
  };
}

/** What an entry was work on, as an invoice line groups and names it. */
function subjectOf(e: TimeBillableEntry, headings: ReadonlyMap<string, string>): WorkSubject {
  if (e.ticketId) return { key: `ticket:${e.ticketId}`, label: headings.get(e.ticketId) ?? 'Ticket work' };
  if (e.projectRef) return { key: `project:${e.projectRef}`, label: `Project ${e.projectRef}` };
  return { key: `activity:${e.activity ?? ''}`, label: e.activity ?? 'Work' };
}

function invoiceLinesOf(
  plan: ClientInvoicePlan,
  entries: ReadonlyMap<string, TimeBillableEntry>,
  headings: ReadonlyMap<string, string>,
): InvoiceLineInput[] {
  const work = plan.lines.filter((l): l is WorkLine => l.kind === 'work');
  const others = plan.lines.filter((l): l is Exclude<BillingLine, WorkLine> => l.kind !== 'work');
  if (!work.length) return others;
  return [...others, ...groupWorkLines(work, (id) => subjectOf(entries.get(id)!, headings))];
}

/** The clients' standing invoices for the period, by client. */
async function standingInvoices(tx: DbOrTx, clientIds: string[], period: Period) {
  const rows = await tx
    .select()
    .from(invoices)
    .where(
      and(
        inArray(invoices.clientId, clientIds),
        eq(invoices.period, period),
        eq(invoices.kind, 'invoice'),
        ne(invoices.status, 'void'),
      ),
    );
  return new Map(rows.map((r) => [r.clientId, r]));
}

/** The agreement charges the clients' standing invoices bill, by client. */
async function billedCharges(tx: DbOrTx, clientIds: string[]) {
  const rows = await tx
    .select()
    .from(invoiceLines)
    .where(
      and(
        inArray(invoiceLines.clientId, clientIds),
        standing(),
        // Written out, so the planner matches invoice_lines_client_charges_idx.
        sql`${invoiceLines.kind} in ('recurring', 'adjustment', 'one_off')`,
      ),
    );
  const charges = rows.flatMap((r) => {
    const c = chargeOfRow(r);
    return c ? [{ clientId: r.clientId, charge: c }] : [];
  });
  return groupBy(charges, (c) => c.clientId);
}

/** What invoiced work drew from the blocks and retainers named, oldest first, by client. */
async function recordedDraws(tx: DbOrTx, clientIds: string[], ledgerIds: string[]) {
  if (!ledgerIds.length) return new Map<string, { clientId: string; draw: RecordedDraw }[]>();
  const rows = await tx
    .select({
      clientId: invoiceLines.clientId,
      agreementId: invoiceLines.agreementId,
      fromDate: invoiceLines.fromDate,
      detail: invoiceLines.detail,
    })
    .from(invoiceLines)
    .where(
      and(
        inArray(invoiceLines.clientId, clientIds),
        standing(),
        eq(invoiceLines.kind, 'work'),
        inArray(invoiceLines.agreementId, ledgerIds),
      ),
    )
    .orderBy(asc(invoiceLines.fromDate), asc(invoiceLines.createdAt));
  const draws = rows.flatMap((r) => drawsOfRow(r).map((draw) => ({ clientId: r.clientId, draw })));
  return groupBy(draws, (d) => d.clientId);
}

/** Manual charges up to the period's end that no standing invoice bills yet, by client. */
async function waitingCharges(tx: DbOrTx, clientIds: string[], period: Period) {
  const rows = await tx
    .select()
    .from(billingCharges)
    .where(
      and(
        inArray(billingCharges.clientId, clientIds),
        lte(billingCharges.chargedOn, periodEnd(period)),
        sql`not exists (select 1 from ${invoiceLines} l where l.key = 'charge:' || ${billingCharges.id}::text and l.invoice_status <> 'void')`,
      ),
    )
    .orderBy(asc(billingCharges.chargedOn), asc(billingCharges.id));
  return groupBy(rows, (r) => r.clientId);
}

const chargeInput = (c: typeof billingCharges.$inferSelect): ChargeInput => ({
  id: c.id,
  description: c.description,
  date: c.chargedOn,
  quantity: c.quantity,
  unitPrice: c.unitPrice,
  taxable: c.taxable,
  productId: c.productId,
});

/** Each client's state for the period (see the file comment); the contexts share one period. */
export async function readStates(
  tx: DbOrTx,
  ports: BillingPorts,
  ctxs: readonly ClientRunContext[],
): Promise<ClientState[]> {
  if (!ctxs.length) return [];
  const period = ctxs[0]!.period;
  const existing = await standingInvoices(
    tx,
    ctxs.map((c) => c.client.id),
    period,
  );
  // An issued invoice for the period is left alone: nothing more is read for its client.
  const open = ctxs.filter((c) => (existing.get(c.client.id)?.status ?? 'draft') === 'draft');
  const openIds = open.map((c) => c.client.id);
  if (!openIds.length)
    return ctxs.map((ctx) => ({
      ctx,
      existing: existing.get(ctx.client.id) ?? null,
      plan: { lines: [], skipped: [], reviewFrom: {} },
      lines: [],
      existingLines: [],
    }));

  const ledgerIds = open.flatMap((c) =>
    c.agreements.filter((a) => ledgerKinds.has(a.agreement.kind)).map((a) => a.agreement.id),
  );
  const start = periodStart(period);
  const [billed, draws, listed, charges] = [
    await billedCharges(tx, openIds),
    await recordedDraws(tx, openIds, ledgerIds),
    // Work that drew from a block or retainer without billing matters only to a client that has one.
    await ports.time.listUninvoiced(
      { clientIds: openIds, from: new Date(0), to: new Date(Date.parse(`${start}T00:00:00Z`) + zoneSlackMs) },
      { drawing: ledgerIds.length > 0 },
      tx,
    ),
    await waitingCharges(tx, openIds, period),
  ];
  const entries = groupBy(
    listed.filter((e) => e.workDate < start),
    (e) => e.clientId,
  );

  const plans = new Map<string, ClientInvoicePlan>();
  for (const ctx of open) {
    const id = ctx.client.id;
    const hasLedger = ctx.agreements.some((a) => ledgerKinds.has(a.agreement.kind));
    const own = (entries.get(id) ?? []).filter((e) => hasLedger || e.billable);
    plans.set(
      id,
      planClientInvoice({
        period,
        reviewMonths: ctx.settings.reviewMonths,
        agreements: ctx.agreements,
        counts: ctx.counts,
        billed: (billed.get(id) ?? []).map((b) => b.charge as AgreementCharge),
        draws: (draws.get(id) ?? []).map((d) => d.draw),
        entries: own.map(toRuleEntry),
        workTypes: ctx.workTypes,
        charges: (charges.get(id) ?? []).map(chargeInput),
      }),
    );
  }

  const byEntry = new Map(listed.map((e) => [e.id, e]));
  const ticketIds = [...plans.values()].flatMap((p) =>
    p.lines.flatMap((l) => (l.kind === 'work' ? (byEntry.get(l.entryId)?.ticketId ?? []) : [])),
  );
  const headings = ticketIds.length ? await ports.ticketHeadings(ticketIds, tx) : new Map<string, string>();

  // A draft's own lines count only when something is added to it.
  const topped = open.flatMap((c) => {
    const draft = existing.get(c.client.id);
    return draft && plans.get(c.client.id)!.lines.length ? [draft.id] : [];
  });
  const existingLines = topped.length
    ? groupBy(
        await tx
          .select()
          .from(invoiceLines)
          .where(inArray(invoiceLines.invoiceId, topped))
          .orderBy(asc(invoiceLines.position)),
        (l) => l.invoiceId,
      )
    : new Map<string, InvoiceLineRow[]>();

  return ctxs.map((ctx) => {
    const invoice = existing.get(ctx.client.id) ?? null;
    const plan = plans.get(ctx.client.id) ?? { lines: [], skipped: [], reviewFrom: {} };
    return {
      ctx,
      existing: invoice,
      plan,
      lines: invoiceLinesOf(plan, byEntry, headings),
      existingLines: invoice ? (existingLines.get(invoice.id) ?? []) : [],
    };
  });
}
