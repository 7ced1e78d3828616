import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Outbox, startOutbox } from '../../../test/mail/support.js';
import {
  buildClient,
  buildContact,
  buildUser,
  type Caller,
  call,
  createTestApp,
  expectProblem,
  type TestApp,
  unique,
} from '../../../test/support/app.js';
import { billAndIssue, type IssuedInvoice, managedUsers } from '../../../test/support/billing.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { storeKinds } from '../../../test/support/stores.js';
import { invoiceReminders } from './billing.tables.js';
import {
  genericColumns,
  quickBooksCreditNoteColumns,
  quickBooksInvoiceColumns,
  xeroSalesInvoiceColumns,
} from './documents/index.js';
import { invoiceMailings } from './receivables.tables.js';
import { remindersJob } from './reminders.service.js';

/**
 * What leaves Keel about an invoice: its PDF, the mail that carries it to the client's billing
 * contacts, reminders when it is overdue, and the accounting export. A managed client of 10 users
 * × 50.00 with 20 % tax is invoiced 600.00 a month; mail goes through a real SMTP server on 127.0.0.1.
 */
describe.each(storeKinds)('invoice PDF, mail, reminders and exports on %s', (kind) => {
  let app: TestApp;
  let outbox: Outbox;
  let manager: Caller;
  let billing: Caller;
  let contoso: string;
  let silent: string;
  let jan: IssuedInvoice;
  let feb: IssuedInvoice;
  let silentJan: IssuedInvoice;
  let draftId: string;
  let creditNote: { id: string; number: string; total: number };
  const api = (method: string, url: string, payload?: unknown, who: Caller = billing) =>
    call(app, { method, url, payload, headers: who.headers });
  const mailings = async () =>
    Number((await app.store.db.select({ n: sql<number>`count(*)` }).from(invoiceMailings))[0]!.n);

  beforeAll(async () => {
    outbox = await startOutbox();
    app = await createTestApp(kind, {
      jobs: { work: true },
      env: {
        SMTP_URL: `smtp://127.0.0.1:${outbox.port}`,
        MAIL_FROM: 'Northwind Billing <billing@northwind.test>',
      },
    });
    manager = await buildUser(app, 'manager');
    billing = await buildUser(app, 'billing');
    const settings = await api('PATCH', '/api/v1/billing/settings', {
      sellerName: 'Northwind IT',
      sellerAddress: { line1: '1 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'France' },
      sellerEmail: 'accounts@northwind.test',
      paymentInstructions: 'IBAN FR76 3000 6000 0112 3456 7890 189',
      scheduleTimeZone: 'Europe/Paris',
    });
    expect(settings.statusCode, settings.body).toBe(200);
    contoso = (await buildClient(app, { name: unique('Contoso, Ltd.') })).id;
    silent = (await buildClient(app, { name: unique('Fabrikam') })).id;
    await buildContact(app, contoso, { email: 'ap@contoso.test', isBilling: true });
    await buildContact(app, contoso, { email: 'it@contoso.test', isBilling: false });
    await managedUsers(app, manager, contoso, { startDate: '2026-01-01' });
    await managedUsers(app, manager, silent, { startDate: '2026-01-01' });
    jan = await billAndIssue(app, billing, contoso, '2026-01', '2026-01-01');
    feb = await billAndIssue(app, billing, contoso, '2026-02', '2026-02-01');
    silentJan = await billAndIssue(app, billing, silent, '2026-01', '2026-01-02');
    const run = await api('POST', '/api/v1/billing/runs', {
      period: '2026-03',
      dryRun: false,
      clientId: contoso,
    });
    draftId = run.data.clients[0].invoiceId;
    const voided = await api('POST', `/api/v1/invoices/${feb.id}/void`, { reason: 'Billed in error' });
    expect(voided.statusCode, voided.body).toBe(200);
    const janLines = (await api('GET', `/api/v1/invoices/${jan.id}`)).data.lines;
    const cn = await api('POST', `/api/v1/invoices/${jan.id}/credit-notes`, {
      kind: 'lines',
      lines: [{ lineId: janLines[0].id, net: 10_000 }],
      issueDate: '2026-01-15',
      reason: 'Two users left early',
    });
    expect(cn.statusCode, cn.body).toBe(201);
    creditNote = { id: cn.data.id, number: cn.data.number, total: cn.data.total };
  });
  afterAll(async () => {
    await app?.close();
    await outbox?.close();
  });

  it('invoices 600.00 a month with tax, and credits 120.00 of January', () => {
    expect([jan.number, jan.total, jan.dueDate]).toEqual(['2026-000001', 60_000, '2026-01-31']);
    expect(creditNote).toMatchObject({ number: 'CN-2026-000001', total: 12_000 });
  });

  it('renders the invoice as a real PDF holding its number, parties and total', async () => {
    const res = await api('GET', `/api/v1/invoices/${jan.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('Invoice-2026-000001.pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      'Invoice',
      '2026-000001',
      'Northwind IT',
      'Contoso, Ltd.',
      'Managed users',
      'Subtotal €500.00',
      'Total €600.00',
      // The credit note counts towards what is settled: 600.00 − 120.00 still owed.
      'Balance due €480.00',
      'CN-2026-000001',
      'IBAN FR76',
    ])
      expect(text).toContain(expected);
  });

  it('renders a credit note naming the invoice it corrects, and a draft for staff to preview', async () => {
    const cn = await pdfText((await api('GET', `/api/v1/invoices/${creditNote.id}/pdf`)).rawPayload);
    expect(cn).toContain('CN-2026-000001');
    expect(cn).toContain('2026-000001');
    expect(cn).toContain('€120.00');
    const draft = await api('GET', `/api/v1/invoices/${draftId}/pdf`);
    expect(draft.statusCode).toBe(200);
    expect(await pdfText(draft.rawPayload)).toContain('Draft invoice');
  });

  it('lets a portal user download their own issued invoices only: drafts and others’ are not found', async () => {
    const portal = await buildUser(app, 'portal', { clientId: contoso });
    const own = await api('GET', `/api/v1/invoices/${jan.id}/pdf`, undefined, portal);
    expect(own.statusCode, own.body).toBe(200);
    expect(await pdfText(own.rawPayload)).toContain('2026-000001');
    expectProblem(await api('GET', `/api/v1/invoices/${draftId}/pdf`, undefined, portal), 404);
    expectProblem(await api('GET', `/api/v1/invoices/${silentJan.id}/pdf`, undefined, portal), 404);
    expectProblem(await api('POST', `/api/v1/invoices/${jan.id}/send`, {}, portal), 404);
  });

  it('mails the issued invoice with its PDF to the billing contacts, and records when it left', async () => {
    const sent = await api('POST', `/api/v1/invoices/${jan.id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.data).toMatchObject({ kind: 'invoice', status: 'queued', sentTo: ['ap@contoso.test'] });
    const mail = await outbox.next((m) => m.mail.subject === 'Invoice 2026-000001 from Northwind IT');
    expect(mail.envelope.to).toEqual(['ap@contoso.test']);
    expect(mail.mail.from?.text).toContain('billing@northwind.test');
    expect(mail.mail.replyTo?.text).toContain('accounts@northwind.test');
    expect(mail.mail.text).toContain('€600.00');
    expect(mail.mail.text).toContain('The balance of €480.00 is due on January 31, 2026.');
    const [pdf] = mail.mail.attachments;
    expect(pdf).toMatchObject({ filename: 'Invoice-2026-000001.pdf', contentType: 'application/pdf' });
    expect(await pdfText(pdf!.content)).toContain('Total €600.00');

    const record = await eventually(async () => {
      const list = await api('GET', `/api/v1/invoices/${jan.id}/mailings`);
      const m = list.data.items.find((x: any) => x.id === sent.data.id);
      return m?.status === 'sent' ? m : null;
    });
    expect(record).toMatchObject({ sentTo: ['ap@contoso.test'], requestedBy: billing.email });
    expect(Date.parse(record.sentAt)).toBeGreaterThan(Date.now() - 60_000);

    const cc = await api('POST', `/api/v1/invoices/${creditNote.id}/send`, { to: ['cfo@contoso.test'] });
    expect(cc.statusCode, cc.body).toBe(202);
    const cnMail = await outbox.next(
      (m) => m.mail.subject === 'Credit note CN-2026-000001 from Northwind IT',
    );
    expect(cnMail.envelope.to).toEqual(['cfo@contoso.test']);
    expect(cnMail.mail.attachments[0]?.filename).toBe('Credit-note-CN-2026-000001.pdf');
  });

  it('refuses to send a draft, a void invoice, or to a client with no billing contact — writing nothing', async () => {
    const before = await mailings();
    expect(expectProblem(await api('POST', `/api/v1/invoices/${draftId}/send`, {}), 409).code).toBe(
      'INVOICE_NOT_ISSUED',
    );
    expect(expectProblem(await api('POST', `/api/v1/invoices/${feb.id}/send`, {}), 409).code).toBe(
      'INVOICE_VOID',
    );
    const nobody = expectProblem(await api('POST', `/api/v1/invoices/${silentJan.id}/send`, {}), 422);
    expect(nobody.errors?.[0]?.field).toBe('body.to');
    expectProblem(await api('POST', `/api/v1/invoices/${jan.id}/send`, { to: ['not an address'] }), 400);
    expectProblem(await api('POST', `/api/v1/invoices/${jan.id}/send`, { to: [] }), 400);
    expectProblem(await api('POST', '/api/v1/invoices/01900000-0000-7000-8000-0000000000ff/send', {}), 404);
    expect(await mailings()).toBe(before);
  });

  it('sends each reminder of an overdue invoice once, and only to clients it can reach', async () => {
    const { reminders } = app.keel.receivables;
    const reminderMails = () => outbox.messages.filter((m) => m.mail.subject?.includes('is overdue'));
    // 8 February: January's invoice (due 31 Jan) is 8 days overdue; the default policy waits 7.
    const first = await reminders.sendDue(new Date('2026-02-08T09:00:00Z'));
    expect(first).toMatchObject({ asOf: '2026-02-08', sent: 1, noRecipient: 1 });
    const mail = await outbox.next((m) => m.mail.subject === 'Reminder: invoice 2026-000001 is overdue');
    expect(mail.envelope.to).toEqual(['ap@contoso.test']);
    expect(mail.mail.text).toContain('8 days ago');
    expect(mail.mail.text).toContain('€480.00 of its €600.00 is still open');
    expect(mail.mail.attachments[0]?.filename).toBe('Invoice-2026-000001.pdf');

    expect(await reminders.sendDue(new Date('2026-02-08T18:00:00Z'))).toMatchObject({ sent: 0 });
    expect(await reminders.sendDue(new Date('2026-02-21T09:00:00Z'))).toMatchObject({ sent: 0 });
    // Fourteen days on the second is due: two runs at once send it once.
    const both = await Promise.all([
      reminders.sendDue(new Date('2026-02-22T09:00:00Z')),
      reminders.sendDue(new Date('2026-02-22T09:00:00Z')),
    ]);
    expect(both[0].sent + both[1].sent).toBe(1);
    await outbox.next((m) => m.mail.subject === 'Second reminder: invoice 2026-000001 is overdue');

    // The daily job, today: the third and last reminder, then nothing more.
    await app.jobs!.send(remindersJob, {});
    await outbox.next((m) => m.mail.subject === 'Third reminder: invoice 2026-000001 is overdue');
    await app.jobs!.send(remindersJob, {});
    expect(await reminders.sendDue()).toMatchObject({ sent: 0 });
    const levels = await app.store.db.select({ level: invoiceReminders.level }).from(invoiceReminders);
    expect(levels.map((l) => l.level).sort()).toEqual([1, 2, 3]);
    expect(reminderMails()).toHaveLength(3);
    const list = await api('GET', `/api/v1/invoices/${jan.id}/mailings`);
    expect(list.data.items.filter((m: any) => m.kind === 'reminder').map((m: any) => m.level)).toEqual([
      1, 2, 3,
    ]);
  });

  describe('accounting export', () => {
    const csv = async (query: string) => {
      const res = await api('GET', `/api/v1/billing/exports?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      return { res, rows: parse(res.body.replace(/^\uFEFF/, ''), { columns: false }) as string[][] };
    };
    const range = 'from=2026-01-01&to=2026-02-28';

    it('gives QuickBooks Online its invoice and credit note imports, void invoices left out', async () => {
      const { res, rows } = await csv(`format=quickbooks&kind=invoices&${range}`);
      expect(res.headers['content-disposition']).toContain(
        'keel-quickbooks-invoices-2026-01-01-to-2026-02-28.csv',
      );
      expect(rows[0]).toEqual([...quickBooksInvoiceColumns]);
      const row = Object.fromEntries(quickBooksInvoiceColumns.map((c, i) => [c, rows[1]![i]]));
      expect(
        rows
          .map((r) => r[0])
          .slice(1)
          .sort(),
      ).toEqual(['2026-000001', '2026-000003']);
      const [contosoRow] = rows.slice(1).filter((r) => r[0] === '2026-000001');
      expect(Object.fromEntries(quickBooksInvoiceColumns.map((c, i) => [c, contosoRow![i]]))).toMatchObject({
        InvoiceNo: '2026-000001',
        InvoiceDate: '01/01/2026',
        DueDate: '01/31/2026',
        Terms: 'Net 30',
        ItemQuantity: '10',
        ItemRate: '50.00',
        ItemAmount: '500.00',
        ItemTaxCode: 'TAX',
        ItemTaxAmount: '100.00',
        Currency: 'EUR',
        'Service Date': '01/01/2026',
      });
      expect(row.Customer).toBeTruthy();
      const credits = await csv(`format=quickbooks&kind=credit_notes&${range}`);
      expect(credits.rows[0]).toEqual([...quickBooksCreditNoteColumns]);
      expect(credits.rows).toHaveLength(2);
      expect(
        Object.fromEntries(quickBooksCreditNoteColumns.map((c, i) => [c, credits.rows[1]![i]])),
      ).toMatchObject({
        CreditNoteNo: 'CN-2026-000001',
        CreditNoteDate: '01/15/2026',
        ItemAmount: '100.00',
        ItemTaxAmount: '20.00',
        Memo: 'Credits invoice 2026-000001; Period 2026-01-01 to 2026-01-31',
      });
    });

    it('asks for the Xero tax rate names first, then books credit notes negative in Xero’s template', async () => {
      const missing = expectProblem(await api('GET', `/api/v1/billing/exports?format=xero&${range}`), 422);
      expect(missing.errors?.[0]?.field).toMatch(/taxCode$/);
      const set = await api('PUT', '/api/v1/billing/exports/settings', {
        xeroTaxTypes: { '2000': '20% (VAT on Income)' },
        xeroAccountCode: '4000',
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.data).toMatchObject({ xeroAccountCode: '4000', xeroDateFormat: 'dd/MM/yyyy' });
      const { rows } = await csv(`format=xero&${range}`);
      expect(rows[0]).toEqual([...xeroSalesInvoiceColumns]);
      const byNumber = (n: string) =>
        Object.fromEntries(xeroSalesInvoiceColumns.map((c, i) => [c, rows.find((r) => r[10] === n)![i]]));
      expect(byNumber('2026-000001')).toMatchObject({
        '*InvoiceDate': '01/01/2026',
        '*DueDate': '31/01/2026',
        Total: '600.00',
        '*Quantity': '10',
        '*UnitAmount': '50.00',
        '*AccountCode': '4000',
        '*TaxType': '20% (VAT on Income)',
        TaxAmount: '100.00',
      });
      expect(byNumber('CN-2026-000001')).toMatchObject({
        Reference: '2026-000001',
        Total: '-120.00',
        '*UnitAmount': '-100.00',
        TaxAmount: '-20.00',
      });
    });

    it('writes Keel’s own CSV with invoices and credit notes netting out', async () => {
      const { rows } = await csv(`format=generic&${range}`);
      expect(rows[0]).toEqual([...genericColumns]);
      const at = (r: string[], c: (typeof genericColumns)[number]) => r[genericColumns.indexOf(c)];
      const ours = rows
        .slice(1)
        .filter((r) => at(r, 'number') === '2026-000001' || at(r, 'credits_invoice') === '2026-000001');
      expect(
        ours.map((r) => [at(r, 'document_type'), at(r, 'line_amount'), at(r, 'document_total')]),
      ).toEqual([
        ['invoice', '500.00', '600.00'],
        ['credit_note', '-100.00', '-120.00'],
      ]);
      const onlyFeb = await csv('format=generic&from=2026-02-01&to=2026-02-28');
      expect(onlyFeb.rows).toHaveLength(1); // the header: February's invoice is void
    });

    it('refuses bad ranges and formats with 400', async () => {
      for (const query of [
        'format=sage&from=2026-01-01&to=2026-01-31',
        'format=generic&from=2026-1-1&to=2026-01-31',
        'format=generic&from=2026-02-01&to=2026-01-31',
        'format=quickbooks&from=2026-01-01&to=2026-01-31',
        'format=generic&from=2026-01-01',
      ])
        expectProblem(await api('GET', `/api/v1/billing/exports?${query}`), 400);
      expectProblem(await api('PUT', '/api/v1/billing/exports/settings', { xeroDateFormat: 'd.M.yy' }), 400);
      expectProblem(
        await api('PUT', '/api/v1/billing/exports/settings', { xeroTaxTypes: { twenty: 'x' } }),
        400,
      );
      const portal = await buildUser(app, 'portal', { clientId: contoso });
      expectProblem(
        await api('GET', `/api/v1/billing/exports?format=generic&${range}`, undefined, portal),
        404,
      );
    });
  });
});
