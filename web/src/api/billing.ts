import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AgingReport,
  BillingSettings,
  BillingSettingsPatch,
  ChargeInput,
  CreditNoteInput,
  DiscountInput,
  ExportQuery,
  ExportSettings,
  Invoice,
  InvoiceFilters,
  InvoiceSummary,
  LeakReport,
  Mailing,
  Payment,
  PaymentInput,
  Receivables,
  RunInput,
  RunRecord,
  RunResult,
  ScheduledRun,
} from './billing-types';
import { ApiError, api, type FieldError, type Query, withQuery } from './http';
import { timeKeys } from './time';
import type { Page } from './types';

export const billingKeys = {
  all: ['billing'] as const,
  invoices: (f: InvoiceFilters) => ['billing', 'invoices', f] as const,
  allInvoices: (f: InvoiceFilters) => ['billing', 'invoices', 'all', f] as const,
  invoice: (id: string) => ['billing', 'invoice', id] as const,
  mailings: (id: string) => ['billing', 'invoice', id, 'mailings'] as const,
  runs: ['billing', 'runs'] as const,
  settings: ['billing', 'settings'] as const,
  exportSettings: ['billing', 'exports', 'settings'] as const,
  scheduledRuns: ['billing', 'schedule', 'runs'] as const,
  leaks: (period: string, clientId: string) => ['billing', 'leaks', period, clientId] as const,
  receivables: (asOf: string, clientId: string) => ['billing', 'receivables', asOf, clientId] as const,
  aging: (asOf: string) => ['billing', 'aging', asOf] as const,
  payments: (clientId: string) => ['billing', 'payments', clientId] as const,
};

const invoicePath = (id: string) => `/api/v1/invoices/${encodeURIComponent(id)}`;

/** Where an invoice's PDF is; the session cookie is all it needs. */
export const invoicePdfUrl = (id: string) => `${invoicePath(id)}/pdf`;

/** A file the server sends, and the name it gives it. */
export type DownloadedFile = { blob: Blob; filename: string };

/**
 * A file fetched rather than linked, so a refusal is told as its problem+json (an ApiError with
 * its field errors), not shown as raw JSON in a new tab.
 */
async function fetchFile(url: string, accept: string, fallbackName: string): Promise<DownloadedFile> {
  let res: Response;
  try {
    res = await fetch(url, {
      credentials: 'same-origin',
      headers: { accept: `${accept}, application/problem+json` },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the Keel server. Check your connection and try again.');
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as {
      code?: string;
      detail?: string;
      errors?: FieldError[];
    };
    throw new ApiError(
      res.status,
      p.code ?? `HTTP_${res.status}`,
      p.detail ?? `The server answered ${res.status}.`,
      p.errors ?? [],
    );
  }
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return { blob: await res.blob(), filename: named?.[1] ?? fallbackName };
}

/** The invoice's PDF (a seller with no name is refused, and said so). */
export const fetchInvoicePdf = (id: string) => fetchFile(invoicePdfUrl(id), 'application/pdf', 'invoice.pdf');

/** The accounting CSV for a range: QuickBooks Online (one kind per file), Xero or Keel's own. */
export const fetchAccountingExport = (query: ExportQuery) =>
  fetchFile(
    withQuery('/api/v1/billing/exports', query),
    'text/csv',
    `keel-${query.format}-${query.from}-to-${query.to}.csv`,
  );

const invoiceQuery = (f: InvoiceFilters): Query => ({
  client_id: f.clientId,
  period: f.period,
  status: f.status,
  kind: f.kind,
});

/** Every page of a list: for the few bounded lists a page needs whole (one client's payments). */
async function readAll<T>(path: string, query: Query): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<T>>(path, { ...query, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Invoices page by page, as the server orders them. */
export function useInvoices(filters: InvoiceFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: billingKeys.invoices(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<InvoiceSummary>>('/api/v1/invoices', {
        ...invoiceQuery(filters),
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every invoice matching: one client's credit notes, or its open invoices to pay. */
export const useAllInvoices = (filters: InvoiceFilters, enabled = true) =>
  useQuery({
    queryKey: billingKeys.allInvoices(filters),
    queryFn: () => readAll<InvoiceSummary>('/api/v1/invoices', invoiceQuery(filters)),
    enabled,
  });

export const useInvoice = (id: string) =>
  useQuery({ queryKey: billingKeys.invoice(id), queryFn: () => api.get<Invoice>(invoicePath(id)) });

export const useInvoiceMailings = (id: string) =>
  useQuery({
    queryKey: billingKeys.mailings(id),
    queryFn: () => api.get<{ items: Mailing[] }>(`${invoicePath(id)}/mailings`).then((r) => r.items),
    // A mail is queued and sent by a job: look again until none is waiting.
    refetchInterval: (q) => (q.state.data?.some((m) => m.status === 'queued') ? 3_000 : false),
  });

/**
 * Any billing write moves balances, statuses and lists at once, so all of billing is fetched again;
 * time too, since billed entries lock. An answer that is an invoice becomes its detail at once.
 */
function useBillingWrite<V, T>(fn: (vars: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      const invoice = result as Partial<Invoice> | undefined;
      if (invoice?.id && Array.isArray(invoice.lines))
        qc.setQueryData(billingKeys.invoice(invoice.id), invoice);
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      void qc.invalidateQueries({ queryKey: timeKeys.all });
    },
  });
}

/** A dry run writes nothing and changes no cached data; a real one moves everything. */
export function useRunBilling() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RunInput) => api.post<RunResult>('/api/v1/billing/runs', input),
    onSuccess: (result) => {
      if (result.dryRun) return;
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      void qc.invalidateQueries({ queryKey: timeKeys.all });
    },
  });
}

export const useBillingRuns = () =>
  useQuery({
    queryKey: billingKeys.runs,
    queryFn: () => api.get<{ items: RunRecord[] }>('/api/v1/billing/runs').then((r) => r.items),
  });

/**
 * Changes rarely: the currency every invoice and payment is in. `fresh` reads it again on mount, for
 * the settings form, which edits what is stored now rather than another screen's cached copy.
 */
export const useBillingSettings = ({ fresh = false } = {}) =>
  useQuery({
    queryKey: billingKeys.settings,
    queryFn: () => api.get<BillingSettings>('/api/v1/billing/settings'),
    staleTime: fresh ? 0 : 5 * 60_000,
  });

/**
 * The answer is the settings as stored; every billing screen is fetched again, since the currency
 * and the seller show on all of them.
 */
export function useSaveBillingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: BillingSettingsPatch) =>
      api.patch<BillingSettings>('/api/v1/billing/settings', patch),
    onSuccess: (saved) => {
      qc.setQueryData(billingKeys.settings, saved);
      void qc.invalidateQueries({
        queryKey: billingKeys.all,
        predicate: (q) => q.queryKey[1] !== billingKeys.settings[1],
      });
    },
  });
}

