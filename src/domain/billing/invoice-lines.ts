/**
 * What every invoice line has, whatever made it. A billing module stores these fields as columns and
 * the kind's own fields as detail.
 */
import type { ChargeLine } from './charges.js';
import type { AgreementCharge } from './recurring-types.js';
import type { WorkLine } from './work-types.js';

export type InvoiceLineBase = {
  /**
   * Names what the line bills, the same on every run: 'recurring:<agreement>:<line>:<from>',
   * 'adjustment:<agreement>:<line>:<cycle from>:<sequence>', 'one_off:<agreement>:<line>',
   * 'work:<its first time entry>', 'charge:<charge>'. Kept unique over a client's standing invoices (a
   * database constraint in the billing module), it stops a second run — or two at once — from
   * billing anything twice.
   */
  key: string;
  description: string;
  /** Units billed: users, devices, hours … (hours to 2 decimals on work lines, for reading). */
  quantity: number;
  /** Minor units per unit. */
  unitPrice: number;
  /** Minor units; negative for a credit. Prorated or multiplied amounts need not equal quantity × unitPrice. */
  amount: number;
  /** The service dates, both included; null when the line is for no span of time. */
  from: string | null;
  to: string | null;
  taxable: boolean;
};

export type BillingLine = AgreementCharge | WorkLine | ChargeLine;
