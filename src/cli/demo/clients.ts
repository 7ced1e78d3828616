/**
 * The demo MSP's clients: forty companies on both sides of the Atlantic, covering every relationship
 * kind of DESIGN.md's business rule 1, each with the agreements it is meant to have (rule 2).
 *
 * This module is data only: `keel seed --demo` writes the clients, sites and contacts through the
 * clients service, and the agreements issue can seed `intendedAgreements` from the same specs.
 * Everything is deterministic: contacts come from a generator seeded by the client's name.
 */
import type { CreateClientInput } from '../../modules/clients/clients.schemas.js';
import {
  blockOfHours,
  type Currency,
  fullManagedStack,
  type IntendedAgreement,
  kindLabels,
  licenceResale,
  managed,
  minor,
  type RelationshipKind,
  retainer,
  subscription,
  timeAndMaterials,
} from './agreements.js';
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

type Base = Omit<DemoClientSpec, 'status' | 'billingAddress' | 'notes' | 'profile' | 'contacts'> & {
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

const addr = (
  line1: string,
  postalCode: string,
  city: string,
  country: string,
  region?: string,
  line2?: string,
): Address => ({
  line1,
  ...(line2 !== undefined && { line2 }),
  city,
  ...(region !== undefined && { region }),
  postalCode,
  country,
});

const site = (
  name: string,
  address: Address,
  more: { timeZone?: string; notes?: string } = {},
): DemoSite => ({
  name,
  address,
  timeZone: more.timeZone ?? null,
  notes: more.notes ?? '',
});

const bases: Base[] = [
  // ── Contract clients: full managed stack, SLA, 12+ month term, above the minimum monthly value ──
  {
    name: 'Brightwater Dental Group',
    kind: 'contract',
    timeZone: 'Europe/Dublin',
    taxRateBp: 2300,
    currency: 'EUR',
    locale: 'en-ie',
    domain: 'brightwater-dental.example',
    phone: '+353 1 ### ####',
    lead: 'Clinical Director',
    about:
      'Three dental practices. The imaging server at Ranelagh must be up before the 08:00 first ' +
      'appointment; patient records are GDPR special-category data.',
    profile: { users: 42, endpoints: 60, remoteUsers: 6, criticality: 'high' },
    sites: [
      site('Ranelagh (head office)', addr('14 Ranelagh Road', 'D06 X2P4', 'Dublin', 'IE', 'County Dublin'), {
        notes: 'Imaging server and the comms cabinet are in the basement.',
      }),
      site('Cork clinic', addr('22 South Mall', 'T12 R9K3', 'Cork', 'IE', 'County Cork')),
      site('Galway clinic', addr('5 Eyre Square', 'H91 F6T2', 'Galway', 'IE', 'County Galway')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 42,
        unitPrice: 165,
        termMonths: 36,
        slaTier: 'extended',
        extraRate: 120,
        startsOn: '2024-09-01',
        compliance: ['GDPR'],
        exclusions: [
          { description: 'Repairs to dental imaging hardware', workType: 'hardware-repair', category: null },
          { description: 'Structured cabling', workType: 'cabling', category: null, rateMinor: minor(95) },
        ],
        amendments: [
          {
            kind: 'set_quantity',
            line: 0,
            from: 38,
            effectiveOn: '2025-09-01',
            note: 'Four hygienists joined at the Galway clinic.',
          },
        ],
      }),
    ],
  },
  {
    name: 'Hartmann & Vogel Steuerberatung',
    kind: 'contract',
    timeZone: 'Europe/Berlin',
    taxRateBp: 1900,
    currency: 'EUR',
    locale: 'de',
    domain: 'hv-steuer.example',
    phone: '+49 89 #### ####',
    lead: 'Managing Partner',
    about:
      'Tax advisers on DATEV. The busy season runs from January to May, when a dead PC costs billable hours.',
    profile: { users: 28, endpoints: 36, remoteUsers: 10, criticality: 'high' },
    sites: [
      site('München (Kanzlei)', addr('Leopoldstraße 112', '80802', 'München', 'DE', 'Bayern')),
      site('Augsburg', addr('Maximilianstraße 38', '86150', 'Augsburg', 'DE', 'Bayern')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 28,
        unitPrice: 155,
        termMonths: 24,
        slaTier: 'business-hours',
        extraRate: 110,
        startsOn: '2025-01-01',
        compliance: ['GDPR'],
      }),
    ],
  },
  {
    name: 'Atelier Marchetti Architectes',
    kind: 'contract',
    timeZone: 'Europe/Paris',
    taxRateBp: 2000,
    currency: 'EUR',
    locale: 'fr',
    domain: 'atelier-marchetti.example',
    phone: '+33 4 ## ## ## ##',
    lead: 'Principal Architect',
    about:
      'Architecture studio: large BIM files on a NAS, two plotters, partners working from home on Fridays.',
    profile: { users: 19, endpoints: 27, remoteUsers: 5, criticality: 'medium' },
    sites: [
      site('Lyon studio', addr('27 quai Saint-Vincent', '69001', 'Lyon', 'FR', 'Auvergne-Rhône-Alpes')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 19,
        unitPrice: 140,
        termMonths: 12,
        slaTier: 'business-hours',
        extraRate: 95,
        startsOn: '2025-06-01',
        compliance: ['GDPR'],
        amendments: [
          {
            kind: 'change_plan',
            line: 0,
            from: {
              item: 'Managed IT Essentials',
              description: 'Managed IT Essentials per user',
              unitPriceMinor: minor(95),
            },
            effectiveOn: '2026-01-01',
            note: 'Moved up to Complete: backup of the BIM NAS and endpoint security after a partner studio was hit by ransomware.',
          },
        ],
      }),
    ],
  },
  {
    name: 'Van der Berg Logistics B.V.',
    kind: 'contract',
    timeZone: 'Europe/Amsterdam',
    taxRateBp: 2100,
    currency: 'EUR',
    locale: 'nl',
    domain: 'vdberg-logistics.example',
    phone: '+31 10 ### ####',
    lead: 'Chief Operating Officer',
    about:
      'Road haulage and warehousing around the clock: when the warehouse system or the handheld scanners ' +
      'stop, the trucks stop.',
    profile: { users: 85, endpoints: 120, remoteUsers: 12, criticality: 'critical' },
    sites: [
      site(
        'Rotterdam (head office)',
        addr('Waalhaven Zuidzijde 21', '3089 JH', 'Rotterdam', 'NL', 'Zuid-Holland'),
      ),
      site('Venlo distribution centre', addr('Celsiusweg 40', '5928 PR', 'Venlo', 'NL', 'Limburg'), {
        notes: 'Night shift 22:00–06:00; ask for the shift lead at the gate.',
      }),
      site('Antwerp hub', addr('Noorderlaan 133', '2030', 'Antwerpen', 'BE'), {
        timeZone: 'Europe/Brussels',
      }),
      site('Duisburg depot', addr('Am Parallelhafen 12', '47059', 'Duisburg', 'DE', 'Nordrhein-Westfalen'), {
        timeZone: 'Europe/Berlin',
      }),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete 24x7',
        per: 'user',
        quantity: 85,
        unitPrice: 120,
        termMonths: 36,
        slaTier: '24x7',
        extraRate: 105,
        startsOn: '2024-04-01',
        compliance: ['GDPR', 'ISO 27001'],
        exclusions: [
          { description: 'Repairs to handheld scanners', workType: 'hardware-repair', category: null },
        ],
        amendments: [
          {
            kind: 'set_quantity',
            line: 0,
            from: 80,
            effectiveOn: '2025-04-01',
            note: 'Five dispatchers for the new Duisburg cross-dock.',
          },
        ],
      }),
      managed({
        name: 'Managed IT Essentials',
        services: ['monitoring', 'patching', 'helpdesk'],
        item: 'Managed IT Essentials',
        per: 'user',
        quantity: 70,
        unitPrice: 85,
        termMonths: 24,
        slaTier: 'business-hours',
        extraRate: 95,
        startsOn: '2021-04-01',
        compliance: ['GDPR'],
        ending: {
          status: 'terminated',
          on: '2024-03-31',
          reason: 'Replaced by Managed IT Complete 24x7 from 1 April 2024.',
        },
      }),
    ],
  },
  {
    name: 'Kestrel Legal LLP',
    kind: 'contract',
    timeZone: 'Europe/London',
    taxRateBp: 2000,
    currency: 'GBP',
    locale: 'en-gb',
    domain: 'kestrel-legal.example',
    phone: '+44 20 #### ####',
    lead: 'Managing Partner',
    about:
      'Commercial law firm: document management system, strict confidentiality, fee earners often in ' +
      'court or at home.',
    profile: { users: 34, endpoints: 45, remoteUsers: 14, criticality: 'high' },
    sites: [
      site('London (Holborn)', addr('48 High Holborn', 'WC1V 6RL', 'London', 'GB')),
      site('Manchester', addr('3 Hardman Street', 'M3 3HF', 'Manchester', 'GB')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 34,
        unitPrice: 150,
        termMonths: 24,
        slaTier: 'extended',
        extraRate: 110,
        startsOn: '2025-02-01',
        compliance: ['GDPR', 'ISO 27001'],
      }),
    ],
  },
  {
    name: 'Summit Ridge Family Medicine',
    kind: 'contract',
    timeZone: 'America/Denver',
    taxRateBp: 0,
    currency: 'USD',
    locale: 'en-us',
    domain: 'summitridge-fm.example',
    phone: '+1 303 555 01##',
    lead: 'Practice Administrator',
    about: 'Family practice with two clinics; the EHR is in the cloud, the HIPAA risk assessment is yearly.',
    profile: { users: 26, endpoints: 40, remoteUsers: 3, criticality: 'critical' },
    sites: [
      site('Denver clinic', addr('1550 Larimer Street', '80202', 'Denver', 'US', 'CO')),
      site('Littleton clinic', addr('8200 S Broadway', '80122', 'Littleton', 'US', 'CO')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 26,
        unitPrice: 175,
        termMonths: 36,
        slaTier: 'extended',
        extraRate: 150,
        startsOn: '2024-07-01',
        compliance: ['HIPAA'],
      }),
    ],
  },
  {
    name: 'Harborview Credit Union',
    kind: 'contract',
    timeZone: 'America/Los_Angeles',
    taxRateBp: 1030,
    currency: 'USD',
    locale: 'en-us',
    domain: 'harborview-cu.example',
    phone: '+1 253 555 01##',
    lead: 'VP Operations',
    about:
      'Member-owned credit union. Core banking is hosted; branch networks, ATMs and teller PCs are ours, ' +
      'and the examiners ask for patch and backup evidence.',
    profile: { users: 48, endpoints: 70, remoteUsers: 8, criticality: 'critical' },
    sites: [
      site('Tacoma (head office)', addr('1120 Pacific Avenue', '98402', 'Tacoma', 'US', 'WA')),
      site('Gig Harbor branch', addr('5200 Olympic Drive NW', '98335', 'Gig Harbor', 'US', 'WA')),
      site('Puyallup branch', addr('310 S Meridian', '98371', 'Puyallup', 'US', 'WA')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete 24x7',
        per: 'user',
        quantity: 48,
        unitPrice: 185,
        termMonths: 36,
        slaTier: '24x7',
        extraRate: 165,
        startsOn: '2024-01-01',
        compliance: ['PCI-DSS', 'NIST CSF'],
        exclusions: [
          { description: 'ATM hardware: the vendor repairs it', workType: 'hardware-repair', category: null },
        ],
        amendments: [
          {
            kind: 'set_price',
            line: 0,
            fromMinor: minor(175),
            effectiveOn: '2025-01-01',
            note: 'Annual price review: +5.7%, in line with CPI.',
          },
        ],
      }),
    ],
  },
  {
    name: 'Maple & Finch Accounting',
    kind: 'contract',
    timeZone: 'America/Toronto',
    taxRateBp: 1300,
    currency: 'CAD',
    locale: 'en-us',
    domain: 'maplefinch-cpa.example',
    phone: '+1 416 555 01##',
    lead: 'Managing Partner',
    about: 'Chartered accountants; tax season from February to April doubles the ticket count.',
    profile: { users: 22, endpoints: 30, remoteUsers: 9, criticality: 'high' },
    sites: [
      site('Toronto office', addr('200 King Street West', 'M5H 3T4', 'Toronto', 'CA', 'ON', 'Suite 1400')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 22,
        unitPrice: 135,
        termMonths: 12,
        slaTier: 'business-hours',
        extraRate: 125,
        startsOn: '2025-10-01',
      }),
    ],
  },
  {
    name: 'Alpenblick Hotels GmbH',
    kind: 'contract',
    timeZone: 'Europe/Vienna',
    taxRateBp: 2000,
    currency: 'EUR',
    locale: 'de',
    domain: 'alpenblick-hotels.example',
    phone: '+43 512 ######',
    lead: 'Managing Director',
    about:
      'Two ski hotels and a head office: guest Wi-Fi, reception and the booking engine must work at 23:00 ' +
      'on a Saturday in February.',
    profile: { users: 55, endpoints: 80, remoteUsers: 4, criticality: 'high' },
    sites: [
      site('Innsbruck office', addr('Maria-Theresien-Straße 18', '6020', 'Innsbruck', 'AT', 'Tirol')),
      site('Hotel Seefeld', addr('Klosterstraße 9', '6100', 'Seefeld in Tirol', 'AT', 'Tirol')),
      site('Hotel Kitzbühel', addr('Hahnenkammstraße 4', '6370', 'Kitzbühel', 'AT', 'Tirol')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete 24x7',
        per: 'user',
        quantity: 55,
        unitPrice: 110,
        termMonths: 24,
        slaTier: '24x7',
        extraRate: 95,
        startsOn: '2025-04-01',
        compliance: ['GDPR', 'PCI-DSS'],
        exclusions: [{ description: 'Guest Wi-Fi projects', workType: 'project', category: 'network' }],
      }),
      subscription({
        name: 'Guest Wi-Fi, both hotels',
        services: ['network'],
        lines: [['Guest Wi-Fi per hotel', 'Network management', 'site', 2, 140]],
        startsOn: '2025-12-01',
        compliance: ['GDPR'],
        ending: {
          status: 'suspended',
          on: '2026-04-20',
          reason: 'Both hotels closed for the summer; resumes with the winter season.',
        },
      }),
    ],
  },
  {
    name: 'Lone Star Title & Escrow',
    kind: 'contract',
    timeZone: 'America/Chicago',
    taxRateBp: 825,
    currency: 'USD',
    locale: 'en-us',
    domain: 'lonestar-title.example',
    phone: '+1 512 555 01##',
    lead: 'President',
    about: 'Title and escrow company; wire fraud is the nightmare, so email security and MFA come first.',
    profile: { users: 31, endpoints: 44, remoteUsers: 7, criticality: 'high' },
    sites: [
      site('Austin office', addr('600 Congress Avenue', '78701', 'Austin', 'US', 'TX')),
      site('San Antonio office', addr('112 E Pecan Street', '78205', 'San Antonio', 'US', 'TX')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        services: [...fullManagedStack, 'email-security'],
        per: 'user',
        quantity: 31,
        unitPrice: 160,
        termMonths: 12,
        slaTier: 'extended',
        extraRate: 150,
        startsOn: '2025-08-01',
        compliance: ['NIST CSF'],
        extraLines: [['Email security and MFA per user', 'Email security', 'user', 31, 6]],
        amendments: [
          {
            kind: 'add_line',
            line: 1,
            effectiveOn: '2026-02-01',
            note: 'Added after a wire-fraud attempt on a closing.',
          },
        ],
      }),
    ],
  },

  // ── Single-service contracts: signed and recurring, but a few services only, no SLA, or near misses ──
  {
    name: 'Rosso Ceramiche S.r.l.',
    kind: 'single-service',
    timeZone: 'Europe/Rome',
    taxRateBp: 2200,
    currency: 'EUR',
    locale: 'it',
    domain: 'rossoceramiche.example',
    phone: '+39 0536 ######',
    lead: 'Plant Manager',
    about: 'Tile maker with an in-house IT person on the helpdesk; we watch and patch the servers and PCs.',
    profile: { users: 14, endpoints: 22, remoteUsers: 1, criticality: 'medium' },
    sites: [
      site('Sassuolo factory', addr('Via Radici in Piano 310', '41049', 'Sassuolo', 'IT', 'MO')),
      site('Bologna showroom', addr("Via dell'Indipendenza 44", '40121', 'Bologna', 'IT', 'BO')),
    ],
    intendedAgreements: [
      managed({
        name: 'Monitoring and patching',
        services: ['monitoring', 'patching'],
        item: 'Monitoring and patching',
        per: 'device',
        quantity: 22,
        unitPrice: 18,
        termMonths: 12,
        slaTier: null,
        extraRate: 75,
        startsOn: '2025-03-01',
        compliance: ['GDPR'],
      }),
    ],
  },
  {
    name: 'Clearwater Veterinary Clinic',
    kind: 'single-service',
    timeZone: 'America/New_York',
    taxRateBp: 700,
    currency: 'USD',
    locale: 'en-us',
    domain: 'clearwater-vet.example',
    phone: '+1 813 555 01##',
    lead: 'Practice Owner',
    about:
      'Full managed stack with an SLA, but with 9 users the fee stays under the minimum monthly value of a ' +
      'contract client.',
    profile: { users: 9, endpoints: 14, remoteUsers: 0, criticality: 'medium' },
    sites: [site('Tampa clinic', addr('2901 W Kennedy Boulevard', '33609', 'Tampa', 'US', 'FL'))],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete',
        per: 'user',
        quantity: 9,
        unitPrice: 160,
        termMonths: 12,
        slaTier: 'business-hours',
        extraRate: 135,
        startsOn: '2025-05-01',
      }),
    ],
  },
  {
    name: 'Dubois & Peeters Notaires',
    kind: 'single-service',
    timeZone: 'Europe/Brussels',
    taxRateBp: 2100,
    currency: 'EUR',
    locale: 'fr',
    domain: 'dubois-peeters.example',
    phone: '+32 2 ### ## ##',
    lead: 'Notary',
    about:
      'Notaries trying us out: full managed stack with an SLA, but on a 6-month term before they commit.',
    profile: { users: 12, endpoints: 16, remoteUsers: 2, criticality: 'high' },
    sites: [site('Ixelles office', addr('Avenue Louise 231', '1050', 'Bruxelles', 'BE'))],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete, trial term',
        per: 'user',
        quantity: 12,
        unitPrice: 170,
        termMonths: 6,
        slaTier: 'business-hours',
        extraRate: 110,
        startsOn: '2026-06-01',
        compliance: ['GDPR'],
      }),
    ],
  },
  {
    name: 'Greenleaf Property Management',
    kind: 'single-service',
    timeZone: 'America/Chicago',
    taxRateBp: 0,
    currency: 'USD',
    locale: 'en-us',
    domain: 'greenleaf-pm.example',
    phone: '+1 312 555 01##',
    lead: 'Director of Operations',
    about: 'Residential property manager: we answer the helpdesk, their own vendor runs the servers.',
    profile: { users: 18, endpoints: 25, remoteUsers: 5, criticality: 'medium' },
    sites: [
      site('Chicago (Loop)', addr('220 W Madison Street', '60606', 'Chicago', 'US', 'IL')),
      site('Evanston office', addr('1603 Orrington Avenue', '60201', 'Evanston', 'US', 'IL')),
    ],
    intendedAgreements: [
      managed({
        name: 'Helpdesk',
        services: ['helpdesk'],
        item: 'Helpdesk',
        per: 'user',
        quantity: 18,
        unitPrice: 45,
        termMonths: 12,
        slaTier: 'business-hours',
        extraRate: 125,
        startsOn: '2025-01-01',
      }),
      managed({
        name: 'Managed IT Complete (proposal)',
        per: 'user',
        quantity: 18,
        unitPrice: 140,
        termMonths: 24,
        slaTier: 'business-hours',
        extraRate: 125,
        startsOn: '2027-01-01',
        draft: true,
      }),
    ],
  },
  {
    name: 'Castell Wines S.L.',
    kind: 'single-service',
    timeZone: 'Europe/Madrid',
    taxRateBp: 2100,
    currency: 'EUR',
    locale: 'es',
    domain: 'castellwines.example',
    phone: '+34 93 ### ## ##',
    lead: 'General Manager',
    about:
      'Family winery: full managed stack on a 24-month term, but the owners declined an SLA to keep the ' +
      'price down.',
    profile: { users: 16, endpoints: 20, remoteUsers: 3, criticality: 'medium' },
    sites: [
      site('Barcelona office', addr('Carrer de Balmes 188', '08006', 'Barcelona', 'ES', 'Cataluña')),
      site(
        'Vilafranca winery',
        addr('Carretera de Sant Martí Sarroca, km 3', '08720', 'Vilafranca del Penedès', 'ES', 'Cataluña'),
        { notes: 'Patchy mobile coverage; the cellar PC is on the far side of the yard.' },
      ),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete, no SLA',
        per: 'user',
        quantity: 16,
        unitPrice: 140,
        termMonths: 24,
        slaTier: null,
        extraRate: 85,
        startsOn: '2025-09-01',
        compliance: ['GDPR'],
      }),
    ],
  },
  {
    name: 'Pinecrest Montessori School',
    kind: 'single-service',
    timeZone: 'America/Vancouver',
    taxRateBp: 1200,
    currency: 'CAD',
    locale: 'en-us',
    domain: 'pinecrest-montessori.example',
    phone: '+1 604 555 01##',
    lead: 'Head of School',
    about:
      'Independent school: a parent volunteer looks after the Chromebooks; we run endpoint protection and ' +
      'email filtering.',
    profile: { users: 25, endpoints: 60, remoteUsers: 0, criticality: 'medium' },
    sites: [site('Campus', addr('4170 Dunbar Street', 'V6S 2E4', 'Vancouver', 'CA', 'BC'))],
    intendedAgreements: [
      managed({
        name: 'Security essentials',
        services: ['security', 'email-security'],
        item: 'Security essentials',
        per: 'device',
        quantity: 60,
        unitPrice: 9,
        termMonths: 12,
        slaTier: null,
        extraRate: 110,
        startsOn: '2025-09-01',
      }),
    ],
  },

  // ── Subscription clients: a product-like monthly service (backups), nothing managed ──
  {
    name: 'Lindenhof Physiotherapie',
    kind: 'subscription',
    timeZone: 'Europe/Berlin',
    taxRateBp: 1900,
    currency: 'EUR',
    locale: 'de',
    domain: 'lindenhof-physio.example',
    phone: '+49 40 #### ####',
    lead: 'Owner',
    about:
      'Physiotherapy practice; backs up its practice software to our cloud and calls someone else otherwise.',
    profile: { users: 6, endpoints: 8, remoteUsers: 0, criticality: 'medium' },
    sites: [site('Praxis Eppendorf', addr('Eppendorfer Landstraße 56', '20249', 'Hamburg', 'DE', 'Hamburg'))],
    intendedAgreements: [
      subscription({
        name: 'Cloud backup 1 TB',
        services: ['backup'],
        lines: [['Cloud backup, 1 TB, 30-day retention', 'Cloud backup', 'flat', 1, 89]],
        startsOn: '2025-02-01',
        compliance: ['GDPR'],
      }),
    ],
  },
  {
    name: "O'Sullivan & Daughters Bakery",
    kind: 'subscription',
    timeZone: 'Europe/Dublin',
    taxRateBp: 2300,
    currency: 'EUR',
    locale: 'en-ie',
    domain: 'osullivan-bakery.example',
    phone: '+353 91 ######',
    lead: 'Owner',
    about: 'Bakery with a shop: Microsoft 365 backup and a nightly backup of the till server.',
    profile: { users: 8, endpoints: 7, remoteUsers: 0, criticality: 'low' },
    sites: [
      site('Bakery', addr('Unit 4, Liosban Business Park', 'H91 P2X7', 'Galway', 'IE', 'County Galway')),
      site('Salthill shop', addr('112 Upper Salthill', 'H91 K8D5', 'Galway', 'IE', 'County Galway')),
    ],
    intendedAgreements: [
      subscription({
        name: 'Backup bundle',
        services: ['m365-backup', 'backup'],
        lines: [
          ['Microsoft 365 backup', 'Microsoft 365 backup', 'user', 8, 4.5],
          ['Till server backup', 'Backup and recovery', 'device', 1, 45],
        ],
        startsOn: '2024-11-01',
      }),
    ],
  },
  {
    name: 'Coastal Realty Partners',
    kind: 'subscription',
    timeZone: 'America/Los_Angeles',
    taxRateBp: 0,
    currency: 'USD',
    locale: 'en-us',
    domain: 'coastal-realty.example',
    phone: '+1 858 555 01##',
    lead: 'Broker and Owner',
    about: 'Real-estate agents who live in their laptops; they buy backups from us and nothing else.',
    profile: { users: 20, endpoints: 24, remoteUsers: 12, criticality: 'medium' },
    sites: [
      site('La Jolla office', addr('7855 Ivanhoe Avenue', '92037', 'La Jolla', 'US', 'CA')),
      site('Carlsbad office', addr('2598 State Street', '92008', 'Carlsbad', 'US', 'CA')),
    ],
    intendedAgreements: [
      subscription({
        name: 'Backup for Microsoft 365 and files',
        services: ['m365-backup', 'backup'],
        lines: [
          ['Microsoft 365 backup', 'Microsoft 365 backup', 'user', 20, 6],
          ['File backup, 1 TB', 'Cloud backup', 'flat', 1, 150],
        ],
        startsOn: '2025-03-01',
        amendments: [
          { kind: 'set_quantity', line: 0, from: 16, effectiveOn: '2025-09-01', note: 'Four new agents.' },
        ],
      }),
    ],
  },
  {
    name: 'Brasserie Lefèvre',
    kind: 'subscription',
    timeZone: 'Europe/Paris',
    taxRateBp: 2000,
    currency: 'EUR',
    locale: 'fr',
    domain: 'brasserie-lefevre.example',
    phone: '+33 3 ## ## ## ##',
    lead: 'Owner',
    about: 'Brasserie: offsite backup of the till and the accounting PC.',
    profile: { users: 7, endpoints: 6, remoteUsers: 0, criticality: 'low' },
    sites: [
      site('Brasserie', addr('17 place du Général de Gaulle', '59800', 'Lille', 'FR', 'Hauts-de-France')),
    ],
    intendedAgreements: [
      subscription({
        name: 'Offsite backup',
        services: ['backup'],
        lines: [['Offsite backup, two devices', 'Cloud backup', 'flat', 1, 49]],
        startsOn: '2025-07-01',
        compliance: ['GDPR'],
      }),
    ],
  },
  {
    name: 'Tidewater Marine Supply',
    kind: 'subscription',
    timeZone: 'America/New_York',
    taxRateBp: 0,
    currency: 'USD',
    locale: 'en-us',
    domain: 'tidewater-marine.example',
    phone: '+1 757 555 01##',
    lead: 'General Manager',
    about: 'Chandlery and marine parts distributor; two servers backed up to our cloud every night.',
    profile: { users: 11, endpoints: 14, remoteUsers: 1, criticality: 'medium' },
    sites: [
      site('Norfolk store and warehouse', addr('1300 Hampton Boulevard', '23517', 'Norfolk', 'US', 'VA')),
    ],
    intendedAgreements: [
      subscription({
        name: 'Server backup',
        services: ['backup'],
        lines: [['Server backup, 30-day retention', 'Backup and recovery', 'device', 2, 79]],
        startsOn: '2024-06-01',
      }),
    ],
  },

  // ── Reseller customers: they only buy licences through the MSP ──
  {
    name: 'Kaufmann Elektro GmbH',
    kind: 'reseller',
    timeZone: 'Europe/Berlin',
    taxRateBp: 1900,
    currency: 'EUR',
    locale: 'de',
    domain: 'kaufmann-elektro.example',
    phone: '+49 711 #### ###',
    lead: 'Managing Director',
    about:
      "Electrical contractor; buys Microsoft 365 and antivirus through us, the owner's nephew does the IT.",
    profile: { users: 15, endpoints: 18, remoteUsers: 2, criticality: 'medium' },
    sites: [
      site('Stuttgart', addr('Heilbronner Straße 150', '70191', 'Stuttgart', 'DE', 'Baden-Württemberg')),
    ],
    intendedAgreements: [
      licenceResale({
        name: 'Licences',
        services: ['microsoft-365', 'antivirus'],
        lines: [
          ['Microsoft 365 Business Standard', 'Microsoft 365 Business Standard', 'licence', 15, 11.7],
          ['Antivirus', 'Antivirus', 'licence', 18, 3.1],
        ],
        termMonths: 12,
        startsOn: '2025-01-01',
        amendments: [
          {
            kind: 'set_quantity',
            line: 0,
            from: 12,
            effectiveOn: '2025-06-01',
            note: 'Three apprentices started.',
          },
        ],
      }),
    ],
  },
  {
    name: 'Moreau Immobilier',
    kind: 'reseller',
    timeZone: 'Europe/Paris',
    taxRateBp: 2000,
    currency: 'EUR',
    locale: 'fr',
    domain: 'moreau-immobilier.example',
    phone: '+33 5 ## ## ## ##',
    lead: 'Director',
    about: 'Estate agency with two branches; Microsoft 365 Business Premium through us, nothing else.',
    profile: { users: 10, endpoints: 12, remoteUsers: 3, criticality: 'medium' },
    sites: [
      site(
        'Bordeaux agency',
        addr("45 cours de l'Intendance", '33000', 'Bordeaux', 'FR', 'Nouvelle-Aquitaine'),
      ),
      site(
        'Arcachon agency',
        addr('8 boulevard de la Plage', '33120', 'Arcachon', 'FR', 'Nouvelle-Aquitaine'),
      ),
    ],
    intendedAgreements: [
      licenceResale({
        name: 'Microsoft 365',
        services: ['microsoft-365'],
        lines: [['Microsoft 365 Business Premium', 'Microsoft 365 Business Premium', 'licence', 10, 20.6]],
        termMonths: 12,
        startsOn: '2025-05-01',
      }),
    ],
  },
  {
    name: 'Great Lakes Tool & Die',
    kind: 'reseller',
    timeZone: 'America/New_York',
    taxRateBp: 800,
    currency: 'USD',
    locale: 'en-us',
    domain: 'greatlakes-tool.example',
    phone: '+1 216 555 01##',
    lead: 'IT Manager',
    about: 'Machine shop with its own IT manager, who buys Microsoft 365 and antivirus licences through us.',
    profile: { users: 40, endpoints: 45, remoteUsers: 2, criticality: 'high' },
    sites: [
      site('Cleveland plant', addr('4800 E 131st Street', '44105', 'Cleveland', 'US', 'OH')),
      site('Akron warehouse', addr('1250 Home Avenue', '44310', 'Akron', 'US', 'OH')),
    ],
    intendedAgreements: [
      licenceResale({
        name: 'Licences',
        services: ['microsoft-365', 'antivirus'],
        lines: [
          ['Microsoft 365 E3', 'Microsoft 365 E3', 'licence', 40, 36],
          ['Antivirus', 'Antivirus', 'licence', 45, 4],
        ],
        termMonths: 12,
        startsOn: '2024-10-01',
      }),
      retainer({
        name: 'Engineering retainer',
        amount: 3000,
        rate: 150,
        startsOn: '2025-04-01',
      }),
    ],
  },
  {
    name: 'Bellweather Publishing Ltd',
    kind: 'reseller',
    timeZone: 'Europe/London',
    taxRateBp: 2000,
    currency: 'GBP',
    locale: 'en-gb',
    domain: 'bellweather-books.example',
    phone: '+44 131 ### ####',
    lead: 'Publisher',
    about: 'Independent publisher: Microsoft 365 for everyone, Adobe Creative Cloud for the design team.',
    profile: { users: 13, endpoints: 15, remoteUsers: 4, criticality: 'low' },
    sites: [site('Edinburgh office', addr('21 Dundas Street', 'EH3 6QQ', 'Edinburgh', 'GB'))],
    intendedAgreements: [
      licenceResale({
        name: 'Licences',
        services: ['microsoft-365', 'adobe-creative-cloud'],
        lines: [
          ['Microsoft 365 Business Basic', 'Microsoft 365 Business Basic', 'licence', 13, 4.9],
          ['Adobe Creative Cloud All Apps', 'Adobe Creative Cloud All Apps', 'licence', 6, 64],
        ],
        termMonths: 12,
        startsOn: '2025-11-01',
      }),
    ],
  },

  // ── Break-fix clients: no recurring agreement, billed per intervention ──
  {
    name: 'Zahnarztpraxis Dr. Weiss',
    kind: 'break-fix',
    timeZone: 'Europe/Berlin',
    taxRateBp: 1900,
    currency: 'EUR',
    locale: 'de',
    domain: 'zahnarzt-weiss.example',
    phone: '+49 761 ######',
    lead: 'Dentist and Owner',
    about: 'Single dental practice; calls when something breaks, usually the X-ray workstation.',
    profile: { users: 5, endpoints: 7, remoteUsers: 0, criticality: 'medium' },
    sites: [
      site(
        'Praxis',
        addr('Kaiser-Joseph-Straße 240', '79098', 'Freiburg im Breisgau', 'DE', 'Baden-Württemberg'),
      ),
    ],
    intendedAgreements: [timeAndMaterials({ name: 'Pay as you go', rate: 95, startsOn: '2024-03-01' })],
  },
  {
    name: 'Bistro Verde',
    kind: 'break-fix',
    timeZone: 'Europe/Lisbon',
    taxRateBp: 2300,
    currency: 'EUR',
    locale: 'pt',
    domain: 'bistroverde.example',
    phone: '+351 22 ### ####',
    lead: 'Owner',
    about: 'Small restaurant: the till, the Wi-Fi and a laptop. Calls a few times a year.',
    profile: { users: 4, endpoints: 3, remoteUsers: 0, criticality: 'low' },
    sites: [site('Restaurant', addr('Rua das Flores 87', '4050-265', 'Porto', 'PT'))],
    intendedAgreements: [timeAndMaterials({ name: 'Pay as you go', rate: 65, startsOn: '2025-04-01' })],
  },
  {
    name: 'Hudson Valley Print Shop',
    kind: 'break-fix',
    timeZone: 'America/New_York',
    taxRateBp: 800,
    currency: 'USD',
    locale: 'en-us',
    domain: 'hvprintshop.example',
    phone: '+1 845 555 01##',
    lead: 'Owner',
    about: 'Print shop: a RIP server, two Macs and a lot of printer drivers.',
    profile: { users: 6, endpoints: 8, remoteUsers: 0, criticality: 'low' },
    sites: [site('Shop', addr('314 Wall Street', '12401', 'Kingston', 'US', 'NY'))],
    intendedAgreements: [timeAndMaterials({ name: 'Pay as you go', rate: 125, startsOn: '2024-08-01' })],
  },
  {
    name: 'Kowalczyk Auto Repair',
    kind: 'break-fix',
    timeZone: 'America/Chicago',
    taxRateBp: 550,
    currency: 'USD',
    locale: 'en-us',
    domain: 'kowalczyk-auto.example',
    phone: '+1 414 555 01##',
    lead: 'Owner',
    about: 'Garage with a diagnostics PC, a front-desk PC and the shop management software.',
    profile: { users: 7, endpoints: 6, remoteUsers: 0, criticality: 'low' },
    sites: [site('Garage', addr('2130 S Kinnickinnic Avenue', '53207', 'Milwaukee', 'US', 'WI'))],
    intendedAgreements: [timeAndMaterials({ name: 'Pay as you go', rate: 110, startsOn: '2025-01-01' })],
  },
  {
    name: 'Fairway Insurance Brokers',
    kind: 'break-fix',
    timeZone: 'Europe/London',
    taxRateBp: 2000,
    currency: 'GBP',
    locale: 'en-gb',
    domain: 'fairway-insurance.example',
    phone: '+44 113 ### ####',
    lead: 'Managing Director',
    about:
      'Brokers who buy blocks of hours and run through them fast: two offices, remote staff and regulated ' +
      'data say they should be on a plan.',
    profile: { users: 14, endpoints: 18, remoteUsers: 5, criticality: 'high' },
    sites: [
      site('Leeds office', addr('10 Park Row', 'LS1 5HD', 'Leeds', 'GB')),
      site('York office', addr('33 Micklegate', 'YO1 6JH', 'York', 'GB')),
    ],
    intendedAgreements: [
      blockOfHours({
        name: '10-hour block',
        hours: 10,
        price: 850,
        overageRate: 95,
        rollover: true,
        startsOn: '2026-01-01',
        compliance: ['GDPR'],
      }),
      blockOfHours({
        name: '10-hour block, 2025',
        hours: 10,
        price: 800,
        overageRate: 90,
        startsOn: '2025-01-01',
        compliance: ['GDPR'],
        ending: {
          status: 'expired',
          on: '2025-12-31',
          reason: 'The 2025 block ran out; a 2026 block replaced it.',
        },
      }),
      managed({
        name: 'Managed IT Complete (proposal)',
        per: 'user',
        quantity: 14,
        unitPrice: 150,
        termMonths: 12,
        slaTier: 'business-hours',
        extraRate: 95,
        startsOn: '2027-01-01',
        compliance: ['GDPR'],
        draft: true,
      }),
    ],
  },
  {
    name: 'Studio Tremblay Photographie',
    kind: 'break-fix',
    timeZone: 'America/Toronto',
    taxRateBp: 1498,
    currency: 'CAD',
    locale: 'fr-ca',
    domain: 'studio-tremblay.example',
    phone: '+1 514 555 01##',
    lead: 'Photographer and Owner',
    about: 'Photo studio: two editing workstations and a NAS full of RAW files.',
    profile: { users: 3, endpoints: 4, remoteUsers: 1, criticality: 'low' },
    sites: [site('Studio', addr('5455 avenue de Gaspé', 'H2T 3B3', 'Montréal', 'CA', 'QC'))],
    intendedAgreements: [timeAndMaterials({ name: 'Pay as you go', rate: 95, startsOn: '2025-06-01' })],
  },
  {
    name: 'Aegean Travel',
    kind: 'break-fix',
    status: 'inactive',
    timeZone: 'Europe/Athens',
    taxRateBp: 2400,
    currency: 'EUR',
    locale: 'el',
    domain: 'aegean-travel.example',
    phone: '+30 21 #### ####',
    lead: 'Owner',
    about: 'Travel agency; no job since March 2025, kept for its history.',
    profile: { users: 6, endpoints: 6, remoteUsers: 0, criticality: 'medium' },
    sites: [site('Athens office', addr('Ermou 56', '105 63', 'Athens', 'GR'))],
    intendedAgreements: [timeAndMaterials({ name: 'Pay as you go', rate: 60, startsOn: '2023-05-01' })],
  },

  // ── Hybrids: a managed agreement for part of the environment, pay per hour for the rest ──
  {
    name: 'Baltic Gate Shipping GmbH',
    kind: 'hybrid',
    timeZone: 'Europe/Berlin',
    taxRateBp: 1900,
    currency: 'EUR',
    locale: 'de',
    domain: 'balticgate-shipping.example',
    phone: '+49 40 #### ####',
    lead: 'Managing Director',
    about:
      'Shipping agency: the head-office servers and network are managed under an SLA; workstations and ' +
      'the branch offices are pay per hour.',
    profile: { users: 38, endpoints: 52, remoteUsers: 6, criticality: 'high' },
    sites: [
      site('Hamburg (head office)', addr('Große Elbstraße 145', '22767', 'Hamburg', 'DE', 'Hamburg')),
      site('Bremen office', addr('Am Speicher XI 1', '28217', 'Bremen', 'DE', 'Bremen')),
      site('Kiel office', addr('Kaistraße 80', '24114', 'Kiel', 'DE', 'Schleswig-Holstein')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed infrastructure',
        services: ['monitoring', 'patching', 'backup', 'security', 'network'],
        item: 'Managed infrastructure',
        per: 'device',
        quantity: 14,
        unitPrice: 45,
        termMonths: 12,
        slaTier: 'extended',
        extraRate: 95,
        startsOn: '2025-03-01',
        coverage: 'Head-office servers, firewalls and switches',
        compliance: ['GDPR'],
      }),
      timeAndMaterials({
        name: 'Workstations and branches',
        rate: 95,
        startsOn: '2025-03-01',
        coverage: 'Workstations and the Bremen and Kiel offices',
      }),
    ],
  },
  {
    name: 'Sierra Nevada Orthopedics',
    kind: 'hybrid',
    timeZone: 'America/Los_Angeles',
    taxRateBp: 0,
    currency: 'USD',
    locale: 'en-us',
    domain: 'sierranevada-ortho.example',
    phone: '+1 775 555 01##',
    lead: 'Practice Manager',
    about:
      'The Reno clinic is on a full managed plan; the surgery center in Carson City, bought last year, is ' +
      'still pay per hour.',
    profile: { users: 30, endpoints: 45, remoteUsers: 2, criticality: 'critical' },
    sites: [
      site('Reno clinic', addr('645 N Arlington Avenue', '89503', 'Reno', 'US', 'NV')),
      site('Carson City surgery center', addr('1500 E William Street', '89701', 'Carson City', 'US', 'NV')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed IT Complete, Reno',
        per: 'user',
        quantity: 20,
        unitPrice: 150,
        termMonths: 24,
        slaTier: 'extended',
        extraRate: 140,
        startsOn: '2025-07-01',
        coverage: 'Reno clinic',
        compliance: ['HIPAA'],
        amendments: [
          {
            kind: 'set_quantity',
            line: 0,
            from: 16,
            effectiveOn: '2026-03-01',
            note: 'Two physician assistants and two front-desk staff at Reno.',
          },
        ],
      }),
      timeAndMaterials({
        name: 'Surgery center',
        rate: 140,
        startsOn: '2025-07-01',
        coverage: 'Carson City surgery center',
        compliance: ['HIPAA'],
      }),
    ],
  },
  {
    name: 'Bellamy & Cross Recruitment',
    kind: 'hybrid',
    timeZone: 'Europe/London',
    taxRateBp: 2000,
    currency: 'GBP',
    locale: 'en-gb',
    domain: 'bellamycross.example',
    phone: '+44 117 ### ####',
    lead: 'Operations Director',
    about:
      'Recruiters: desktops are managed with a helpdesk SLA; on-site visits and projects are billed by the hour.',
    profile: { users: 24, endpoints: 28, remoteUsers: 10, criticality: 'medium' },
    sites: [
      site('Bristol office', addr('1 Victoria Street', 'BS1 6AA', 'Bristol', 'GB')),
      site('Cardiff office', addr('2 Callaghan Square', 'CF10 5AZ', 'Cardiff', 'GB')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed desktop',
        services: ['helpdesk', 'monitoring', 'patching'],
        item: 'Managed IT Essentials',
        per: 'user',
        quantity: 24,
        unitPrice: 55,
        termMonths: 12,
        slaTier: 'business-hours',
        extraRate: 85,
        startsOn: '2025-10-01',
        coverage: 'Desktops and laptops: helpdesk, monitoring and patching',
        compliance: ['GDPR'],
      }),
      timeAndMaterials({
        name: 'On-site and projects',
        rate: 85,
        startsOn: '2025-10-01',
        coverage: 'On-site visits, office moves and projects',
      }),
    ],
  },
  {
    name: 'Casa Oliveira Restaurantes',
    kind: 'hybrid',
    timeZone: 'Europe/Lisbon',
    taxRateBp: 2300,
    currency: 'EUR',
    locale: 'pt',
    domain: 'casaoliveira.example',
    phone: '+351 21 ### ####',
    lead: 'Operations Manager',
    about:
      'Four restaurants: network and tills are managed per site with an evening SLA; the office PCs are ' +
      'pay per hour.',
    profile: { users: 22, endpoints: 18, remoteUsers: 0, criticality: 'medium' },
    sites: [
      site('Chiado', addr('Rua Garrett 60', '1200-204', 'Lisboa', 'PT'), { notes: 'Also the head office.' }),
      site('Alfama', addr('Rua de São Miguel 15', '1100-544', 'Lisboa', 'PT')),
      site('Cascais', addr('Rua Frederico Arouca 45', '2750-355', 'Cascais', 'PT')),
      site('Porto', addr('Rua de Santa Catarina 210', '4000-442', 'Porto', 'PT')),
    ],
    intendedAgreements: [
      managed({
        name: 'Managed network and tills',
        services: ['monitoring', 'network', 'backup'],
        item: 'Managed network',
        per: 'site',
        quantity: 4,
        unitPrice: 120,
        termMonths: 12,
        slaTier: 'extended',
        extraRate: 60,
        startsOn: '2025-05-01',
        coverage: 'Network and tills at the four restaurants',
        compliance: ['PCI-DSS'],
      }),
      timeAndMaterials({
        name: 'Office and everything else',
        rate: 60,
        startsOn: '2025-05-01',
        coverage: 'Office PCs and anything not on the network plan',
      }),
    ],
  },

  // ── Prospects: nothing billed yet ──
  {
    name: 'Nieminen Design Oy',
    kind: 'prospect',
    timeZone: 'Europe/Helsinki',
    taxRateBp: 2550,
    currency: 'EUR',
    locale: 'fi',
    domain: 'nieminen-design.example',
    phone: '+358 9 ### ####',
    lead: 'Creative Director',
    about: 'Design studio met at a trade fair: Macs, shared drives, half the team remote; wants a quote.',
    profile: { users: 8, endpoints: 10, remoteUsers: 4, criticality: 'medium' },
    sites: [site('Helsinki studio', addr('Fredrikinkatu 42', '00100', 'Helsinki', 'FI'))],
    intendedAgreements: [],
  },
  {
    name: 'Prairie Wind Farms Co-op',
    kind: 'prospect',
    timeZone: 'America/Winnipeg',
    taxRateBp: 1200,
    currency: 'CAD',
    locale: 'en-us',
    domain: 'prairiewind-coop.example',
    phone: '+1 204 555 01##',
    lead: 'General Manager',
    about:
      'Farm co-operative asking whether break-fix is enough for an office and a field station on satellite.',
    profile: { users: 6, endpoints: 9, remoteUsers: 3, criticality: 'medium' },
    sites: [
      site('Winnipeg office', addr('330 Portage Avenue', 'R3C 0C4', 'Winnipeg', 'CA', 'MB')),
      site('Field station', addr('Highway 2 West', 'R0G 0N0', 'Elm Creek', 'CA', 'MB'), {
        notes: 'Satellite link only.',
      }),
    ],
    intendedAgreements: [],
  },
  {
    name: 'Rivera Family Law',
    kind: 'prospect',
    timeZone: 'America/Denver',
    taxRateBp: 788,
    currency: 'USD',
    locale: 'en-us',
    domain: 'rivera-familylaw.example',
    phone: '+1 505 555 01##',
    lead: 'Attorney',
    about: 'Two-attorney firm after a ransomware scare, comparing break-fix with a managed plan.',
    profile: { users: 5, endpoints: 6, remoteUsers: 1, criticality: 'medium' },
    sites: [site('Office', addr('320 Gold Avenue SW', '87102', 'Albuquerque', 'US', 'NM'))],
    intendedAgreements: [],
  },
  {
    name: 'Kaiser Apotheke',
    kind: 'prospect',
    status: 'onboarding',
    timeZone: 'Europe/Vienna',
    taxRateBp: 2000,
    currency: 'EUR',
    locale: 'de',
    domain: 'kaiser-apotheke.example',
    phone: '+43 1 ### ## ##',
    lead: 'Pharmacist and Owner',
    about: 'Pharmacy: a managed plan agreed in principle, onboarding starts in December; nothing billed yet.',
    profile: { users: 9, endpoints: 12, remoteUsers: 0, criticality: 'high' },
    sites: [site('Apotheke', addr('Mariahilfer Straße 88', '1070', 'Wien', 'AT'))],
    intendedAgreements: [],
  },
];

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
function contactsFor(base: Base): DemoContact[] {
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

export const demoClients: readonly DemoClientSpec[] = bases.map((b) => ({
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
