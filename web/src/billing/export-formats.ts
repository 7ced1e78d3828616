import type { CsvDateFormat, ExportFormat, ExportKind } from '../api/billing-types';

export const formatLabels: Record<ExportFormat, string> = {
  xero: 'Xero',
  quickbooks: 'QuickBooks Online',
  generic: 'Keel CSV',
};

export const formatHints: Record<ExportFormat, string> = {
  xero: 'Xero’s sales invoice template (Business → Invoices → Import); credit notes as negative totals.',
  quickbooks: 'QuickBooks Online imports invoices and credit notes separately: download one file for each.',
  generic: 'Every invoice and credit note line with its dates, quantities, tax and totals.',
};

export const kindLabels: Record<ExportKind, string> = {
  invoices: 'Invoices',
  credit_notes: 'Credit notes',
};

export const dateFormatLabels: Record<CsvDateFormat, string> = {
  'dd/MM/yyyy': '31/01/2026 (day first)',
  'MM/dd/yyyy': '01/31/2026 (month first, US)',
  'yyyy-MM-dd': '2026-01-31 (ISO)',
};