export const useExportSettings = () =>
  useQuery({
    queryKey: billingKeys.exportSettings,
    queryFn: () => api.get<ExportSettings>('/api/v1/billing/exports/settings'),
    staleTime: 0,
  });

export function useSaveExportSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (settings: ExportSettings) =>
      api.put<ExportSettings>('/api/v1/billing/exports/settings', settings),
    onSuccess: (saved) => qc.setQueryData(billingKeys.exportSettings, saved),
  });
}

/** The latest scheduled moments, newest first: which ran, when, and what they issued. */
export const useScheduledRuns = () =>
  useQuery({
    queryKey: billingKeys.scheduledRuns,
    queryFn: () => api.get<{ items: ScheduledRun[] }>('/api/v1/billing/schedule/runs').then((r) => r.items),
  });

export const useLeakReport = (period: string, clientId: string, enabled = true) =>
  useQuery({
    queryKey: billingKeys.leaks(period, clientId),
    queryFn: () => api.get<LeakReport>('/api/v1/billing/leaks', { period, client_id: clientId }),
    enabled: enabled && period !== '',
  });

export const useIssueInvoice = (id: string) =>
  useBillingWrite((body: { issueDate?: string }) => api.post<Invoice>(`${invoicePath(id)}/issue`, body));

export const useVoidInvoice = (id: string) =>
  useBillingWrite((reason: string) => api.post<Invoice>(`${invoicePath(id)}/void`, { reason }));

export const useDiscardDraft = (id: string) => useBillingWrite(() => api.delete<void>(invoicePath(id)));

export const useAddCharge = (id: string) =>
  useBillingWrite((charge: ChargeInput) => api.post<Invoice>(`${invoicePath(id)}/charges`, charge));

export const useRemoveLine = (id: string) =>
  useBillingWrite((lineId: string) =>
    api.delete<Invoice>(`${invoicePath(id)}/lines/${encodeURIComponent(lineId)}`),
  );

export type DiscountsInput = {
  invoice?: DiscountInput | null;
  lines?: { lineId: string; discount: DiscountInput | null }[];
};

export const useSetDiscounts = (id: string) =>
  useBillingWrite((body: DiscountsInput) => api.put<Invoice>(`${invoicePath(id)}/discounts`, body));

export const useCreateCreditNote = (id: string) =>
  useBillingWrite((body: CreditNoteInput) => api.post<Invoice>(`${invoicePath(id)}/credit-notes`, body));

/** Queued at once and sent by a job; `to` absent: the client's billing contacts. */
export const useSendInvoice = (id: string) =>
  useBillingWrite((to: string[] | undefined) =>
    api.post<Mailing>(`${invoicePath(id)}/send`, to ? { to } : {}),
  );

export const useReceivables = (asOf: string, clientId = '', enabled = true) =>
  useQuery({
    queryKey: billingKeys.receivables(asOf, clientId),
    queryFn: () => api.get<Receivables>('/api/v1/receivables', { as_of: asOf, client_id: clientId }),
    enabled,
  });

export const useAging = (asOf: string) =>
  useQuery({
    queryKey: billingKeys.aging(asOf),
    queryFn: () => api.get<AgingReport>('/api/v1/receivables/aging', { as_of: asOf }),
  });

/** One client's payments, newest first, voided ones too (they explain a balance that came back). */
export const useClientPayments = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: billingKeys.payments(clientId),
    queryFn: () => readAll<Payment>('/api/v1/payments', { client_id: clientId, include_voided: 'true' }),
    enabled: enabled && clientId !== '',
  });

export const useRecordPayment = () =>
  useBillingWrite((input: PaymentInput) => api.post<Payment>('/api/v1/payments', input));
