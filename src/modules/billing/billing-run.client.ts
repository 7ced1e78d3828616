/**
 * One client's part of a billing run, in one transaction: lock the client, read what its standing
 * invoices already hold and what is waiting to be billed, ask the billing rules what the period adds
 * (src/domain/billing/client-invoice.ts), and write it onto the client's draft for the period —
 * created if there is none, added to if there is one, left alone once issued.
 *
 * Safe to repeat, at once or after a crash: the client's advisory lock makes a second run wait and
 * then find everything billed; the database refuses a second standing invoice for the period, a key
 * billed twice, or a time entry claimed twice, rolling the client's transaction back whole.
 */
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import {
  type AgreementCharge,
  type BillableEntry,
  type BillingLine,
  type ChargeInput,
  type ClientAgreement,
  type ClientInvoicePlan,
  type InvoiceTotals,
  type Period,
  periodEnd,
  periodStart,
  planClientInvoice,
  type QuantityCounts,
  type RecordedDraw,
  type WorkTypeBilling,
} from '../../domain/billing/index.js';
import type { EntitlementOutcome } from '../../domain/entitlement/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { DbOrTx, Tx } from '../../platform/db/store.js';
import type { BillableEntry as TimeBillableEntry } from '../time/index.js';
import type { BillingClient, BillingPorts, CountedSource } from './billing.ports.js';
import { type BuyerSnapshot, billingCharges, invoiceLines, invoices } from './billing.tables.js';
import { insertLines } from './invoice-lines.insert.js';
import { chargeOfRow, drawOfRow, type InvoiceLineRow, rowOfLine, unitOf } from './invoice-lines.rows.js';
import { totalsOf, writeTotals } from './invoice-totals.js';
import { linesOf } from './invoices.queries.js';
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

export type ClientRunOutcome = {
  clientId: string;
  clientName: string;
  /** created / updated: lines written; unchanged: nothing to add; skipped: the period's invoice is issued. */
  outcome: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  invoiceId: string | null;
  linesAdded: number;
  amountAdded: number;
  /** The invoice's total after the run (what it would be, on a dry run). */
  total: number | null;
  reason?: string;
  /** A dry run's lines, as they would be added. */
  lines?: BillingLine[];
  skippedEntries?: ClientInvoicePlan['skipped'];
};

/** Lines of invoices that stand: drafts and issued ones, not void. */
const standing = () => ne(invoiceLines.invoiceStatus, 'void');

/** Entries started before the period in the client's dates; an instant 14 h past UTC midnight covers every zone. */
const zoneSlackMs = 14 * 3_600_000;

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

/** Where a counted line takes its quantity from, across the lines signed and added by amendment. */
export function countedSources(agreements: readonly ClientAgreement[]): Set<CountedSource> {
  const out = new Set<CountedSource>();
  for (const { agreement, amendments } of agreements) {
    if (agreement.status === 'draft') continue;
    const lines = [...agreement.lines, ...amendments.flatMap((a) => (a.kind === 'add_line' ? [a.line] : []))];
    for (const l of lines) if (l.quantitySource !== 'entered') out.add(l.quantitySource);
  }
  return out;
}

function agreementUnits(agreements: readonly ClientAgreement[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { agreement, amendments } of agreements) {
    for (const l of agreement.lines) out.set(`${agreement.id}:${l.id}`, l.unit);
    for (const a of amendments)
      if (a.kind === 'add_line') out.set(`${agreement.id}:${a.line.id}`, a.line.unit);
  }
  return out;
}

/** The shortest payment terms among the agreements billed; the settings' default when none is. */
function paymentTermsOf(
  agreements: readonly ClientAgreement[],
  lines: readonly BillingLine[],
  fallback: number,
) {
  const billed = new Set(lines.flatMap((l) => ('agreementId' in l && l.agreementId ? [l.agreementId] : [])));
  const terms = agreements
    .filter((a) => billed.has(a.agreement.id))
    .map((a) => a.agreement.billing.paymentTermsDays);
  return terms.length ? Math.min(...terms) : fallback;
}

export const buyerOf = (client: BillingClient, email: string | null = null): BuyerSnapshot => ({
  name: client.name,
  address: client.billingAddress,
  email,
  taxId: null,
});

type ClientState = {
  existing: InvoiceRow | null;
  plan: ClientInvoicePlan;
  entries: Map<string, TimeBillableEntry>;
};

