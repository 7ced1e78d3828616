/**
 * The vocabulary of the demo's intended agreements (DESIGN.md, business rules 1 and 2): what each
 * demo client has signed, in the MSP's words. `keel seed --demo` turns these into real catalog items
 * and agreements (./agreement-bodies.ts maps them onto the agreements API's bodies).
 *
 * Lines and prices are as they stand today; `amendments` say how they got there (each names the
 * value before the change), so the seed creates the agreement as signed and replays the history.
 */

/** The seven relationship kinds of business rule 1. */
export const relationshipKinds = [
  'contract',
  'single-service',
  'subscription',
  'reseller',
  'break-fix',
  'hybrid',
  'prospect',
] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

export const kindLabels: Record<RelationshipKind, string> = {
  contract: 'contract client',
  'single-service': 'single-service contract',
  subscription: 'subscription client',
  reseller: 'reseller customer',
  'break-fix': 'break-fix client',
  hybrid: 'hybrid client',
  prospect: 'prospect',
};

export type Service =
  | 'monitoring'
  | 'patching'
  | 'backup'
  | 'helpdesk'
  | 'security'
  | 'network'
  | 'onsite-support'
  | 'email-security'
  | 'm365-backup'
  | 'microsoft-365'
  | 'antivirus'
  | 'adobe-creative-cloud';

/** The policy default of a contract client's required stack. */
export const fullManagedStack: readonly Service[] = [
  'monitoring',
  'patching',
  'backup',
  'helpdesk',
  'security',
];

/** Agreement kinds of business rule 2. */
export type AgreementKind =
  | 'managed-services'
  | 'block-hours'
  | 'retainer'
  | 'time-and-materials'
  | 'subscription'
  | 'licence-resale'
  | 'project';

export type Currency = 'EUR' | 'GBP' | 'USD' | 'CAD';
export type Compliance = 'GDPR' | 'HIPAA' | 'PCI-DSS' | 'SOX' | 'NIST CSF' | 'ISO 27001';
export type SlaTier = 'business-hours' | 'extended' | '24x7';
export type PricedPer = 'user' | 'device' | 'site' | 'licence' | 'flat';
/** Work types the demo's agreements name: the built-in ones and two the demo catalog adds. */
export type WorkType = 'remote' | 'onsite' | 'project' | 'after-hours' | 'cabling' | 'hardware-repair';

/** One recurring line: quantity × unit price, per month, in the client's currency's minor units. */
export type AgreementLine = {
  description: string;
  /** The catalog service, plan or product the line sells, by name (./catalog.ts). */
  item: string;
  per: PricedPer;
  quantity: number;
  unitPriceMinor: number;
};

/** Work the agreement would cover but does not, billed at its own rate. */
export type Exclusion = {
  description: string;
  workType: WorkType | null;
  category: Service | null;
  /** Hourly rate, minor units; the agreement's out-of-scope rate when absent. */
  rateMinor?: number;
};

/**
 * A dated mid-term change to `lines[line]` (as it stands today). Each names what the line held
 * before, so the agreement is created as signed and the change recorded on its date.
 */
export type IntendedAmendment = { line: number; effectiveOn: string; note: string } & (
  | { kind: 'set_quantity'; from: number }
  | { kind: 'set_price'; fromMinor: number }
  /** The line was not in the agreement as signed. */
  | { kind: 'add_line' }
  /** Moved up a tier: the line sold another plan before. */
  | { kind: 'change_plan'; from: { item: string; description: string; unitPriceMinor: number } }
);

/** Agreements that are not in force: a draft (proposal), or one that left the active state. */
export type Ending = { status: 'suspended' | 'expired' | 'terminated'; on: string; reason: string };

