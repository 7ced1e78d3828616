/**
 * The demo MSP's catalog: the services it sells, the plans (tiers) that bundle them, the products
 * and licences it resells, and two work types beyond the built-in ones. Data only; `keel seed --demo`
 * writes it through the catalog service (the SLA tiers agreements refer to are in ./sla.ts).
 *
 * Prices are list prices in minor units. The catalog has no currency (one list for every client);
 * each agreement line carries the price actually agreed in the client's currency.
 */
import type { LineUnit } from '../../domain/agreements/types.js';
import { minor, type Service, type WorkType } from './agreements.js';

export type DemoService = {
  name: string;
  categoryCode: string;
  description: string;
  unit: LineUnit;
  price: number;
  cost: number;
};
export type DemoPlan = {
  name: string;
  description: string;
  unit: LineUnit;
  price: number;
  services: string[];
};
export type DemoProduct = {
  name: string;
  sku: string;
  vendor: string;
  categoryCode: string;
  unit: LineUnit;
  cost: number;
  price: number;
};
export type DemoWorkType = {
  code: WorkType;
  name: string;
  billable: boolean;
  internal: boolean;
  defaultRate: number;
};

const service = (
  name: string,
  categoryCode: string,
  unit: LineUnit,
  price: number,
  cost: number,
  description: string,
): DemoService => ({ name, categoryCode, unit, price: minor(price), cost: minor(cost), description });

export const demoServices: readonly DemoService[] = [
  service(
    'Remote monitoring',
    'monitoring',
    'per_device',
    12,
    3,
    'RMM agent, alerting and a monthly health report.',
  ),
  service(
    'Patch management',
    'patching',
    'per_device',
    8,
    2,
    'Operating system and third-party patches, tested in rings.',
  ),
  service(
    'Backup and recovery',
    'backup',
    'per_device',
    25,
    9,
    'Image backup of servers and PCs with a quarterly restore test.',
  ),
  service('Cloud backup', 'backup', 'flat', 89, 30, 'Offsite backup to our cloud, 1 TB, 30-day retention.'),
  service(
    'Microsoft 365 backup',
    'backup',
    'per_user',
    5,
    1.5,
    'Mail, OneDrive, SharePoint and Teams, kept for a year.',
  ),
  service('Helpdesk', 'helpdesk', 'per_user', 45, 20, 'Unlimited remote support by phone, email and portal.'),
  service('Endpoint security', 'security', 'per_device', 9, 3, 'EDR with a 24x7 security operations centre.'),
  service(
    'Email security',
    'email',
    'per_user',
    4,
    1,
    'Filtering, impersonation protection and MFA enforcement.',
  ),
  service(
    'Network management',
    'network',
    'per_site',
    120,
    35,
    'Firewall, switches and Wi-Fi watched and kept up to date.',
  ),
];

export const demoPlans: readonly DemoPlan[] = [
  {
    name: 'Managed IT Complete',
    description: 'The full managed stack: monitoring, patching, backup, helpdesk and security.',
    unit: 'per_user',
    price: minor(150),
    services: [
      'Remote monitoring',
      'Patch management',
      'Backup and recovery',
      'Helpdesk',
      'Endpoint security',
    ],
  },
  {
    name: 'Managed IT Essentials',
    description: 'Monitoring, patching and the helpdesk; backup and security are extra.',
    unit: 'per_user',
    price: minor(95),
    services: ['Remote monitoring', 'Patch management', 'Helpdesk'],
  },
  {
    name: 'Managed infrastructure',
    description: 'Servers, firewalls and switches: monitored, patched, backed up and secured.',
    unit: 'per_device',
    price: minor(45),
    services: [
      'Remote monitoring',
      'Patch management',
      'Backup and recovery',
      'Endpoint security',
      'Network management',
    ],
  },
  {
    name: 'Monitoring and patching',
    description: 'For clients with their own helpdesk: we watch and patch.',
    unit: 'per_device',
    price: minor(18),
    services: ['Remote monitoring', 'Patch management'],
  },
  {
    name: 'Security essentials',
    description: 'Endpoint protection and email filtering.',
    unit: 'per_device',
    price: minor(9),
    services: ['Endpoint security', 'Email security'],
  },
  {
    name: 'Managed network',
    description: 'A site’s network and tills: monitored, managed and backed up.',
    unit: 'per_site',
    price: minor(120),
    services: ['Remote monitoring', 'Network management', 'Backup and recovery'],
  },
];

const product = (
  name: string,
  sku: string,
  vendor: string,
  unit: LineUnit,
  cost: number,
  price: number,
): DemoProduct => ({
  name,
  sku,
  vendor,
  categoryCode: 'licences',
  unit,
  cost: minor(cost),
  price: minor(price),
});

export const demoProducts: readonly DemoProduct[] = [
  product('Microsoft 365 Business Basic', 'CFQ7TTC0LH18', 'Microsoft', 'per_user', 4.2, 4.9),
  product('Microsoft 365 Business Standard', 'CFQ7TTC0LDPB', 'Microsoft', 'per_user', 10.5, 11.7),
  product('Microsoft 365 Business Premium', 'CFQ7TTC0LCHC', 'Microsoft', 'per_user', 18.6, 20.6),
  product('Microsoft 365 E3', 'CFQ7TTC0LFLX', 'Microsoft', 'per_user', 32, 36),
  product('Antivirus', 'AV-BIZ-1Y', 'Bitdefender', 'per_device', 2.4, 3.5),
  product('Adobe Creative Cloud All Apps', '65297757BA01A12', 'Adobe', 'per_user', 56, 64),
];

export const demoWorkTypes: readonly DemoWorkType[] = [
  { code: 'cabling', name: 'Structured cabling', billable: true, internal: false, defaultRate: minor(95) },
  {
    code: 'hardware-repair',
    name: 'Hardware repair',
    billable: true,
    internal: false,
    defaultRate: minor(95),
  },
];

/**
 * The service category each service of the demo vocabulary delivers; on-site support is a kind of
 * work (work type `onsite`), not a category.
 */
export const categoryOf: Record<Service, string | null> = {
  monitoring: 'monitoring',
  patching: 'patching',
  backup: 'backup',
  helpdesk: 'helpdesk',
  security: 'security',
  network: 'network',
  'onsite-support': null,
  'email-security': 'email',
  'm365-backup': 'backup',
  'microsoft-365': 'licences',
  antivirus: 'licences',
  'adobe-creative-cloud': 'licences',
};

export type CatalogItem =
  | { type: 'service'; name: string; unit: LineUnit; categories: string[] }
  | { type: 'plan'; name: string; unit: LineUnit; categories: string[] }
  | { type: 'product'; name: string; unit: LineUnit; categories: string[] };

const byName = new Map<string, CatalogItem>();
for (const s of demoServices)
  byName.set(s.name, { type: 'service', name: s.name, unit: s.unit, categories: [s.categoryCode] });
for (const p of demoPlans) {
  const categories = p.services.map((name) => demoServices.find((s) => s.name === name)!.categoryCode);
  byName.set(p.name, {
    type: 'plan',
    name: p.name,
    unit: p.unit,
    categories: [...new Set(categories)].sort(),
  });
}
for (const p of demoProducts)
  byName.set(p.name, { type: 'product', name: p.name, unit: p.unit, categories: [p.categoryCode] });

/** A catalog service, plan or product by name; throws for a name the demo catalog does not have. */
export function catalogItem(name: string): CatalogItem {
  const item = byName.get(name);
  if (!item) throw new Error(`The demo catalog has no service, plan or product named "${name}".`);
  return item;
}
