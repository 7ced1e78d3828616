/**
 * The invoice or credit note as a PDF a client can be sent: the MSP and the client, the number
 * and dates, the lines with their service dates, the totals with tax by rate, the balance due and
 * how to pay; every page carries the document's number and "Page n of m".
 */
import { formatDisplayDate, formatDisplaySpan } from './dates.js';
import type { InvoiceDocument } from './document.js';
import { assertInvoiceDocument } from './document-check.js';
import { formatRate } from './money.js';
import { addressLines, colour, type Layout, layoutFor, registerFonts, style, titleOf } from './pdf-layout.js';
import { drawLineTable } from './pdf-line-table.js';

export type PdfOptions = {
  /** Paper size; A4 unless the MSP prints on US Letter. */
  size?: 'A4' | 'LETTER';
};

const margins = { top: 50, bottom: 64, left: 50, right: 50 };

// pdfkit costs about 25 MB of memory: loaded with the first document rendered, not at start.
const loadPdfkit = () => import('pdfkit').then((m) => m.default);
let pdfkit: ReturnType<typeof loadPdfkit> | undefined;

/** Renders `doc` after checking its figures add up; throws UNPROCESSABLE when they do not. */
export async function renderInvoicePdf(doc: InvoiceDocument, options: PdfOptions = {}): Promise<Buffer> {
  assertInvoiceDocument(doc);
  pdfkit ??= loadPdfkit();
  const PDFDocument = await pdfkit;
  const title = titleOf(doc);
  const pdf = new PDFDocument({
    size: options.size ?? 'A4',
    margins,
    bufferPages: true,
    lang: doc.locale ?? 'en-US',
    displayTitle: true,
    info: {
      Title: doc.number ? `${title} ${doc.number}` : title,
      Author: doc.seller.name,
      Subject: `${title} for ${doc.buyer.name}`,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  registerFonts(pdf);
  const layout = layoutFor(pdf, doc);
  const newPage = () => {
    pdf.addPage();
    return margins.top;
  };
  let y = drawHeading(layout);
  y = drawParties(layout, y + 24);
  y = drawLineTable(layout, y + 22, newPage);
  y = drawTotals(layout, y + 12, newPage);
  drawClosingText(layout, y + 22, newPage);
  drawFooters(layout);
  pdf.end();
  return finished;
}

/** Seller on the left, the document's title and number on the right; returns the y below both. */
function drawHeading(layout: Layout): number {
  const { pdf, doc, left, width, right } = layout;
  const top = margins.top;
  const sellerWidth = width * 0.58;
  style(pdf, 'bold', 15).text(doc.seller.name, left, top, { width: sellerWidth });
  style(pdf, 'regular', 8.5, 'muted');
  const details = [
    ...addressLines(doc.seller.address),
    ...(doc.seller.taxId ? [`Tax ID ${doc.seller.taxId}`] : []),
    ...[doc.seller.email, doc.seller.phone].filter((v): v is string => !!v),
  ];
  for (const line of details) pdf.text(line, left, pdf.y + 1, { width: sellerWidth });
  const sellerBottom = pdf.y;

  const boxWidth = width - sellerWidth;
  const boxLeft = right - boxWidth;
  style(pdf, 'bold', 20).text(titleOf(doc).toUpperCase(), boxLeft, top, {
    width: boxWidth,
    align: 'right',
  });
  style(pdf, 'regular', 10).text(doc.number ?? 'Not yet issued', boxLeft, pdf.y + 2, {
    width: boxWidth,
    align: 'right',
  });
  return Math.max(sellerBottom, pdf.y);
}

/** "Bill to" on the left, the document's facts on the right. */
function drawParties(layout: Layout, top: number): number {
  const { pdf, doc, left, width, right, locale } = layout;
  const buyerWidth = width * 0.5;
  style(pdf, 'bold', 7.5, 'muted').text(doc.kind === 'invoice' ? 'BILL TO' : 'CREDIT TO', left, top, {
    width: buyerWidth,
  });
  style(pdf, 'bold', 10).text(doc.buyer.name, left, pdf.y + 3, { width: buyerWidth });
  style(pdf, 'regular', 9);
  const buyerLines = [
    ...addressLines(doc.buyer.address),
    ...(doc.buyer.email ? [doc.buyer.email] : []),
    ...(doc.buyer.taxId ? [`Tax ID ${doc.buyer.taxId}`] : []),
  ];
  for (const line of buyerLines) pdf.text(line, left, pdf.y + 1, { width: buyerWidth });
  const buyerBottom = pdf.y;

  const noun = doc.kind === 'invoice' ? 'Invoice' : 'Credit note';
  const facts: [string, string][] = [
    [`${noun} number`, doc.number ?? 'Draft'],
    ['Issue date', formatDisplayDate(doc.issueDate, locale)],
  ];
  if (doc.dueDate) facts.push(['Due date', formatDisplayDate(doc.dueDate, locale)]);
  if (doc.period) facts.push(['Period', formatDisplaySpan(doc.period.start, doc.period.end, locale)]);
  if (doc.creditsInvoiceNumber) facts.push(['Credits invoice', doc.creditsInvoiceNumber]);
  if (doc.terms && doc.kind === 'invoice') facts.push(['Terms', doc.terms]);
  if (doc.reference) facts.push(['Your reference', doc.reference]);

  const factsLeft = left + buyerWidth + 20;
  const labelWidth = 90;
  const valueWidth = right - factsLeft - labelWidth;
  let y = top;
  for (const [label, value] of facts) {
    style(pdf, 'regular', 9, 'muted').text(label, factsLeft, y, { width: labelWidth });
    style(pdf, 'regular', 9).text(value, factsLeft + labelWidth, y, { width: valueWidth, align: 'right' });
    y = pdf.y + 3;
  }
  return Math.max(buyerBottom, y);
}

type TotalRow = { label: string; value: string; strong?: boolean };

function totalRows(layout: Layout): TotalRow[] {
  const { doc, money, locale } = layout;
  const rows: TotalRow[] = [{ label: 'Subtotal', value: money(doc.subtotal) }];
  if (doc.discountTotal !== 0) rows.push({ label: 'Discounts', value: money(-doc.discountTotal) });
  const taxByRate = new Map<number, number>();
  for (const line of doc.lines)
    taxByRate.set(line.taxRateBp, (taxByRate.get(line.taxRateBp) ?? 0) + line.taxAmount);
  const taxed = [...taxByRate].filter(([rate]) => rate > 0).sort(([a], [b]) => a - b);
  if (taxed.length === 0) rows.push({ label: 'Tax', value: money(doc.taxTotal) });
  for (const [rate, amount] of taxed)
    rows.push({ label: `Tax ${formatRate(rate, locale)}`, value: money(amount) });
  const invoice = doc.kind === 'invoice';
  rows.push({ label: invoice ? 'Total' : 'Total credit', value: money(doc.total), strong: true });
  if (doc.amountPaid !== 0) {
    rows.push({ label: invoice ? 'Amount paid' : 'Applied or refunded', value: money(-doc.amountPaid) });
  }
  rows.push({
    label: invoice ? 'Balance due' : 'Credit remaining',
    value: money(doc.balanceDue),
    strong: true,
  });
  return rows;
}

/** The totals block at the right, kept whole on one page. */
function drawTotals(layout: Layout, top: number, newPage: () => number): number {
  const { pdf, right } = layout;
  const rows = totalRows(layout);
  const blockWidth = 250;
  const blockLeft = right - blockWidth;
  const rowHeight = 17;
  let y = top + rows.length * rowHeight > layout.bottom() ? newPage() : top;
  for (const row of rows) {
    if (row.strong) {
      pdf
        .moveTo(blockLeft, y - 2)
        .lineTo(right, y - 2)
        .lineWidth(0.75)
        .strokeColor(colour.text)
        .stroke();
    }
    const weight = row.strong ? 'bold' : 'regular';
    style(pdf, weight, row.strong ? 10.5 : 9).text(row.label, blockLeft, y + 2, {
      width: 120,
      lineBreak: false,
    });
    style(pdf, weight, row.strong ? 10.5 : 9).text(row.value, blockLeft + 120, y + 2, {
      width: blockWidth - 120,
      align: 'right',
      lineBreak: false,
    });
    y += rowHeight;
  }
  return y;
}

/** What the credit note corrects, how to pay, and the closing note; each block kept whole. */
function drawClosingText(layout: Layout, top: number, newPage: () => number): void {
  const { pdf, doc, left, width } = layout;
  const blocks: [string, string][] = [];
  if (doc.kind === 'credit_note') {
    blocks.push(['Credit note', `This credit note corrects invoice ${doc.creditsInvoiceNumber}.`]);
  }
  if (doc.kind === 'invoice' && doc.balanceDue > 0 && doc.seller.paymentInstructions) {
    blocks.push(['How to pay', doc.seller.paymentInstructions]);
  }
  if (doc.notes) blocks.push(['Notes', doc.notes]);
  let y = top;
  for (const [heading, text] of blocks) {
    style(pdf, 'regular', 9);
    const bodyHeight = pdf.heightOfString(text, { width });
    style(pdf, 'bold', 9);
    const height = pdf.currentLineHeight() + 3 + bodyHeight;
    if (y + height > layout.bottom() && height <= layout.bottom() - margins.top) y = newPage();
    style(pdf, 'bold', 9).text(heading, left, y, { width });
    style(pdf, 'regular', 9).text(text, left, pdf.y + 3, { width });
    y = pdf.y + 14;
  }
}

/** Every page: the document's name at the left, "Page n of m" at the right, under the body. */
function drawFooters(layout: Layout): void {
  const { pdf, doc, left, width } = layout;
  const name = doc.number ? `${titleOf(doc)} ${doc.number}` : titleOf(doc);
  const label = `${name} · ${doc.seller.name}`;
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the text; lift the margin first.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - bottom + 24;
    pdf
      .moveTo(left, y - 8)
      .lineTo(left + width, y - 8)
      .lineWidth(0.5)
      .strokeColor(colour.rule)
      .stroke();
    style(pdf, 'regular', 7.5, 'muted').text(label, left, y, { width: width - 90, lineBreak: false });
    style(pdf, 'regular', 7.5, 'muted').text(`Page ${i - start + 1} of ${count}`, left + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}