export type IntendedAgreement = {
  kind: AgreementKind;
  name: string;
  /** draft: a proposal nobody has signed; active: signed, possibly ended later (`ending`). */
  status: 'draft' | 'active';
  ending: Ending | null;
  /** What the agreement covers. */
  services: Service[];
  /** Recurring lines as they stand today; empty for time & materials, block hours and retainers. */
  lines: AgreementLine[];
  /** Monthly recurring revenue: the sum of the lines, in minor units of the client's currency. */
  mrrMinor: number;
  /** Minimum term in months; 0 = none (month to month, or no recurring fee at all). */
  termMonths: number;
  autoRenew: boolean;
  noticeDays: number;
  /** Whether an SLA policy applies, and which. */
  sla: boolean;
  slaTier: SlaTier | null;
  billing: {
    cycle: 'monthly' | 'quarterly' | 'annual';
    /** Recurring fees in advance; time & materials in arrears. */
    timing: 'advance' | 'arrears';
    paymentTermsDays: number;
  };
  /** Rate per hour for work outside the scope (or for all work, on time & materials), minor units. */
  hourlyRateMinor: number | null;
  /** Multiplier on billable rates outside business hours. */
  afterHoursMultiplier: number;
  /** The kinds of work the agreement covers (managed) or may be drawn for (block hours, retainer). */
  workTypes: WorkType[];
  /** Block hours: hours bought in advance and their price; retainer: the money paid in advance. */
  blockHours: number | null;
  prepaidMinor: number | null;
  /** Unused block hours carry over to the next period. */
  rollover: boolean;
  /** For hybrids: which part of the environment this agreement covers. */
  coverage: string | null;
  exclusions: Exclusion[];
  compliance: Compliance[];
  /** Owed when the client ends the agreement before its minimum term, minor units. */
  earlyTerminationFeeMinor: number;
  signedOn: string | null;
  startsOn: string;
  amendments: IntendedAmendment[];
};

/** 165.5 → 16550: prices are written in major units here and kept in minor units. */
export const minor = (amount: number) => Math.round(amount * 100);

const dayBefore = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

type Common = {
  name: string;
  startsOn: string;
  signedOn?: string;
  compliance?: Compliance[];
  coverage?: string;
  exclusions?: Exclusion[];
  noticeDays?: number;
  /** A proposal: never signed, not in force. */
  draft?: boolean;
  ending?: Ending;
  amendments?: IntendedAmendment[];
};

function agreement(
  o: Common & Partial<IntendedAgreement> & Pick<IntendedAgreement, 'kind' | 'services'>,
): IntendedAgreement {
  const lines = o.lines ?? [];
  const mrrMinor = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
  const termMonths = o.termMonths ?? 0;
  return {
    kind: o.kind,
    name: o.name,
    status: o.draft ? 'draft' : 'active',
    ending: o.ending ?? null,
    services: o.services,
    lines,
    mrrMinor,
    termMonths,
    autoRenew: o.autoRenew ?? false,
    noticeDays: o.noticeDays ?? 30,
    sla: (o.slaTier ?? null) !== null,
    slaTier: o.slaTier ?? null,
    billing: o.billing ?? { cycle: 'monthly', timing: 'advance', paymentTermsDays: 14 },
    hourlyRateMinor: o.hourlyRateMinor ?? null,
    afterHoursMultiplier: o.afterHoursMultiplier ?? 1.5,
    workTypes: o.workTypes ?? [],
    blockHours: o.blockHours ?? null,
    prepaidMinor: o.prepaidMinor ?? null,
    rollover: o.rollover ?? false,
    coverage: o.coverage ?? null,
    exclusions: o.exclusions ?? [],
    compliance: o.compliance ?? [],
    // A committed term costs three months of fees to leave early; month to month costs nothing.
    earlyTerminationFeeMinor: o.earlyTerminationFeeMinor ?? (termMonths >= 12 ? 3 * mrrMinor : 0),
    signedOn: o.draft ? null : (o.signedOn ?? dayBefore(o.startsOn, 17)),
    startsOn: o.startsOn,
    amendments: o.amendments ?? [],
  };
}

type LineSpec = [description: string, item: string, per: PricedPer, quantity: number, unitPrice: number];
const toLines = (lines: LineSpec[]): AgreementLine[] =>
  lines.map(([description, item, per, quantity, unitPrice]) => ({
    description,
    item,
    per,
    quantity,
    unitPriceMinor: minor(unitPrice),
  }));