async function readState(tx: DbOrTx, ports: BillingPorts, ctx: ClientRunContext): Promise<ClientState> {
  const clientId = ctx.client.id;
  const [existing] = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.clientId, clientId),
        eq(invoices.period, ctx.period),
        eq(invoices.kind, 'invoice'),
        ne(invoices.status, 'void'),
      ),
    );
  if (existing && existing.status !== 'draft') {
    return { existing, plan: { lines: [], skipped: [], reviewFrom: {} }, entries: new Map() };
  }

  const billedRows = await tx
    .select()
    .from(invoiceLines)
    .where(
      and(
        eq(invoiceLines.clientId, clientId),
        standing(),
        // Written out, so the planner matches invoice_lines_client_charges_idx.
        sql`${invoiceLines.kind} in ('recurring', 'adjustment', 'one_off')`,
      ),
    );
  const billed = billedRows.map(chargeOfRow).filter((c): c is AgreementCharge => c !== null);

  const ledgerIds = ctx.agreements
    .filter((a) => a.agreement.kind === 'block_hours' || a.agreement.kind === 'retainer')
    .map((a) => a.agreement.id);
  const drawRows = ledgerIds.length
    ? await tx
        .select({
          agreementId: invoiceLines.agreementId,
          fromDate: invoiceLines.fromDate,
          detail: invoiceLines.detail,
        })
        .from(invoiceLines)
        .where(
          and(
            eq(invoiceLines.clientId, clientId),
            standing(),
            eq(invoiceLines.kind, 'work'),
            inArray(invoiceLines.agreementId, ledgerIds),
          ),
        )
        .orderBy(asc(invoiceLines.fromDate), asc(invoiceLines.createdAt))
    : [];
  const draws = drawRows.map(drawOfRow).filter((d): d is RecordedDraw => d !== null);

  const start = periodStart(ctx.period);
  // Work that drew from a block or retainer without billing matters only to a client that has one;
  // without, the billable work alone is read (by its own partial index).
  const listed = await ports.time.listUninvoiced(
    { clientId, from: new Date(0), to: new Date(Date.parse(`${start}T00:00:00Z`) + zoneSlackMs) },
    { drawing: ledgerIds.length > 0 },
    tx,
  );
  let waiting = listed.filter((e) => e.workDate < start);
  // Work that drew from a block or retainer without billing is never claimed by an invoice (only
  // billable work is), so its standing line is what says it was billed.
  const unclaimable = waiting.filter((e) => !e.billable).map((e) => `work:${e.id}`);
  if (unclaimable.length) {
    const onInvoices = await tx
      .select({ key: invoiceLines.key })
      .from(invoiceLines)
      .where(and(inArray(invoiceLines.key, unclaimable), standing()));
    const done = new Set(onInvoices.map((r) => r.key));
    waiting = waiting.filter((e) => !done.has(`work:${e.id}`));
  }

  const chargeRows = await tx
    .select()
    .from(billingCharges)
    .where(
      and(
        eq(billingCharges.clientId, clientId),
        lte(billingCharges.chargedOn, periodEnd(ctx.period)),
        sql`not exists (select 1 from ${invoiceLines} l where l.key = 'charge:' || ${billingCharges.id}::text and l.invoice_status <> 'void')`,
      ),
    )
    .orderBy(asc(billingCharges.chargedOn), asc(billingCharges.id));
  const charges: ChargeInput[] = chargeRows.map((c) => ({
    id: c.id,
    description: c.description,
    date: c.chargedOn,
    quantity: c.quantity,
    unitPrice: c.unitPrice,
    taxable: c.taxable,
    productId: c.productId,
  }));

  const plan = planClientInvoice({
    period: ctx.period,
    reviewMonths: ctx.settings.reviewMonths,
    agreements: ctx.agreements,
    counts: ctx.counts,
    billed,
    draws,
    entries: waiting.map(toRuleEntry),
    workTypes: ctx.workTypes,
    charges,
  });
  return { existing: existing ?? null, plan, entries: new Map(waiting.map((e) => [e.id, e])) };
}

function preview(
  ctx: ClientRunContext,
  state: ClientState,
  existingLines: readonly InvoiceLineRow[],
  units: Map<string, string>,
): InvoiceTotals {
  const planned = state.plan.lines.map((l) =>
    rowOfLine(l, { invoiceId: '', clientId: ctx.client.id, position: 0, unit: unitOf(l, units) }),
  );
  return totalsOf([...existingLines, ...planned], {
    discountKind: state.existing?.discountKind ?? null,
    discountValue: state.existing?.discountValue ?? null,
    taxRateBp: ctx.client.taxRateBp,
  });
}

