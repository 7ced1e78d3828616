/**
 * The demo MSP's clients: forty companies on both sides of the Atlantic, covering every relationship
 * kind of DESIGN.md's business rule 1, each with the agreements it is meant to have (rule 2).
 *
 * The records themselves are ./client-records.ts; this module adds each client's contacts and notes.
 * Data only: `keel seed --demo` writes the clients, sites and contacts through the
 * clients service, and the agreements issue can seed `intendedAgreements` from the same specs.
 * Everything is deterministic: contacts come from a generator seeded by the client's name.
 */
import type { CreateClientInput } from '../../modules/clients/clients.schemas.js';
import { type Currency, type IntendedAgreement, kindLabels, type RelationshipKind } from './agreements.js';
import { clientRecords } from './client-records.js';
import { emailOf, type Locale, people } from './people.js';
import { seededRng } from './random.js';

export type Address = CreateClientInput['billingAddress'];
export type Criticality = 'low' | 'medium' | 'high' | 'critical';

export type DemoProfile = {
  users: number;
  endpoints: number;
  sites: number;
  remoteUsers: number;
  criticality: Criticality;
};

export type DemoSite = { name: string; address: Address; timeZone: string | null; notes: string };

export type DemoContact = {
  name: string;
  email: string;
  phone: string | null;
  role: string;
  /** Name of one of the client's sites. */
  site: string;
  isBilling: boolean;
  portalAccess: boolean;
};

export type DemoClientSpec = {
  name: string;
  /** The relationship the client is meant to classify as once its agreements exist. */
  kind: RelationshipKind;
  status: 'active' | 'onboarding' | 'inactive';
  timeZone: string;
  taxRateBp: number;
  /** The currency its agreements and invoices are in. */
  currency: Currency;
  billingAddress: Address;
  /** What the MSP knows about the client, in a sentence or two. */
  about: string;
  /** The client's notes as seeded: "Demo: <kind> — <agreements>" and `about`. */
  notes: string;
  profile: DemoProfile;
  /** The first one is the head office. */
  sites: DemoSite[];
  contacts: DemoContact[];
  intendedAgreements: IntendedAgreement[];
};

/** A demo client as ./client-records.ts writes it down. */
export type ClientRecord = Omit<
  DemoClientSpec,
  'status' | 'billingAddress' | 'notes' | 'profile' | 'contacts'
> & {
  status?: DemoClientSpec['status'];
  profile: Omit<DemoProfile, 'sites'>;
  locale: Locale;
  /** The client's mail domain (reserved .example names: nothing is ever sent anywhere real). */
  domain: string;
  /** Phone number pattern; each # becomes a digit. */
  phone: string;
  /** Job title of the main contact. */
  lead: string;
};

const billingRoles = [
  'Finance Manager',
  'Office Manager',
  'Bookkeeper',
  'Accounts Payable',
  'Financial Controller',
];
const otherRoles = [
  'Operations Manager',
  'Office Administrator',
  'HR Manager',
  'Executive Assistant',
  'Facilities Manager',
  'Receptionist',
  'Team Lead',
  'Marketing Manager',
];

/** Bigger, managed clients have more people the MSP deals with; a prospect has two. */
function contactCount(kind: RelationshipKind, users: number): number {
  switch (kind) {
    case 'contract':
      return Math.min(8, 4 + Math.ceil(users / 25));
    case 'hybrid':
      return Math.min(6, 3 + Math.ceil(users / 15));
    case 'single-service':
      return users >= 15 ? 4 : 3;
    case 'subscription':
    case 'reseller':
      return users >= 12 ? 3 : 2;
    case 'break-fix':
      return users >= 6 ? 3 : 2;
    case 'prospect':
      return 2;
  }
}

