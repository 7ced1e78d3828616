/**
 * Payments: money received from a client, applied to its invoices by the billing rules
 * (allocatePayment: the invoice it names, else oldest due first; over-payment becomes client credit;
 * above the open balance + 10 % refused), client credit applied later (allocateCredit), and a
 * payment recorded in error voided, which takes its money off the invoices it paid.
 *
 * Every write holds the client's payment lock and the client's open invoices' rows, so two payments
 * for one client at once are applied one after the other and never both take the same balance.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  allocateCredit,
  allocatePayment,
  assertInvoiceAllows,
  type OpenInvoice,
  type PaymentAllocation,
} from '../../domain/billing/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { currentContext } from '../../platform/context.js';
import type { Db, DbOrTx, Tx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/http/pagination.js';
import { billingRules } from './billing.errors.js';
import { invoices, paymentAllocations, payments } from './billing.tables.js';
import type { PaymentListQuery, PaymentResponse, RecordPaymentInput } from './payments.schemas.js';
import type { ReceivablesPorts } from './receivables.ports.js';
import { paymentVoids } from './receivables.tables.js';
import { readSettings } from './settings.service.js';
import { balanceOf, type InvoiceRow, lockOpenInvoices, resettle } from './settlement.js';
import { todayIn } from './today.js';

type PaymentRow = typeof payments.$inferSelect;
type VoidRow = typeof paymentVoids.$inferSelect;
type AllocationOut = PaymentResponse['allocations'][number];

const actor = () => currentContext()?.principal?.email ?? currentContext()?.channel ?? 'system';

/** Serialises the client's payment writes until the transaction ends. */
const lockClientPayments = (tx: Tx, clientId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`billing:payments:${clientId}`}))`);

const openInvoice = (row: InvoiceRow): OpenInvoice => ({
  id: row.id,
  issuedOn: row.issueDate!,
  dueDate: row.dueDate ?? row.issueDate!,
  balance: balanceOf(row),
});

/** The currency payments are taken in, and the MSP's today (no payment is received in the future). */
async function paymentTerms(tx: DbOrTx, now: Date) {
  const settings = await readSettings(tx);
  return { currency: settings.currency, today: todayIn(settings.scheduleTimeZone, now) };
}

async function allocationsOf(tx: DbOrTx, paymentIds: readonly string[]) {
  if (!paymentIds.length) return new Map<string, AllocationOut[]>();
  const rows = await tx
    .select({
      paymentId: paymentAllocations.paymentId,
      invoiceId: paymentAllocations.invoiceId,
      invoiceNumber: invoices.number,
      amount: paymentAllocations.amount,
      appliedOn: paymentAllocations.appliedOn,
    })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .where(inArray(paymentAllocations.paymentId, [...paymentIds]))
    .orderBy(asc(paymentAllocations.createdAt), asc(paymentAllocations.id));
  const out = new Map<string, AllocationOut[]>();
  for (const { paymentId, ...a } of rows) out.set(paymentId!, [...(out.get(paymentId!) ?? []), a]);
  return out;
}

async function numbersOf(tx: DbOrTx, invoiceIds: readonly string[]) {
  if (!invoiceIds.length) return new Map<string, string | null>();
  const rows = await tx
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(inArray(invoices.id, [...invoiceIds]));
  return new Map(rows.map((r) => [r.id, r.number]));
}

async function present(tx: DbOrTx, rows: PaymentRow[]): Promise<PaymentResponse[]> {
  const ids = rows.map((r) => r.id);
  const allocations = await allocationsOf(tx, ids);
  const voids = ids.length
    ? await tx.select().from(paymentVoids).where(inArray(paymentVoids.paymentId, ids))
    : [];
  const voidOf = new Map(voids.map((v) => [v.paymentId, v]));
  const voidedNumbers = await numbersOf(
    tx,
    voids.flatMap((v) => v.allocations.map((a) => a.invoiceId)),
  );
  const voided = (v: VoidRow | undefined) =>
    v
      ? {
          at: v.voidedAt.toISOString(),
          reason: v.reason,
          allocations: v.allocations.map((a) => ({
            ...a,
            invoiceNumber: voidedNumbers.get(a.invoiceId) ?? null,
          })),
        }
      : null;
  return rows.map((r) => ({
    id: r.id,
    clientId: r.clientId,
    date: r.receivedOn,
    amount: r.amount,
    currency: r.currency,
    method: r.method,
    reference: r.reference,
    note: r.note,
    allocations: allocations.get(r.id) ?? [],
    unallocated: r.unallocated,
    voided: voided(voidOf.get(r.id)),
    recordedBy: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function findPayment(tx: DbOrTx, id: string, forUpdate = false): Promise<PaymentRow> {
  const q = tx.select().from(payments).where(eq(payments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('NOT_FOUND', 'Payment', id);
  return row;
}

/** Refuses a named invoice that is not the client's, or whose state takes no payment, with its own code. */
async function checkNamedInvoice(tx: Tx, clientId: string, invoiceId: string): Promise<void> {
  const [named] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!named || named.clientId !== clientId || named.kind !== 'invoice')
    throw new AppError('INVOICE_NOT_FOUND', `Invoice ${invoiceId} is not an invoice of this client.`, [
      { field: 'body.invoiceId', message: 'is not an invoice of this client' },
    ]);
  await billingRules(() => assertInvoiceAllows(named.status, 'pay'));
}

/**
 * Writes the allocations and resettles the invoices they touch. Money is applied on `day`, or on an
 * invoice's issue day if that is later: an invoice is not paid before it exists (a payment entered
 * with the day the client sent it, or credit kept from before), and its days to pay never go below 0.
 */
async function writeAllocations(
  tx: Tx,
  paymentId: string,
  clientId: string,
  plan: PaymentAllocation,
  open: readonly OpenInvoice[],
  day: string,
  now: Date,
) {
  if (plan.allocations.length) {
    const issuedOn = new Map(open.map((o) => [o.id, o.issuedOn]));
    await tx.insert(paymentAllocations).values(
      plan.allocations.map((a) => {
        const issued = issuedOn.get(a.invoiceId) ?? day;
        return {
          paymentId,
          clientId,
          invoiceId: a.invoiceId,
          amount: a.amount,
          appliedOn: issued > day ? issued : day,
        };
      }),
    );
    await resettle(
      tx,
      plan.allocations.map((a) => a.invoiceId),
      now,
    );
  }
}

export function createPaymentsService(db: Db, ports: ReceivablesPorts) {
  async function get(id: string): Promise<PaymentResponse> {
    return (await present(db, [await findPayment(db, id)]))[0]!;
  }

  return {
    get,

    async record(input: RecordPaymentInput, now = new Date()): Promise<PaymentResponse> {
      const client = await ports.client(input.clientId);
      if (!client)
        throw new AppError('CLIENT_NOT_FOUND', `Client ${input.clientId} does not exist.`, [
          { field: 'body.clientId', message: 'is not a client' },
        ]);
      const id = await db.transaction(async (tx) => {
        await lockClientPayments(tx, input.clientId);
        if (input.invoiceId) await checkNamedInvoice(tx, input.clientId, input.invoiceId);
        const { currency, today } = await paymentTerms(tx, now);
        if (input.date > today)
          throw new AppError(
            'VALIDATION_FAILED',
            `A payment is recorded once received; ${input.date} is after today.`,
            [{ field: 'body.date', message: `is after today (${today})` }],
          );
        const open = (await lockOpenInvoices(tx, input.clientId, currency)).map(openInvoice);
        const plan = await billingRules(() =>
          allocatePayment(
            {
              date: input.date,
              amount: input.amount,
              method: input.method,
              reference: input.reference,
              invoiceId: input.invoiceId ?? null,
            },
            open,
          ),
        );
        const [payment] = await tx
          .insert(payments)
          .values({
            clientId: input.clientId,
            receivedOn: input.date,
            amount: input.amount,
            currency,
            method: input.method,
            reference: input.reference,
            note: input.note,
            unallocated: plan.clientCredit,
            recordedBy: actor(),
          })
          .returning();
        await writeAllocations(tx, payment!.id, input.clientId, plan, open, input.date, now);
        await recordAudit(tx, {
          action: 'create',
          entityType: 'payment',
          entityId: payment!.id,
          clientId: input.clientId,
          changes: {
            date: input.date,
            amount: input.amount,
            method: input.method,
            reference: input.reference,
            allocations: plan.allocations,
            clientCredit: plan.clientCredit,
          },
        });
        return payment!.id;
      });
      return get(id);
    },

    /** Applies a payment's unused credit to the client's open invoices (or the one named). */
    async applyCredit(id: string, invoiceId: string | null, now = new Date()): Promise<PaymentResponse> {
      await db.transaction(async (tx) => {
        const head = await findPayment(tx, id);
        await lockClientPayments(tx, head.clientId);
        const payment = await findPayment(tx, id, true);
        const [voided] = await tx.select().from(paymentVoids).where(eq(paymentVoids.paymentId, id));
        if (voided) throw new AppError('CONFLICT', `Payment ${id} is void: it holds no credit.`);
        if (payment.unallocated === 0)
          throw new AppError('CONFLICT', `Payment ${id} has no credit left to apply.`);
        if (invoiceId) await checkNamedInvoice(tx, payment.clientId, invoiceId);
        const open = (await lockOpenInvoices(tx, payment.clientId, payment.currency)).map(openInvoice);
        const candidates = invoiceId ? open.filter((o) => o.id === invoiceId) : open;
        const plan = await billingRules(() => allocateCredit(payment.unallocated, candidates));
        if (!plan.allocations.length)
          throw new AppError('CONFLICT', 'The client has no open invoice for this credit to pay.');
        // Credit is applied the day it is applied: the invoice was not paid before that.
        const { today } = await paymentTerms(tx, now);
        await writeAllocations(tx, id, payment.clientId, plan, candidates, today, now);
        await tx
          .update(payments)
          .set({ unallocated: plan.clientCredit, updatedAt: now })
          .where(eq(payments.id, id));
        await recordAudit(tx, {
          action: 'apply_credit',
          entityType: 'payment',
          entityId: id,
          clientId: payment.clientId,
          changes: { allocations: plan.allocations, unallocated: [payment.unallocated, plan.clientCredit] },
        });
      });
      return get(id);
    },

    /** Takes a payment back: its allocations come off the invoices they paid, which owe again. */
    async voidPayment(id: string, reason: string, now = new Date()): Promise<PaymentResponse> {
      await db.transaction(async (tx) => {
        const head = await findPayment(tx, id);
        await lockClientPayments(tx, head.clientId);
        const payment = await findPayment(tx, id, true);
        const [already] = await tx.select().from(paymentVoids).where(eq(paymentVoids.paymentId, id));
        if (already) throw new AppError('CONFLICT', `Payment ${id} is already void.`);
        const allocations = await tx
          .select()
          .from(paymentAllocations)
          .where(eq(paymentAllocations.paymentId, id))
          .orderBy(asc(paymentAllocations.invoiceId));
        // Lock the invoices first, in id order, as every other writer of them does.
        if (allocations.length)
          await tx
            .select({ id: invoices.id })
            .from(invoices)
            .where(inArray(invoices.id, [...new Set(allocations.map((a) => a.invoiceId))]))
            .orderBy(asc(invoices.id))
            .for('update');
        await tx.delete(paymentAllocations).where(eq(paymentAllocations.paymentId, id));
        await tx.insert(paymentVoids).values({
          paymentId: id,
          clientId: payment.clientId,
          reason,
          allocations: allocations.map((a) => ({
            invoiceId: a.invoiceId,
            amount: a.amount,
            appliedOn: a.appliedOn,
          })),
          unallocated: payment.unallocated,
          voidedBy: actor(),
          voidedAt: now,
        });
        await tx.update(payments).set({ unallocated: 0, updatedAt: now }).where(eq(payments.id, id));
        await resettle(
          tx,
          allocations.map((a) => a.invoiceId),
          now,
        );
        await recordAudit(tx, {
          action: 'void',
          entityType: 'payment',
          entityId: id,
          clientId: payment.clientId,
          changes: {
            reason,
            allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
            unallocated: [payment.unallocated, 0],
          },
        });
      });
      return get(id);
    },

    /** Payments by day received (newest first), with filters. */
    async list(query: PaymentListQuery): Promise<Page<PaymentResponse>> {
      const where: (SQL | undefined)[] = [];
      if (query.client_id) where.push(eq(payments.clientId, query.client_id));
      if (query.from) where.push(gte(payments.receivedOn, query.from));
      if (query.to) where.push(lte(payments.receivedOn, query.to));
      if (query.updated_since) where.push(gte(payments.updatedAt, new Date(query.updated_since)));
      if (!query.include_voided) where.push(isNull(paymentVoids.paymentId));
      if (query.cursor) {
        const [day, id] = decodeCursor(query.cursor, z.tuple([z.iso.date(), z.uuid()]));
        where.push(sql`(${payments.receivedOn}, ${payments.id}) < (${day}::date, ${id}::uuid)`);
      }
      const rows = await db
        .select({ payment: payments })
        .from(payments)
        .leftJoin(paymentVoids, eq(paymentVoids.paymentId, payments.id))
        .where(and(...where))
        .orderBy(desc(payments.receivedOn), desc(payments.id))
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const items = (more ? rows.slice(0, query.limit) : rows).map((r) => r.payment);
      const last = items.at(-1);
      return {
        items: await present(db, items),
        nextCursor: more && last ? encodeCursor([last.receivedOn, last.id]) : null,
      };
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
