/**
 * What the rule for work billed in arrears reads and answers. Rates are minor units per hour.
 */
import type { EntitlementOutcome } from '../entitlement/types.js';
import type { BlockBalance } from './block-ledger.js';
import type { InvoiceLineBase } from './invoice-lines.js';

/** How a work type's time is billed. */
export type WorkTypeBilling = {
  code: string;
  /** The rate for an entry overridden to billable whose outcome priced no time (e.g. covered work). */
  defaultRate: number;
  /** Each entry's minutes are rounded up to a multiple of this (15: a quarter hour); 0 or 1 rounds nothing. */
  incrementMinutes: number;
  /** An entry bills at least this many minutes, after rounding (60: an on-site visit bills an hour); 0 for none. */
  minimumMinutes: number;
};

/** An approved time entry with the entitlement outcome decided for it. */
export type BillableEntry = {
  id: string;
  /** ISO 8601 instant the work started: blocks and retainers are drawn in this order (then by id). */
  start: string;
  /** The client's calendar date of the start, 'YYYY-MM-DD': the line's date. */
  date: string;
  workType: string;
  description: string;
  outcome: EntitlementOutcome;
  /** A person's override of entitlement's billable decision (src/domain/time/billable.ts); null for none. */
  billableOverride: boolean | null;
};

export type RetainerBalance = { agreementId: string; balance: number };

export type WorkInput = {
  entries: readonly BillableEntry[];
  workTypes: readonly WorkTypeBilling[];
  /** The lots of each block that an entry draws from (block-ledger.ts), as they stand before these entries. */
  blocks: readonly BlockBalance[];
  /** The money left in each retainer an entry draws from, before these entries. */
  retainers: readonly RetainerBalance[];
  /** Whether work lines are taxable; default true. */
  taxable?: boolean;
};

/** One time entry on the invoice. */
export type WorkLine = InvoiceLineBase & {
  kind: 'work';
  entryId: string;
  agreementId: string | null;
  outcomeKind: EntitlementOutcome['kind'];
  ruleCode: string;
  workType: string;
  workedMinutes: number;
  /** After rounding to the increment and the minimum charge. */
  billedMinutes: number;
  /** The part of billedMinutes outside business hours. */
  afterHoursMinutes: number;
  afterHoursMultiplier: number;
  /** The hourly rate the amount is at; null when nothing is priced (covered, written off). */
  rate: number | null;
  /** Minutes drawn from a block. */
  drawnMinutes: number;
  /** Minor units drawn from a retainer. */
  drawnAmount: number;
  /** Minutes billed beyond a block. */
  overageMinutes: number;
  /** Why the line bills what it bills, for the invoice and the leak report. */
  note: string;
};

export type WorkResult = {
  /** One line per entry given, in start order — except internal work, which is never a client's. */
  lines: WorkLine[];
  /** Each block's and retainer's balance after these entries. */
  blocks: BlockBalance[];
  retainers: RetainerBalance[];
  /** Entries left off the invoice, with why. */
  skipped: { entryId: string; reason: string }[];
};