/** A managed-services agreement priced per user, device or site (or flat). */
export function managed(
  o: Common & {
    services?: Service[];
    /** The plan or service the line sells; by default the full managed stack's plan. */
    item?: string;
    per: PricedPer;
    quantity: number;
    unitPrice: number;
    termMonths: number;
    slaTier: SlaTier | null;
    extraRate: number;
    description?: string;
    /** More recurring lines after the main one. */
    extraLines?: LineSpec[];
  },
): IntendedAgreement {
  const services = o.services ?? [...fullManagedStack];
  const full = fullManagedStack.every((s) => services.includes(s));
  return agreement({
    ...o,
    kind: 'managed-services',
    services,
    lines: [
      {
        description: o.description ?? `${o.name} per ${o.per}`,
        item: o.item ?? 'Managed IT Complete',
        per: o.per,
        quantity: o.quantity,
        unitPriceMinor: minor(o.unitPrice),
      },
      ...toLines(o.extraLines ?? []),
    ],
    termMonths: o.termMonths,
    autoRenew: true,
    noticeDays: o.noticeDays ?? (o.termMonths >= 24 ? 90 : 60),
    hourlyRateMinor: minor(o.extraRate),
    // Round-the-clock cover is priced in; after-hours work costs less extra than on office-hours plans.
    afterHoursMultiplier: o.slaTier === '24x7' ? 1.25 : 1.5,
    workTypes:
      o.slaTier === '24x7' ? ['remote', 'onsite', 'after-hours'] : full ? ['remote', 'onsite'] : ['remote'],
    billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 30 },
  });
}

/** Pay per hour, invoiced in arrears: the break-fix relationship (and the rest of a hybrid's). */
export function timeAndMaterials(o: Common & { rate: number }): IntendedAgreement {
  return agreement({
    ...o,
    kind: 'time-and-materials',
    services: ['helpdesk', 'onsite-support'],
    hourlyRateMinor: minor(o.rate),
    billing: { cycle: 'monthly', timing: 'arrears', paymentTermsDays: 14 },
  });
}

/** Hours bought in advance; no recurring fee. */
export function blockOfHours(
  o: Common & { hours: number; price: number; overageRate: number; rollover?: boolean },
): IntendedAgreement {
  return agreement({
    ...o,
    kind: 'block-hours',
    services: ['helpdesk', 'onsite-support'],
    blockHours: o.hours,
    prepaidMinor: minor(o.price),
    rollover: o.rollover ?? false,
    hourlyRateMinor: minor(o.overageRate),
    workTypes: ['remote', 'onsite'],
    billing: { cycle: 'monthly', timing: 'arrears', paymentTermsDays: 14 },
  });
}

/** Money paid in advance and drawn down by work at an hourly rate; no recurring fee. */
export function retainer(o: Common & { amount: number; rate: number }): IntendedAgreement {
  return agreement({
    ...o,
    kind: 'retainer',
    services: ['helpdesk', 'onsite-support'],
    prepaidMinor: minor(o.amount),
    hourlyRateMinor: minor(o.rate),
    workTypes: ['remote', 'onsite', 'project'],
    billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 14 },
  });
}

/** A product-like monthly service (backups), month to month, no SLA, no helpdesk. */
export function subscription(
  o: Common & { services: Service[]; lines: LineSpec[]; termMonths?: number },
): IntendedAgreement {
  return agreement({
    ...o,
    kind: 'subscription',
    lines: toLines(o.lines),
    termMonths: o.termMonths ?? 0,
    autoRenew: true,
  });
}

/** Licences bought through the MSP (Microsoft 365 under an annual commitment, antivirus…). */
export function licenceResale(
  o: Common & { services: Service[]; lines: LineSpec[]; termMonths: number },
): IntendedAgreement {
  const lines = toLines(o.lines);
  return agreement({
    ...o,
    kind: 'licence-resale',
    lines,
    termMonths: o.termMonths,
    autoRenew: true,
    // Leaving an annual licence commitment early costs the month's licences.
    earlyTerminationFeeMinor: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0),
    billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 14 },
  });
}
