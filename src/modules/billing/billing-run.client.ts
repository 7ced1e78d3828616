/**
 * A few clients' part of a billing run, in one transaction: lock the clients, read what their
 * standing invoices already hold and what is waiting to be billed (billing-run.state.ts), and write
 * what the period adds onto each client's draft for the period — created if there is none, added to
 * if there is one, left alone once issued. Every write covers all the clients in one statement.
 *
 * Safe to repeat, at once or after a crash: the clients' advisory locks make a second run wait and
 * then find everything billed; the database refuses a second standing invoice for the period, a key
 * billed twice, or a time entry claimed twice, rolling the transaction back whole (the run then
 * bills those clients one by one, so one client's problem is not its neighbours').
 */
import { sql } from 'drizzle-orm';
import type { ClientAgreement, ClientInvoicePlan, InvoiceTotals } from '../../domain/billing/index.js';
import { recordAuditOf } from '../../platform/audit/audit.js';
import { currentContext } from '../../platform/context.js';
import { newId } from '../../platform/db/columns.js';
import { recordsetInsert } from '../../platform/db/recordset.js';
import type { DbOrTx, Tx } from '../../platform/db/store.js';
import type { Claim } from '../time/index.js';
import type { BillingClient, BillingPorts, CountedSource } from './billing.ports.js';
import { type BuyerSnapshot, invoices } from './billing.tables.js';
import { type ClientRunContext, type ClientState, readStates } from './billing-run.state.js';
import { insertLinesOf, type LinesOfInvoice } from './invoice-lines.insert.js';
import { type InvoiceLineInput, rowOfLine, unitOf } from './invoice-lines.rows.js';
import { totalsOf, writeTotals } from './invoice-totals.js';

export type { ClientRunContext, InvoiceRow } from './billing-run.state.js';

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
  lines?: InvoiceLineInput[];
  skippedEntries?: ClientInvoicePlan['skipped'];
};

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
  lines: readonly InvoiceLineInput[],
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

/** The new rows of a client's lines, numbered after its draft's, and the invoice's totals with them. */
function written(state: ClientState, invoiceId: string) {
  const { ctx, existing, existingLines, lines } = state;
  const units = agreementUnits(ctx.agreements);
  let position = existingLines.reduce((max, l) => Math.max(max, l.position), 0);
  const rows = lines.map((l) =>
    rowOfLine(l, { invoiceId, clientId: ctx.client.id, position: ++position, unit: unitOf(l, units) }),
  );
  const totals: InvoiceTotals = totalsOf([...existingLines, ...rows], {
    discountKind: existing?.discountKind ?? null,
    discountValue: existing?.discountValue ?? null,
    taxRateBp: ctx.client.taxRateBp,
  });
  return { rows, totals };
}

/** What the run does not change for a client: its invoice is issued, or nothing is to be added. */
function standingOutcome(state: ClientState): ClientRunOutcome | null {
  const { ctx, existing } = state;
  const base = { clientId: ctx.client.id, clientName: ctx.client.name, linesAdded: 0, amountAdded: 0 };
  if (existing && existing.status !== 'draft')
    return {
      ...base,
      outcome: 'skipped',
      invoiceId: existing.id,
      total: existing.total,
      reason: `the ${ctx.period} invoice is ${existing.status}`,
    };
  if (!state.lines.length)
    return { ...base, outcome: 'unchanged', invoiceId: existing?.id ?? null, total: existing?.total ?? null };
  return null;
}

const amountOf = (lines: readonly InvoiceLineInput[]) => lines.reduce((s, l) => s + l.amount, 0);

/** What the run would add for each client, read in the caller's transaction and written nowhere. */
export async function planClients(
  tx: DbOrTx,
  ports: BillingPorts,
  ctxs: readonly ClientRunContext[],
): Promise<ClientRunOutcome[]> {
  const states = await readStates(tx, ports, ctxs);
  return states.map((state) => {
    const same = standingOutcome(state);
    if (same) return { ...same, skippedEntries: state.plan.skipped };
    const { ctx, existing, lines } = state;
    return {
      clientId: ctx.client.id,
      clientName: ctx.client.name,
      outcome: existing ? 'updated' : 'created',
      invoiceId: existing?.id ?? null,
      linesAdded: lines.length,
      amountAdded: amountOf(lines),
      total: written(state, existing?.id ?? '').totals.total,
      lines,
      skippedEntries: state.plan.skipped,
    };
  });
}

