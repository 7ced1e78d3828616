import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { formatDisplaySpan } from './dates.js';
import { buildCreditNote, buildInvoiceDocument, buildLine } from './fixtures.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { formatMoney } from './money.js';

/** The text of each page, read back by PDF.js; runs of white space (Intl's no-break spaces too) become one space. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const loaded = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= loaded.numPages; n++) {
    const content = await (await loaded.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' '));
  }
  await loaded.destroy();
  return pages;
}

const spaced = (text: string) => text.replace(/\s+/g, ' ');

describe('renderInvoicePdf', () => {
  it('renders an invoice that reads back with its number, parties, lines, dates and totals', async () => {
    const doc = buildInvoiceDocument();
    const pdf = await renderInvoicePdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pagesOf(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(formatMoney(doc.total, 'GBP', 'en-GB')).toBe('£1,423.12');
    for (const expected of [
      'INVOICE',
      '2026-000123',
      'Northwind IT Services Ltd',
      'Tax ID GB123456789',
      'Contoso, Ltd.',
      'Leeds LS1 4AP',
      'Issue date 1 Mar 2026',
      'Due date 31 Mar 2026',
      'Managed services, 5 more users from 10 March',
      formatDisplaySpan('2026-03-10', '2026-03-31', 'en-GB'), // the prorated line's dates, under its description
      '1.25 hours',
      '£90.00',
      '-£11.25',
      'Subtotal £1,247.18',
      'Discounts -£11.25',
      'Tax 20% £187.19',
      'Total £1,423.12',
      'Balance due £1,423.12',
      'How to pay',
      'Sort code 12-34-56',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(spaced(expected));
    }
  });

  it('titles a credit note as such, names the invoice it credits and the credit remaining', async () => {
    const text = (await pagesOf(await renderInvoicePdf(buildCreditNote({ amountPaid: 5_000 })))).join(' ');
    for (const expected of [
      'CREDIT NOTE',
      'CN-2026-000004',
      'CREDIT TO',
      'Credits invoice 2026-000123',
      'This credit note corrects invoice 2026-000123.',
      'Total credit £191.62',
      'Applied or refunded -£50.00',
      'Credit remaining £141.62',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('How to pay');
    expect(text).not.toContain('Due date');
  });

  it('leaves out how to pay once an invoice is paid', async () => {
    const paid = buildInvoiceDocument({ amountPaid: 142_312 });
    const text = (await pagesOf(await renderInvoicePdf(paid))).join(' ');
    expect(text).toContain('Amount paid -£1,423.12');
    expect(text).toContain('Balance due £0.00');
    expect(text).not.toContain('How to pay');
  });

  it('marks a draft and formats money in the document locale and currency', async () => {
    const doc = buildInvoiceDocument({ number: null, currency: 'EUR', locale: 'de-DE' });
    const text = (await pagesOf(await renderInvoicePdf(doc))).join(' ');
    expect(text).toContain('DRAFT INVOICE');
    expect(text).toContain('Not yet issued');
    expect(text).toContain(spaced(formatMoney(doc.total, 'EUR', 'de-DE')));
    expect(spaced(formatMoney(doc.total, 'EUR', 'de-DE'))).toBe('1.423,12 €');
    expect(text).toContain('Tax 20 %');
  });

  it('prints names beyond Latin-1', async () => {
    const doc = buildInvoiceDocument({ buyer: { name: 'Łódź Ωmega ООО', address: { city: 'Łódź' } } });
    const text = (await pagesOf(await renderInvoicePdf(doc))).join(' ');
    expect(text).toContain('Łódź Ωmega ООО');
  });

  it('spreads a 200-line invoice over several pages, each with the table header and its page number', async () => {
    const lines = Array.from({ length: 200 }, (_, i) =>
      buildLine({
        description: `Remote support, ticket #${10_000 + i}`,
        servicePeriod: { from: '2026-03-01', to: '2026-03-31' },
        quantity: '0.5',
        unit: 'hours',
        unitPrice: 9_000,
        amount: 4_500,
        taxAmount: 900,
      }),
    );
    const doc = buildInvoiceDocument({ lines });
    expect(doc.total).toBe(200 * 5_400);
    const pages = await pagesOf(await renderInvoicePdf(doc));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      if (page.includes('ticket #')) expect(page).toContain('Description Qty Unit price Tax Amount');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Invoice 2026-000123');
    });
    const all = pages.join(' ');
    for (let i = 0; i < 200; i++) expect(all).toContain(`ticket #${10_000 + i}`);
    expect(pages.filter((p) => p.includes('ticket #')).length).toBeGreaterThanOrEqual(4);
    expect(pages.at(-1)).toContain('Total £10,800.00');
  });

  it('cuts an overlong description at the end of its page instead of flowing it over pages', async () => {
    const long = buildLine({ description: 'Very long description. '.repeat(600) });
    const pages = await pagesOf(await renderInvoicePdf(buildInvoiceDocument({ lines: [long, buildLine()] })));
    // Flowed in full, the description alone would fill five pages.
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Description Qty Unit price Tax Amount Managed services, per user');
    expect(pages[1]).toContain('Page 2 of 2');
  });

  it('refuses a document whose figures do not add up', async () => {
    const doc = buildInvoiceDocument();
    await expect(renderInvoicePdf({ ...doc, total: doc.total + 1 })).rejects.toThrow(AppError);
  });
});