/** The main contact, one billing contact, then others; portal access where the relationship has one. */
function contactsFor(base: ClientRecord): DemoContact[] {
  const rng = seededRng(`contacts:${base.name}`);
  const count = contactCount(base.kind, base.profile.users);
  const persons = people(rng, base.locale, count);
  const managedKinds: RelationshipKind[] = ['contract', 'hybrid', 'single-service'];
  const isManaged = managedKinds.includes(base.kind);
  const billingRole = rng.pick(billingRoles);
  const others = [...(isManaged ? ['IT Coordinator'] : []), ...rng.sample(otherRoles, count)];
  return persons.map((person, i) => {
    const role = i === 0 ? base.lead : i === 1 ? billingRole : others[i - 2]!;
    const isBilling = i === 1;
    const portalAccess =
      base.kind === 'contract' || base.kind === 'hybrid'
        ? i <= 1 || role === 'IT Coordinator'
        : base.kind === 'single-service'
          ? i === 0 || role === 'IT Coordinator'
          : base.kind === 'subscription' || base.kind === 'reseller'
            ? isBilling
            : false;
    const hasPhone = i <= 1 || rng.int(0, 3) > 0;
    return {
      name: person.name,
      email: emailOf(person, base.domain),
      phone: hasPhone ? rng.digits(base.phone) : null,
      role,
      site: i <= 1 ? base.sites[0]!.name : base.sites[(i - 1) % base.sites.length]!.name,
      isBilling,
      portalAccess,
    };
  });
}

const money = (minorUnits: number, currency: Currency) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(minorUnits / 100);

/** One agreement in a sentence, for the client's notes. */
export function describeAgreement(a: IntendedAgreement, currency: Currency): string {
  const parts: string[] = [];
  if (a.lines.length) {
    const lines = a.lines.map((l) =>
      l.per === 'flat'
        ? `${l.description} ${money(l.unitPriceMinor, currency)}`
        : `${l.quantity} ${l.per}s × ${money(l.unitPriceMinor, currency)}`,
    );
    parts.push(
      `${a.name} (${a.services.join(', ')}): ${lines.join(' + ')} = ${money(a.mrrMinor, currency)}/month`,
    );
    parts.push(a.termMonths ? `${a.termMonths}-month term` : 'month to month');
    parts.push(a.slaTier ? `${a.slaTier} SLA` : 'no SLA');
  } else if (a.kind === 'block-hours') {
    parts.push(
      `${a.name}: ${a.blockHours} hours prepaid for ${money(a.prepaidMinor ?? 0, currency)}, ` +
        `then ${money(a.hourlyRateMinor ?? 0, currency)}/hour`,
    );
  } else if (a.kind === 'retainer') {
    parts.push(
      `${a.name}: ${money(a.prepaidMinor ?? 0, currency)} prepaid, drawn at ` +
        `${money(a.hourlyRateMinor ?? 0, currency)}/hour`,
    );
  } else {
    parts.push(`${a.name}: ${money(a.hourlyRateMinor ?? 0, currency)}/hour, invoiced in arrears`);
  }
  if (a.coverage) parts.push(`covers ${a.coverage.charAt(0).toLowerCase()}${a.coverage.slice(1)}`);
  if (a.compliance.length) parts.push(a.compliance.join(', '));
  return parts.join(', ');
}

export function demoNotes(
  kind: RelationshipKind,
  agreements: IntendedAgreement[],
  currency: Currency,
  about: string,
) {
  // What is in force today; proposals and agreements that have ended are in the agreements list.
  const current = agreements.filter((a) => a.status === 'active' && a.ending === null);
  const what = current.length
    ? current.map((a) => describeAgreement(a, currency)).join('; plus ')
    : 'nothing billed yet';
  return `Demo: ${kindLabels[kind]} — ${what}.\n\n${about}`;
}

export const DEMO_NOTES_PREFIX = 'Demo: ';

export const demoClients: readonly DemoClientSpec[] = clientRecords.map((b) => ({
  name: b.name,
  kind: b.kind,
  status: b.status ?? 'active',
  timeZone: b.timeZone,
  taxRateBp: b.taxRateBp,
  currency: b.currency,
  billingAddress: b.sites[0]!.address,
  about: b.about,
  notes: demoNotes(b.kind, b.intendedAgreements, b.currency, b.about),
  profile: { ...b.profile, sites: b.sites.length },
  sites: b.sites,
  contacts: contactsFor(b),
  intendedAgreements: b.intendedAgreements,
}));
