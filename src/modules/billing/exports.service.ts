/**
 * The accounting export: the invoices and credit notes issued in a date range, as the files
 * QuickBooks Online and Xero import (documents/quickbooks-csv.ts, documents/xero-csv.ts) or as
 * Keel's own CSV. QuickBooks takes invoices and credit notes in two imports, so it is asked for one
 * kind at a time (no archive library is a dependency, and two plain files are what its wizard wants).
 *
 * Void invoices are left out: they were never owed. Their numbers are kept, so the accountant sees
 * the gap and its reason in Keel. The codes an import needs and Keel's invoices do not carry (Xero's
 * account and tax rate names, QuickBooks tax codes, each wizard's date format) are the export
 * settings, kept in one row.
 */
import { and, asc, between, eq, inArray, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { invoices } from './billing.tables.js';
import { type CsvDateFormat, toGenericCsv, toQuickBooksCsv, toXeroCsv } from './documents/index.js';
import { documentsOf } from './invoice-documents.js';
import { accountingExportSettings } from './receivables.tables.js';

export const exportFormats = ['quickbooks', 'xero', 'generic'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportKinds = ['invoices', 'credit_notes'] as const;
export type ExportKind = (typeof exportKinds)[number];
export const csvDateFormats = [
  'MM/dd/yyyy',
  'dd/MM/yyyy',
  'yyyy-MM-dd',
] as const satisfies readonly CsvDateFormat[];

export type ExportSettings = {
  xeroAccountCode: string;
  /** Tax rate in basis points → the Xero tax rate's name. */
  xeroTaxTypes: Record<string, string>;
  xeroDateFormat: CsvDateFormat;
  /** Tax rate in basis points → the QuickBooks tax code. */
  quickBooksTaxCodes: Record<string, string>;
  quickBooksDateFormat: CsvDateFormat;
};

export type ExportQuery = { format: ExportFormat; from: string; to: string; kind?: ExportKind };

const defaults: ExportSettings = {
  xeroAccountCode: '200',
  xeroTaxTypes: {},
  xeroDateFormat: 'dd/MM/yyyy',
  quickBooksTaxCodes: {},
  quickBooksDateFormat: 'MM/dd/yyyy',
};

async function readExportSettings(db: DbOrTx): Promise<ExportSettings> {
  const [row] = await db.select().from(accountingExportSettings).where(eq(accountingExportSettings.id, 1));
  if (!row) return { ...defaults };
  return {
    xeroAccountCode: row.xeroAccountCode,
    xeroTaxTypes: row.xeroTaxTypes,
    xeroDateFormat: row.xeroDateFormat as CsvDateFormat,
    quickBooksTaxCodes: row.quickBooksTaxCodes,
    quickBooksDateFormat: row.quickBooksDateFormat as CsvDateFormat,
  };
}

/** The rate map keyed by numbers, as the documents' exporters take it. */
const byRate = (codes: Record<string, string>) =>
  Object.fromEntries(Object.entries(codes).map(([bp, name]) => [Number(bp), name]));

export function createExportsService(db: Db) {
  return {
    getSettings: () => readExportSettings(db),

    async updateSettings(patch: Partial<ExportSettings>, now = new Date()): Promise<ExportSettings> {
      return db.transaction(async (tx) => {
        const before = await readExportSettings(tx);
        const after = { ...before, ...patch };
        await tx
          .insert(accountingExportSettings)
          .values({ id: 1, ...after, updatedAt: now })
          .onConflictDoUpdate({ target: accountingExportSettings.id, set: { ...after, updatedAt: now } });
        await recordAudit(tx, {
          action: 'update',
          entityType: 'accounting_export_settings',
          changes: Object.fromEntries(
            Object.keys(patch).map((k) => [
              k,
              [before[k as keyof ExportSettings], after[k as keyof ExportSettings]],
            ]),
          ),
        });
        return after;
      });
    },

    /** The file for the range: its name, and the CSV text. */
    async exportRange(
      query: ExportQuery,
      today: string,
    ): Promise<{ filename: string; csv: string; documents: number }> {
      if (query.to < query.from)
        throw new AppError('VALIDATION_FAILED', 'The range ends before it starts.', [
          { field: 'querystring.to', message: 'must not be before from' },
        ]);
      if (query.format === 'quickbooks' && !query.kind)
        throw new AppError(
          'VALIDATION_FAILED',
          'QuickBooks imports invoices and credit notes separately: ask for kind=invoices or kind=credit_notes.',
          [{ field: 'querystring.kind', message: 'is required for QuickBooks' }],
        );
      const kinds =
        query.kind === 'invoices'
          ? ['invoice' as const]
          : query.kind === 'credit_notes'
            ? ['credit_note' as const]
            : ['invoice' as const, 'credit_note' as const];
      const rows = await db
        .select()
        .from(invoices)
        .where(
          and(
            inArray(invoices.kind, kinds),
            inArray(invoices.status, ['issued', 'partially_paid', 'paid']),
            isNotNull(invoices.number),
            between(invoices.issueDate, query.from, query.to),
          ),
        )
        .orderBy(asc(invoices.issueDate), asc(invoices.kind), asc(invoices.numberSequence));
      const docs = await documentsOf(db, rows, today);
      const settings = await readExportSettings(db);
      let csv: string;
      if (query.format === 'quickbooks') {
        const files = toQuickBooksCsv(docs, {
          dateFormat: settings.quickBooksDateFormat,
          taxCodes: byRate(settings.quickBooksTaxCodes),
        });
        csv = query.kind === 'credit_notes' ? files.creditNotes : files.invoices;
      } else if (query.format === 'xero') {
        csv = toXeroCsv(docs, {
          dateFormat: settings.xeroDateFormat,
          accountCode: settings.xeroAccountCode,
          taxCodes: byRate(settings.xeroTaxTypes),
        });
      } else {
        csv = toGenericCsv(docs);
      }
      const what = query.kind ?? 'invoices-and-credit-notes';
      return {
        filename: `keel-${query.format}-${what.replace('_', '-')}-${query.from}-to-${query.to}.csv`,
        csv,
        documents: docs.length,
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
