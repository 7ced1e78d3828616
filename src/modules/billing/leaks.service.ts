/**
 * The pre-invoice leak report for a period: what would slip through the run if nobody looked.
 *  - unbilled work: approved, billable entries up to the period's end that are on no invoice;
 *  - pending approval: entries of the period not yet approved (a run never bills them);
 *  - agreements not billed: agreements in force with a cycle due in the period and no standing line
 *    for that cycle;
 *  - quantity mismatches: counted lines (active contacts, managed assets, sites) whose count now
 *    differs from the quantity billed for the period's cycle.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { agreementOn } from '../../domain/agreements/amendments.js';
import {
  type ClientAgreement,
  dueCycle,
  parsePeriod,
  periodEnd,
  periodStart,
  roledLines,
} from '../../domain/billing/index.js';
import { workDateOf } from '../../domain/time/work-date.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/store.js';
import { notFound } from '../../platform/errors.js';
import { billingRules } from './billing.errors.js';
import type { BillingClient, BillingPorts, CountedSource } from './billing.ports.js';
import { invoiceLines, invoices } from './billing.tables.js';

const hour = 3_600_000;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 24 * hour);

const periodic = (a: ClientAgreement, on: string) =>
  roledLines(a.agreement, agreementOn(a.agreement, a.amendments, on).lines).filter(
    (r) => r.role === 'recurring' || r.role === 'block_price' || r.role === 'retainer_top_up',
  );

export function createLeaksService(db: Db, ports: BillingPorts) {
  return {
    async leakReport(periodText: string, clientId?: string, now = new Date()) {
      const period = await billingRules(() => parsePeriod(periodText, 'period'), 'querystring');
      const start = periodStart(period);
      const end = periodEnd(period);
      let clients: BillingClient[];
      if (clientId) {
        const client = await ports.client(staffScope, clientId);
        if (!client) throw notFound('CLIENT_NOT_FOUND', 'Client', clientId);
        clients = [client];
      } else clients = await ports.liveClients();
      const ids = clients.map((c) => c.id);

      const issued = new Set(
        (
          await db
            .select({ clientId: invoices.clientId })
            .from(invoices)
            .where(
              and(
                eq(invoices.period, period),
                eq(invoices.kind, 'invoice'),
                inArray(invoices.status, ['issued', 'partially_paid', 'paid']),
              ),
            )
        ).map((r) => r.clientId),
      );
      const unbilledWork = [];
      // Dates are the client's: a 14-hour margin past UTC midnight takes in every zone's day.
      const entries = await ports.time.listUninvoiced({
        clientIds: ids,
        from: new Date(0),
        to: new Date(dayAfter(end).getTime() + 14 * hour),
      });
      // In the clients' order (by name), each client's oldest first.
      const order = new Map(ids.map((id, i) => [id, i]));
      entries.sort((a, b) => order.get(a.clientId)! - order.get(b.clientId)!);
      for (const e of entries) {
        if (e.workDate > end) continue;
        const reason =
          e.workDate >= start
            ? `work of ${period}: billed in arrears by the next period's run`
            : issued.has(e.clientId)
              ? `the ${period} invoice is issued: billed by the next run`
              : `waiting for the ${period} run`;
        unbilledWork.push({
          entryId: e.id,
          clientId: e.clientId,
          workDate: e.workDate,
          minutes: e.minutes,
          workType: e.workType,
          amount: e.amount,
          reason,
        });
      }

      const pending = await ports.time.listPendingApproval({
        clientId,
        from: new Date(Date.parse(`${start}T00:00:00Z`) - 14 * hour),
        to: new Date(dayAfter(end).getTime() + 14 * hour),
      });
      const zones = new Map(clients.map((c) => [c.id, c.timeZone]));
      const pendingApproval = pending
        .filter((e) => e.clientId !== null && zones.has(e.clientId))
        .map((e) => ({ ...e, workDate: workDateOf(zones.get(e.clientId!)!, Date.parse(e.startedAt)) }))
        .filter((e) => e.workDate >= start && e.workDate <= end)
        .map((e) => ({
          entryId: e.id,
          clientId: e.clientId,
          technicianId: e.technicianId,
          workDate: e.workDate,
          minutes: e.minutes,
          status: e.status,
          billable: e.billable,
        }));

      const agreementsByClient = await ports.agreements(ids);
      const due: { client: BillingClient; a: ClientAgreement; cycle: { from: string; to: string } }[] = [];
      for (const client of clients) {
        for (const a of agreementsByClient.get(client.id) ?? []) {
          const { agreement } = a;
          if (agreement.status === 'draft') continue;
          const cycle = dueCycle(agreement.billing, period);
          if (!cycle) continue;
          if (
            agreement.startDate > cycle.to ||
            (agreement.endDate !== null && agreement.endDate < cycle.from)
          )
            continue;
          const on = agreement.startDate > cycle.from ? agreement.startDate : cycle.from;
          if (periodic(a, on).length === 0) continue;
          due.push({ client, a, cycle });
        }
      }
      const billedRows = due.length
        ? await db
            .select({
              agreementId: invoiceLines.agreementId,
              lineId: invoiceLines.agreementLineId,
              cycleFrom: invoiceLines.cycleFrom,
              fromDate: invoiceLines.fromDate,
              quantity: invoiceLines.quantity,
              kind: invoiceLines.kind,
            })
            .from(invoiceLines)
            .where(
              and(
                inArray(
                  invoiceLines.agreementId,
                  due.map((d) => d.a.agreement.id),
                ),
                ne(invoiceLines.invoiceStatus, 'void'),
                inArray(invoiceLines.kind, ['recurring', 'adjustment']),
              ),
            )
        : [];
      const agreementsNotBilled = [];
      const quantityMismatches = [];
      for (const { client, a, cycle } of due) {
        const rows = billedRows.filter((r) => r.agreementId === a.agreement.id && r.cycleFrom === cycle.from);
        if (rows.length === 0) {
          agreementsNotBilled.push({
            agreementId: a.agreement.id,
            clientId: client.id,
            name: a.agreement.name,
            cycle,
          });
          continue;
        }
        const counted = periodic(a, cycle.from).filter((r) => r.line.quantitySource !== 'entered');
        if (!counted.length) continue;
        const sources = new Set(counted.map((r) => r.line.quantitySource as CountedSource));
        const counts = await ports.counts(client.id, sources, now);
        for (const { line } of counted) {
          const charges = rows
            .filter((r) => r.lineId === line.id && r.kind === 'recurring')
            .sort((x, y) => ((x.fromDate ?? '') < (y.fromDate ?? '') ? 1 : -1));
          const billed = charges[0]?.quantity;
          const count = counts[line.quantitySource as CountedSource];
          if (billed === undefined || count === undefined || billed === count) continue;
          quantityMismatches.push({
            agreementId: a.agreement.id,
            clientId: client.id,
            lineId: line.id,
            description: line.description,
            source: line.quantitySource,
            counted: count,
            billed,
          });
        }
      }
      return { period, unbilledWork, pendingApproval, agreementsNotBilled, quantityMismatches };
    },
  };
}

export type LeaksService = ReturnType<typeof createLeaksService>;
