/**
 * What the recurring billing rule reads and answers. Money is integer minor units; dates are
 * 'YYYY-MM-DD' in the client's calendar, spans include both ends.
 */
import type { Amendment } from '../agreements/amendments.js';
import type { Agreement, QuantitySource } from '../agreements/types.js';
import type { CycleSpan } from './cycles.js';
import type { InvoiceLineBase } from './invoice-lines.js';
import type { Period } from './periods.js';

/**
 * How an agreement line bills (line-roles.ts): a recurring fee per month; a block's price or a
 * retainer's top-up per cycle; one-off (a setup fee) once; or the hourly rate that entitlement prices
 * time & materials and retainer work at, which is never a charge itself.
 */
export type LineRole = 'recurring' | 'block_price' | 'retainer_top_up' | 'hourly_rate' | 'one_off';
export type PeriodicRole = Extract<LineRole, 'recurring' | 'block_price' | 'retainer_top_up'>;

/** What each counted quantity source counted when the run started (active contacts, managed assets, sites). */
export type QuantityCounts = Partial<Record<Exclude<QuantitySource, 'entered'>, number>>;

/** What is billed for a line on some days. */
export type LineState = { quantity: number; unitPrice: number };

/** A periodic line billed for part or all of one cycle, quantity and price as they stood. */
export type RecurringCharge = InvoiceLineBase & {
  kind: 'recurring';
  agreementId: string;
  lineId: string;
  role: PeriodicRole;
  quantitySource: QuantitySource;
  /** The cycle the charge belongs to; from/to lie inside it. */
  cycle: CycleSpan;
  from: string;
  to: string;
  /** False when from–to is the whole cycle. */
  prorated: boolean;
};

/** On some days of an already-billed cycle, what was billed and what should have been (null: nothing). */
export type StateChange = { from: string; to: string; was: LineState | null; now: LineState | null };

/**
 * A charge (amount > 0) or credit (amount < 0) for a cycle billed before: what should have been billed
 * for it given what is known now, less what was. from/to are the first and last day that changed.
 */
export type RecurringAdjustment = InvoiceLineBase & {
  kind: 'adjustment';
  agreementId: string;
  lineId: string;
  role: PeriodicRole;
  cycle: CycleSpan;
  /** 1 for the first adjustment of this line in this cycle, then 2, 3 … */
  sequence: number;
  from: string;
  to: string;
  changes: StateChange[];
};

/** A one-off line of an agreement (e.g. a setup fee), billed once, on the first run after it is in force. */
export type OneOffCharge = InvoiceLineBase & {
  kind: 'one_off';
  agreementId: string;
  lineId: string;
  /** The first day the line was in force. */
  from: string;
  to: string;
};

export type AgreementCharge = RecurringCharge | RecurringAdjustment | OneOffCharge;

export type RecurringInput = {
  /** The agreement with its lines as signed; status 'draft' bills nothing. */
  agreement: Agreement;
  /** Its dated amendments (reversals included); replayed for each day. */
  amendments: readonly Amendment[];
  /** The month the run is for. */
  period: Period;
  /**
   * The first month whose cycles may still be corrected. Cycles from the one holding it up to the
   * run's are compared with what was billed; earlier ones are closed. A billing module passes the
   * month of its first run for the agreement, or a look-back it allows (e.g. 12 months).
   */
  reviewFrom: Period;
  /** Counted at bill time; needed for each counted quantity source the lines use. */
  counts: QuantityCounts;
  /** This agreement's charges already on invoices that stand (drafts and issued; not void). */
  billed: readonly AgreementCharge[];
  /** Whether a line's charges are taxable, by line id (retainer top-up: '@retainer'); default true. */
  taxable?: Readonly<Record<string, boolean>>;
};