/** Bills the clients for the period in the caller's transaction (see the file comment). */
export async function billClients(
  tx: Tx,
  ports: BillingPorts,
  ctxs: readonly ClientRunContext[],
): Promise<ClientRunOutcome[]> {
  // The run already keeps every core busy with its lanes; a parallel plan's workers would only add
  // the cost of handing rows between processes.
  await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
  // One order for every transaction, so that two runs never each hold a lock the other waits for.
  const keys = ctxs.map((c) => `keel:billing:${c.client.id}`).sort();
  await tx.execute(
    sql`select count(pg_advisory_xact_lock(hashtext(k))) from json_array_elements_text(${JSON.stringify(keys)}::json) as k`,
  );
  const states = await readStates(tx, ports, ctxs);
  const now = ctxs[0]?.now ?? new Date();
  const outcomes: ClientRunOutcome[] = [];
  const created: (typeof invoices.$inferInsert)[] = [];
  const lineWrites: LinesOfInvoice[] = [];
  const topped: { state: ClientState; invoiceId: string; totals: InvoiceTotals }[] = [];
  const claims: Claim[] = [];
  for (const state of states) {
    const same = standingOutcome(state);
    if (same) {
      outcomes.push(same);
      continue;
    }
    const { ctx, existing, lines } = state;
    const clientId = ctx.client.id;
    const invoiceId = existing?.id ?? newId();
    const { rows, totals } = written(state, invoiceId);
    if (existing) topped.push({ state, invoiceId, totals });
    else
      created.push({
        id: invoiceId,
        clientId,
        kind: 'invoice',
        status: 'draft',
        period: ctx.period,
        paymentTermsDays: paymentTermsOf(ctx.agreements, lines, ctx.settings.defaultPaymentTermsDays),
        currency: ctx.settings.currency,
        taxRateBp: ctx.client.taxRateBp,
        buyer: buyerOf(ctx.client),
        billingRunId: ctx.runId,
        subtotal: totals.subtotal,
        discountTotal: totals.discount,
        netTotal: totals.net,
        taxTotal: totals.tax,
        total: totals.total,
        createdAt: now,
        updatedAt: now,
      });
    lineWrites.push({
      invoice: { id: invoiceId, status: 'draft', clientId },
      lines: rows,
      totals: new Map(totals.lines.map((t) => [t.key, t])),
    });
    claims.push({
      invoiceId,
      clientId,
      entryIds: lines.flatMap((l) => (l.kind === 'work' ? l.entryIds : [])),
    });
    outcomes.push({
      clientId,
      clientName: ctx.client.name,
      outcome: existing ? 'updated' : 'created',
      invoiceId,
      linesAdded: lines.length,
      amountAdded: amountOf(lines),
      total: totals.total,
      skippedEntries: state.plan.skipped,
    });
  }
  if (created.length) await tx.execute(recordsetInsert(invoices, created));
  await insertLinesOf(tx, lineWrites, now);
  for (const { state, invoiceId, totals } of topped)
    await writeTotals(
      tx,
      invoiceId,
      state.existingLines,
      totals,
      { buyer: buyerOf(state.ctx.client), taxRateBp: state.ctx.client.taxRateBp },
      now,
    );
  await ports.time.attachToInvoices(tx, claims);
  const ctx = currentContext();
  await recordAuditOf(
    tx,
    outcomes
      .filter((o) => o.outcome === 'created' || o.outcome === 'updated')
      .map((o) => ({
        ctx,
        entry: {
          action: o.outcome === 'created' ? 'bill_run_create' : 'bill_run_update',
          entityType: 'invoice',
          entityId: o.invoiceId!,
          clientId: o.clientId,
          changes: {
            period: ctxs[0]!.period,
            runId: ctxs[0]!.runId,
            linesAdded: o.linesAdded,
            amountAdded: o.amountAdded,
            total: o.total,
          },
        },
      })),
  );
  return outcomes;
}