/** What the run would add for the client, read in its own transaction and written nowhere. */
export async function planClient(
  tx: DbOrTx,
  ports: BillingPorts,
  ctx: ClientRunContext,
): Promise<ClientRunOutcome> {
  const state = await readState(tx, ports, ctx);
  const base = {
    clientId: ctx.client.id,
    clientName: ctx.client.name,
    invoiceId: state.existing?.id ?? null,
  };
  if (state.existing && state.existing.status !== 'draft') {
    return {
      ...base,
      outcome: 'skipped',
      linesAdded: 0,
      amountAdded: 0,
      total: state.existing.total,
      reason: `the ${ctx.period} invoice is ${state.existing.status}`,
    };
  }
  // The draft's own lines count only when something is added to them.
  const existingLines = state.existing && state.plan.lines.length ? await linesOf(tx, state.existing.id) : [];
  const totals = preview(ctx, state, existingLines, agreementUnits(ctx.agreements));
  return {
    ...base,
    outcome: state.plan.lines.length === 0 ? 'unchanged' : state.existing ? 'updated' : 'created',
    linesAdded: state.plan.lines.length,
    amountAdded: state.plan.lines.reduce((s, l) => s + l.amount, 0),
    total: state.existing || state.plan.lines.length ? totals.total : null,
    lines: state.plan.lines,
    skippedEntries: state.plan.skipped,
  };
}

/** Bills the client for the period in the caller's transaction (see the file comment). */
export async function billClient(
  tx: Tx,
  ports: BillingPorts,
  ctx: ClientRunContext,
): Promise<ClientRunOutcome> {
  const clientId = ctx.client.id;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`keel:billing:${clientId}`}))`);
  const state = await readState(tx, ports, ctx);
  const base = { clientId, clientName: ctx.client.name };
  const { existing, plan } = state;
  if (existing && existing.status !== 'draft') {
    return {
      ...base,
      outcome: 'skipped',
      invoiceId: existing.id,
      linesAdded: 0,
      amountAdded: 0,
      total: existing.total,
      reason: `the ${ctx.period} invoice is ${existing.status}`,
    };
  }
  if (plan.lines.length === 0) {
    return {
      ...base,
      outcome: 'unchanged',
      invoiceId: existing?.id ?? null,
      linesAdded: 0,
      amountAdded: 0,
      total: existing?.total ?? null,
    };
  }

  const existingLines = existing ? await linesOf(tx, existing.id) : [];
  let invoice = existing;
  if (!invoice) {
    const [created] = await tx
      .insert(invoices)
      .values({
        clientId,
        kind: 'invoice',
        status: 'draft',
        period: ctx.period,
        paymentTermsDays: paymentTermsOf(ctx.agreements, plan.lines, ctx.settings.defaultPaymentTermsDays),
        currency: ctx.settings.currency,
        taxRateBp: ctx.client.taxRateBp,
        buyer: buyerOf(ctx.client),
        billingRunId: ctx.runId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    invoice = created!;
  }
  const invoiceId = invoice.id;
  const units = agreementUnits(ctx.agreements);
  let position = existingLines.reduce((max, l) => Math.max(max, l.position), 0);
  const newRows = plan.lines.map((l) =>
    rowOfLine(l, { invoiceId, clientId, position: ++position, unit: unitOf(l, units) }),
  );
  const totals = totalsOf([...existingLines, ...newRows], {
    discountKind: invoice.discountKind,
    discountValue: invoice.discountValue,
    taxRateBp: ctx.client.taxRateBp,
  });
  const byKey = new Map(totals.lines.map((t) => [t.key, t]));
  await insertLines(tx, { id: invoiceId, status: 'draft', clientId }, newRows, ctx.now, byKey);
  await writeTotals(
    tx,
    invoiceId,
    existingLines,
    totals,
    { buyer: buyerOf(ctx.client), taxRateBp: ctx.client.taxRateBp },
    ctx.now,
  );

  const claimed = plan.lines.flatMap((l) =>
    l.kind === 'work' && state.entries.get(l.entryId)?.billable ? [l.entryId] : [],
  );
  await ports.time.attachToInvoice(tx, { invoiceId, clientId, entryIds: claimed }, ctx.now);

  const amountAdded = plan.lines.reduce((s, l) => s + l.amount, 0);
  await recordAudit(tx, {
    action: existing ? 'bill_run_update' : 'bill_run_create',
    entityType: 'invoice',
    entityId: invoiceId,
    clientId,
    changes: {
      period: ctx.period,
      runId: ctx.runId,
      linesAdded: plan.lines.length,
      amountAdded,
      total: totals.total,
    },
  });
  return {
    ...base,
    outcome: existing ? 'updated' : 'created',
    invoiceId,
    linesAdded: plan.lines.length,
    amountAdded,
    total: totals.total,
    skippedEntries: plan.skipped,
  };
}
