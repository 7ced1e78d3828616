/**
 * What every part of the invoice PDF draws with: the document, its locale's formatters, the
 * fonts, colours and the content box. Units are PDF points (1/72 inch).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { InvoiceDocument } from './document.js';
import { formatMoney } from './money.js';

/**
 * DejaVu Sans covers Latin, Greek, Cyrillic and the currency signs, where PDF's built-in fonts
 * stop at Latin-1. TrueType rather than WOFF: fontkit inflates a WOFF table on every glyph it
 * reads, which made one invoice take seconds.
 */
const fontFiles = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

let fontData: Record<keyof typeof fontFiles, Buffer> | null = null;

function loadFonts(): Record<keyof typeof fontFiles, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    fontData = {
      regular: readFileSync(require.resolve(fontFiles.regular)),
      bold: readFileSync(require.resolve(fontFiles.bold)),
    };
  }
  return fontData;
}

export const font = { regular: 'keel-regular', bold: 'keel-bold' } as const;

export const colour = { text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9', band: '#eef2f6' } as const;

export function registerFonts(pdf: PDFKit.PDFDocument): void {
  const data = loadFonts();
  pdf.registerFont(font.regular, data.regular);
  pdf.registerFont(font.bold, data.bold);
}

export type Layout = {
  pdf: PDFKit.PDFDocument;
  doc: InvoiceDocument;
  locale: string;
  money: (minor: number) => string;
  left: number;
  width: number;
  right: number;
  /** The lowest y body content may reach; the footer lives below it. */
  bottom: () => number;
};

export function layoutFor(pdf: PDFKit.PDFDocument, doc: InvoiceDocument): Layout {
  const locale = doc.locale ?? 'en-US';
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  return {
    pdf,
    doc,
    locale,
    money: (minor) => formatMoney(minor, doc.currency, locale),
    left,
    width,
    right: left + width,
    bottom: () => pdf.page.maxY(),
  };
}

/** Sets font, size and colour in one call; returns the document for chaining. */
export function style(
  pdf: PDFKit.PDFDocument,
  weight: keyof typeof font,
  size: number,
  tint: keyof typeof colour = 'text',
): PDFKit.PDFDocument {
  return pdf.font(font[weight]).fontSize(size).fillColor(colour[tint]);
}

/** The document's title as printed: 'Invoice', 'Credit note', 'Draft invoice'. */
export function titleOf(doc: InvoiceDocument): string {
  const noun = doc.kind === 'invoice' ? 'invoice' : 'credit note';
  return doc.number === null ? `Draft ${noun}` : noun[0]!.toUpperCase() + noun.slice(1);
}

/** Address fields in print order, empty ones left out. */
export function addressLines(address: InvoiceDocument['buyer']['address']): string[] {
  const place = [address.city, address.region].filter(Boolean).join(', ');
  const cityLine = [place, address.postalCode].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.country].filter((l): l is string => !!l);
}
