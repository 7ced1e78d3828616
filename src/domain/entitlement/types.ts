/**
 * What the entitlement rule reads and what it answers. Money is integer minor units; rates are minor
 * units per hour; durations are whole minutes on the UTC minute grid (see decide.ts).
 */
import type { Agreement } from '../agreements/types.js';
import type { WeeklyHours } from '../calendar/types.js';

/** One unit of work: a time entry, or a ticket's work so far. */
export type WorkUnit = {
  clientId: string;
  /** Service category code (e.g. 'helpdesk'); null when the work has none. */
  category: string | null;
  /** Work type code (e.g. 'remote', 'onsite'); must be one of the context's work types. */
  workType: string;
  /** ISO 8601 instants with a zone designator ('Z' or ±hh:mm). */
  start: string;
  end: string;
  /** Agreement the technician or ticket names; used first when it is in force and applies. */
  agreementHint?: string | null;
  /** Work for the MSP itself (training, admin): never billed. */
  internal?: boolean;
};

// Weekly hours are the shared business calendar's (src/domain/calendar).
export { type DayHours, type Weekday, type WeeklyHours, weekdays } from '../calendar/types.js';

export const defaultBusinessHours: WeeklyHours = {
  mon: [['08:00', '18:00']],
  tue: [['08:00', '18:00']],
  wed: [['08:00', '18:00']],
  thu: [['08:00', '18:00']],
  fri: [['08:00', '18:00']],
};

export type WorkTypeRate = {
  code: string;
  billable: boolean;
  /** Minor units per hour. */
  defaultRate: number;
  internal: boolean;
};

/**
 * An agreement as the entitlement rule reads it: the shared model plus optional fields this rule
 * understands. `hourlyRate` (minor units per hour) prices time & materials and retainer work; when
 * absent, the first non-recurring line's unitPrice is taken as the hourly rate, else the work type's.
 */
export type EntitlementAgreement = Agreement & { hourlyRate?: number | null };

export type EntitlementContext = {
  /** The client's IANA time zone, e.g. 'Europe/Paris'. */
  timeZone: string;
  /** Default: Monday–Friday 08:00–18:00. */
  businessHours?: WeeklyHours;
  /** Whole days off, 'YYYY-MM-DD' in the client's zone. */
  holidays?: readonly string[];
  /** All of the client's agreements; the rule picks those in force on the work's start date. */
  agreements: readonly EntitlementAgreement[];
  workTypes: readonly WorkTypeRate[];
  /** Minutes left in each block-hours agreement this period (a missing entry counts as 0). */
  blockBalances: Readonly<Record<string, number>>;
  /** Minor units left in each retainer this period (a missing entry counts as 0). */
  retainerBalances: Readonly<Record<string, number>>;
  /** After-hours multiplier for break-fix work, which has no agreement to say it. Default 1. */
  breakFixAfterHoursMultiplier?: number;
};

export type RuleCode =
  | 'INTERNAL_WORK'
  | 'INTERNAL_WORK_TYPE'
  | 'NON_BILLABLE_WORK_TYPE'
  | 'HINTED_AGREEMENT'
  | 'EXCLUDED_BY_AGREEMENT'
  | 'COVERED_BY_MANAGED'
  | 'DRAWN_FROM_BLOCK'
  | 'DRAWN_FROM_RETAINER'
  | 'OUTSIDE_MANAGED_SCOPE'
  | 'TIME_AND_MATERIALS_AGREEMENT'
  | 'BREAK_FIX';

type Base = {
  /** Whole minutes of work (see decide.ts for how instants become minutes). */
  minutes: number;
  /** True when any minute fell outside business hours in the client's zone, or on a holiday. */
  afterHours: boolean;
  afterHoursMinutes: number;
  /** What to invoice for this work, minor units, rounded half-up once. */
  billableAmount: number;
  rule: { code: RuleCode; explanation: string };
};

/** Outcomes that bill time carry the multiplier applied to their after-hours minutes (to 3 decimals). */
type Priced = { rate: number; afterHoursMultiplier: number };

export type CoveredOutcome = Base & { kind: 'covered'; agreementId: string };
export type BlockOutcome = Base & {
  kind: 'block';
  agreementId: string;
  /** The first minutes of the work, up to the balance, are drawn; the rest is overage. */
  minutesDrawn: number;
  overageMinutes: number;
  overageRate: number;
  /** Applied to the after-hours minutes of the overage. */
  afterHoursMultiplier: number;
  balanceAfter: number;
};
export type RetainerOutcome = Base &
  Priced & {
    kind: 'retainer';
    agreementId: string;
    /** Value of the work drawn from the retainer, minor units. */
    amountDrawn: number;
    /** Value beyond the balance, billed (equals billableAmount). */
    shortfall: number;
    balanceAfter: number;
  };
export type OutOfScopeOutcome = Base &
  Priced & { kind: 'out_of_scope'; agreementId: string | null; reason: 'exclusion' | 'not_covered' };
export type TimeMaterialsOutcome = Base &
  Priced & {
    kind: 'time_materials';
    /** null: break-fix, no agreement, at the work type's default rate. */
    agreementId: string | null;
  };
export type InternalOutcome = Base & { kind: 'internal' };

export type EntitlementOutcome =
  | CoveredOutcome
  | BlockOutcome
  | RetainerOutcome
  | OutOfScopeOutcome
  | TimeMaterialsOutcome
  | InternalOutcome;

/**
 * Whether work with this outcome will be invoiced as it is done: covered and internal work never
 * is, and block hours and retainers were paid in advance (their overage is billed with the period).
 */
export const billedAsDone = (kind: EntitlementOutcome['kind']): boolean =>
  kind === 'out_of_scope' || kind === 'time_materials';
