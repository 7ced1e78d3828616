/**
 * The vocabulary of the demo's intended agreements (DESIGN.md, business rules 1 and 2). Agreements
 * are not a module yet; these types say what each demo client is meant to have, so the agreements
 * issue can seed real agreements from `demoClients` without rewriting the data set.
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
/** business-hours: Mon–Fri office hours; extended: 07:00–20:00 and Saturdays; 24x7 for P1. */
export type SlaTier = 'business-hours' | 'extended' | '24x7';
export type PricedPer = 'user' | 'device' | 'site' | 'licence' | 'flat';

/** One recurring line: quantity × unit price, per month, in the client's currency's minor units. */
export type AgreementLine = {
  description: string;
  per: PricedPer;
  quantity: number;
  unitPriceMinor: number;
};

export type IntendedAgreement = {
  kind: AgreementKind;
  name: string;
  /** What the agreement covers. */
  services: Service[];
  /** Recurring lines; empty for time & materials and block hours. */
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
  /** Block hours: hours bought in advance and their price. */
  blockHours: number | null;
  prepaidMinor: number | null;
  /** For hybrids: which part of the environment this agreement covers. */
  coverage: string | null;
  exclusions: string[];
  compliance: Compliance[];
  signedOn: string | null;
  startsOn: string;
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
  exclusions?: string[];
  noticeDays?: number;
};

function agreement(
  o: Common & Partial<IntendedAgreement> & Pick<IntendedAgreement, 'kind' | 'services'>,
): IntendedAgreement {
  const lines = o.lines ?? [];
  return {
    kind: o.kind,
    name: o.name,
    services: o.services,
    lines,
    mrrMinor: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0),
    termMonths: o.termMonths ?? 0,
    autoRenew: o.autoRenew ?? false,
    noticeDays: o.noticeDays ?? 30,
    sla: (o.slaTier ?? null) !== null,
    slaTier: o.slaTier ?? null,
    billing: o.billing ?? { cycle: 'monthly', timing: 'advance', paymentTermsDays: 14 },
    hourlyRateMinor: o.hourlyRateMinor ?? null,
    blockHours: o.blockHours ?? null,
    prepaidMinor: o.prepaidMinor ?? null,
    coverage: o.coverage ?? null,
    exclusions: o.exclusions ?? [],
    compliance: o.compliance ?? [],
    signedOn: o.signedOn ?? dayBefore(o.startsOn, 17),
    startsOn: o.startsOn,
  };
}

/** A managed-services agreement priced per user, device or site (or flat). */
export function managed(
  o: Common & {
    services?: Service[];
    per: PricedPer;
    quantity: number;
    unitPrice: number;
    termMonths: number;
    slaTier: SlaTier | null;
    extraRate: number;
    description?: string;
  },
): IntendedAgreement {
  const services = o.services ?? [...fullManagedStack];
  return agreement({
    ...o,
    kind: 'managed-services',
    services,
    lines: [
      {
        description: o.description ?? `${o.name} per ${o.per}`,
        per: o.per,
        quantity: o.quantity,
        unitPriceMinor: minor(o.unitPrice),
      },
    ],
    termMonths: o.termMonths,
    autoRenew: true,
    noticeDays: o.noticeDays ?? (o.termMonths >= 24 ? 90 : 60),
    hourlyRateMinor: minor(o.extraRate),
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
  o: Common & { hours: number; price: number; overageRate: number },
): IntendedAgreement {
  return agreement({
    ...o,
    kind: 'block-hours',
    services: ['helpdesk', 'onsite-support'],
    blockHours: o.hours,
    prepaidMinor: minor(o.price),
    hourlyRateMinor: minor(o.overageRate),
    billing: { cycle: 'monthly', timing: 'arrears', paymentTermsDays: 14 },
  });
}

type LineSpec = [description: string, per: PricedPer, quantity: number, unitPrice: number];
const toLines = (lines: LineSpec[]): AgreementLine[] =>
  lines.map(([description, per, quantity, unitPrice]) => ({
    description,
    per,
    quantity,
    unitPriceMinor: minor(unitPrice),
  }));

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
  return agreement({
    ...o,
    kind: 'licence-resale',
    lines: toLines(o.lines),
    termMonths: o.termMonths,
    autoRenew: true,
    billing: { cycle: 'monthly', timing: 'advance', paymentTermsDays: 14 },
  });
}
