/**
 * The invoice's line table: description (with the service dates beneath it), quantity, unit
 * price, discount when any line has one, tax rate and amount. A row that would cross the bottom
 * of the page starts a new page, and every page's part of the table opens with its header.
 */
import { formatDisplaySpan } from './dates.js';
import type { InvoiceDocumentLine } from './document.js';
import { formatRate } from './money.js';
import { colour, type Layout, style } from './pdf-layout.js';
import { normalizeQuantity } from './quantity.js';

type Column = {
  title: string;
  width: number;
  align: 'left' | 'right';
  text: (line: InvoiceDocumentLine) => string;
};

const padding = { x: 4, y: 5 };
const bodySize = 9;
const datesSize = 7.5;
const headerSize = 8;

function columnsFor(layout: Layout): Column[] {
  const { doc, locale, money } = layout;
  const quantityFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const figures: Column[] = [
    {
      title: 'Qty',
      width: 64,
      align: 'right',
      text: (l) => {
        const q = quantityFormat.format(normalizeQuantity(l.quantity) as Intl.StringNumericLiteral);
        return l.unit ? `${q} ${l.unit}` : q;
      },
    },
    { title: 'Unit price', width: 76, align: 'right', text: (l) => money(l.unitPrice) },
    ...(doc.lines.some((l) => l.discount !== 0)
      ? [
          {
            title: 'Discount',
            width: 70,
            align: 'right' as const,
            text: (l: InvoiceDocumentLine) => (l.discount ? money(-l.discount) : ''),
          },
        ]
      : []),
    { title: 'Tax', width: 44, align: 'right', text: (l) => formatRate(l.taxRateBp, locale) },
    { title: 'Amount', width: 86, align: 'right', text: (l) => money(l.amount) },
  ];
  const used = figures.reduce((sum, c) => sum + c.width, 0);
  return [
    { title: 'Description', width: layout.width - used, align: 'left', text: (l) => l.description },
    ...figures,
  ];
}

function datesOf(line: InvoiceDocumentLine, locale: string): string | null {
  return line.servicePeriod
    ? formatDisplaySpan(line.servicePeriod.from, line.servicePeriod.to, locale)
    : null;
}

function drawHeader(layout: Layout, columns: Column[], y: number): number {
  const { pdf, left, width } = layout;
  style(pdf, 'bold', headerSize);
  const height = pdf.currentLineHeight() + padding.y * 2;
  pdf.rect(left, y, width, height).fill(colour.band);
  style(pdf, 'bold', headerSize);
  let x = left;
  for (const c of columns) {
    pdf.text(c.title, x + padding.x, y + padding.y, {
      width: c.width - padding.x * 2,
      align: c.align,
      lineBreak: false,
    });
    x += c.width;
  }
  return y + height;
}

/** Height of one row: the tallest cell, the description counting its dates line. */
function rowHeight(layout: Layout, columns: Column[], line: InvoiceDocumentLine): number {
  const { pdf, locale } = layout;
  let tallest = 0;
  for (const c of columns) {
    style(pdf, 'regular', bodySize);
    let h = pdf.heightOfString(c.text(line), { width: c.width - padding.x * 2 });
    const dates = c.title === 'Description' ? datesOf(line, locale) : null;
    if (dates) {
      style(pdf, 'regular', datesSize);
      h += 1 + pdf.heightOfString(dates, { width: c.width - padding.x * 2 });
    }
    tallest = Math.max(tallest, h);
  }
  return tallest + padding.y * 2;
}

function drawRow(
  layout: Layout,
  columns: Column[],
  line: InvoiceDocumentLine,
  y: number,
  height: number,
): void {
  const { pdf, left, right, locale } = layout;
  // A height keeps pdfkit from flowing an overlong cell onto a page of its own; the extra point
  // absorbs the rounding between measuring and drawing the same text.
  const floor = y + height - padding.y + 1;
  let x = left;
  for (const c of columns) {
    const width = c.width - padding.x * 2;
    style(pdf, 'regular', bodySize);
    pdf.text(c.text(line), x + padding.x, y + padding.y, {
      width,
      align: c.align,
      height: floor - y - padding.y,
    });
    const dates = c.title === 'Description' ? datesOf(line, locale) : null;
    if (dates) {
      style(pdf, 'regular', datesSize, 'muted');
      const top = pdf.y + 1;
      if (top + pdf.currentLineHeight() <= floor)
        pdf.text(dates, x + padding.x, top, { width, height: floor - top });
    }
    x += c.width;
  }
  pdf
    .moveTo(left, y + height)
    .lineTo(right, y + height)
    .lineWidth(0.5)
    .strokeColor(colour.rule)
    .stroke();
}

/**
 * Draws every line from `y`, breaking pages as needed; returns the y below the table. A row that
 * would not fit even on a fresh page (a description of thousands of words) is not moved: it is
 * cut where its page ends.
 */
export function drawLineTable(layout: Layout, y: number, newPage: () => number): number {
  const { doc, pdf } = layout;
  const columns = columnsFor(layout);
  const top = y;
  let at = drawHeader(layout, columns, y);
  const roomOnFreshPage = layout.bottom() - pdf.page.margins.top - (at - top);
  const leastWorthStarting = 40;
  for (const line of doc.lines) {
    let height = rowHeight(layout, columns, line);
    if (at + height > layout.bottom()) {
      if (height <= roomOnFreshPage || layout.bottom() - at < leastWorthStarting) {
        at = drawHeader(layout, columns, newPage());
      }
      height = Math.min(height, layout.bottom() - at);
    }
    drawRow(layout, columns, line, at, height);
    at += height;
  }
  return at;
}
