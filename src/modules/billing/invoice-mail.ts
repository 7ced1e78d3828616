/**
 * The words of the mails that carry invoices: the invoice or credit note itself, and a reminder for
 * one that is overdue. Amounts and dates are written in the seller's locale, as on the PDF.
 */
import type { InvoiceDocument } from './documents/index.js';
import { formatMoney } from './documents/index.js';

const day = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

const ordinal = ['', 'First', 'Second', 'Third', 'Fourth', 'Fifth'];

export type MailContent = { subject: string; text: string; filename: string };

export const pdfFilename = (doc: InvoiceDocument) =>
  `${doc.kind === 'invoice' ? 'Invoice' : 'Credit-note'}-${doc.number ?? 'draft'}.pdf`;

function closing(doc: InvoiceDocument): string[] {
  const lines = ['', 'Kind regards,', doc.seller.name];
  if (doc.seller.email) lines.push(doc.seller.email);
  if (doc.seller.phone) lines.push(doc.seller.phone);
  return lines;
}

/** The mail an issued invoice or credit note is sent with; the PDF goes as its attachment. */
export function documentMail(doc: InvoiceDocument): MailContent {
  const locale = doc.locale ?? 'en-US';
  const money = (minor: number) => formatMoney(minor, doc.currency, locale);
  if (doc.kind === 'credit_note') {
    return {
      subject: `Credit note ${doc.number} from ${doc.seller.name}`,
      text: [
        `Dear ${doc.buyer.name},`,
        '',
        `Please find attached credit note ${doc.number}, which corrects invoice ${doc.creditsInvoiceNumber}, for ${money(doc.total)}.`,
        ...closing(doc),
      ].join('\n'),
      filename: pdfFilename(doc),
    };
  }
  const due = doc.dueDate ? ` is due on ${day(doc.dueDate, locale)}` : '';
  const lines = [
    `Dear ${doc.buyer.name},`,
    '',
    `Please find attached invoice ${doc.number} of ${day(doc.issueDate, locale)} for ${money(doc.total)}.`,
  ];
  if (doc.balanceDue > 0) lines.push(`The balance of ${money(doc.balanceDue)}${due}.`);
  else lines.push('It is paid in full: thank you.');
  if (doc.balanceDue > 0 && doc.seller.paymentInstructions)
    lines.push('', 'How to pay:', doc.seller.paymentInstructions);
  return {
    subject: `Invoice ${doc.number} from ${doc.seller.name}`,
    text: [...lines, ...closing(doc)].join('\n'),
    filename: pdfFilename(doc),
  };
}

/** The mail of the `level`-th reminder (1 = the first) of an invoice overdue by `daysOverdue` days. */
export function reminderMail(doc: InvoiceDocument, level: number, daysOverdue: number): MailContent {
  const locale = doc.locale ?? 'en-US';
  const money = (minor: number) => formatMoney(minor, doc.currency, locale);
  const which =
    level === 1 ? 'Reminder' : ordinal[level] ? `${ordinal[level]} reminder` : `Reminder ${level}`;
  const lines = [
    `Dear ${doc.buyer.name},`,
    '',
    `Our records show that invoice ${doc.number} of ${day(doc.issueDate, locale)} was due on ${day(doc.dueDate!, locale)}, ${daysOverdue} day${daysOverdue === 1 ? '' : 's'} ago, and that ${money(doc.balanceDue)} of its ${money(doc.total)} is still open.`,
    'We would be grateful if you could arrange payment. If you have paid in the meantime, please disregard this reminder.',
    'The invoice is attached again for your convenience.',
  ];
  if (doc.seller.paymentInstructions) lines.push('', 'How to pay:', doc.seller.paymentInstructions);
  return {
    subject: `${which}: invoice ${doc.number} is overdue`,
    text: [...lines, ...closing(doc)].join('\n'),
    filename: pdfFilename(doc),
  };
}
