/**
 * Issued invoices for the billing tests, made the way a billing admin makes them: a managed
 * agreement billed by runs, one draft per period, each issued on the day asked.
 */
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { type Caller, call } from './app.js';

export type IssuedInvoice = { id: string; number: string; total: number; issueDate: string; dueDate: string };

/** A signed managed agreement of `users` users at `unitPrice` each per month, from `startDate`. */
export async function managedUsers(
  app: App,
  manager: Caller,
  clientId: string,
  opts: { startDate: string; users?: number; unitPrice?: number },
) {
  const a = await call(app, {
    method: 'POST',
    url: '/api/v1/agreements',
    headers: manager.headers,
    payload: {
      clientId,
      kind: 'managed',
      name: 'Managed users',
      startDate: opts.startDate,
      minimumTermMonths: 0,
      lines: [
        {
          description: 'Managed users',
          quantity: opts.users ?? 10,
          unitPrice: opts.unitPrice ?? 5_000,
          unit: 'per_user',
        },
      ],
    },
  });
  expect(a.statusCode, a.body).toBe(201);
  const on = await call(app, {
    method: 'POST',
    url: `/api/v1/agreements/${a.data.id}/activate`,
    headers: manager.headers,
    payload: { signedOn: opts.startDate, signedBy: 'Director' },
  });
  expect(on.statusCode, on.body).toBe(200);
  return a.data.id as string;
}

/** Names the seller in the billing settings, which issuing an invoice requires. */
export async function nameSeller(app: App, billing: Caller, name = 'Northwind IT') {
  const res = await call(app, {
    method: 'PATCH',
    url: '/api/v1/billing/settings',
    headers: billing.headers,
    payload: { sellerName: name },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Runs billing for `period` for the client and issues its invoice on `issueDate`. */
export async function billAndIssue(
  app: App,
  billing: Caller,
  clientId: string,
  period: string,
  issueDate: string,
): Promise<IssuedInvoice> {
  const run = await call(app, {
    method: 'POST',
    url: '/api/v1/billing/runs',
    headers: billing.headers,
    payload: { period, dryRun: false, clientId },
  });
  expect(run.statusCode, run.body).toBe(201);
  const invoiceId = run.data.clients[0].invoiceId as string;
  expect(invoiceId, run.body).toBeTruthy();
  const settings = await call(app, {
    method: 'GET',
    url: '/api/v1/billing/settings',
    headers: billing.headers,
  });
  if (!settings.data.sellerName) await nameSeller(app, billing);
  const issued = await call(app, {
    method: 'POST',
    url: `/api/v1/invoices/${invoiceId}/issue`,
    headers: billing.headers,
    payload: { issueDate },
  });
  expect(issued.statusCode, issued.body).toBe(200);
  const { id, number, total, dueDate } = issued.data;
  return { id, number, total, issueDate, dueDate };
}
