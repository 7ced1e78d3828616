/**
 * The demo MSP's asset register: for every client it looks after devices for (contract clients,
 * single-service contracts with a device service, hybrids, and the subscriptions that back up named
 * servers), its servers, network devices, printers, cloud services and computers, with host names,
 * operating systems, serial numbers, purchase and warranty dates, owners, and the monitoring
 * identities the demo's alerts carry (./alerts.ts).
 *
 * Managed (counted toward per-device billing) is what the client's managed agreement covers. A
 * per-device agreement has every one of its devices listed, so the managed count is the agreement's
 * quantity; a per-user or per-site client lists its infrastructure and a sample of its computers
 * (its contacts' own first): the embedded store writes a few dozen assets a second, and the whole
 * demo seed keeps to a time budget.
 *
 * Data only, and deterministic: each client's register comes from a generator seeded by its name;
 * dates count back from `today`, so some warranties run out soon whatever day the demo is seeded on.
 */
import { addDays, addMonths } from '../../domain/agreements/dates.js';
import type { AssetType, IdentityLabel } from '../../domain/assets/types.js';
import {
  type Coverage,
  type Estate,
  estates,
  SAMPLE_COMPUTERS,
  type ServerCode,
  type Vendor,
} from './asset-estates.js';
import type { DemoClientSpec } from './clients.js';
import { type Rng, seededRng } from './random.js';
import { initialsOf } from './tickets.js';

export { clientsWithAssets, SAMPLE_COMPUTERS } from './asset-estates.js';

/** What an asset does for the client: the alert plan picks what to watch by it. */
export type AssetRole =
  | 'hypervisor'
  | 'domain-controller'
  | 'file-server'
  | 'app-server'
  | 'sql-server'
  | 'backup-server'
  | 'till-server'
  | 'firewall'
  | 'switch'
  | 'access-point'
  | 'printer'
  | 'laptop'
  | 'desktop'
  | 'till'
  | 'tenant'
  | 'website';

export type DemoAsset = {
  /** Unique within the client: what the seed finds it by. */
  name: string;
  role: AssetRole;
  type: AssetType;
  site: string;
  hostname: string | null;
  address: string | null;
  os: string | null;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  managed: boolean;
  /** The email of the contact who uses it. */
  owner: string | null;
  notes: string;
  identities: IdentityLabel[];
};

const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const HEX = '0123456789ABCDEF';
const chars = (rng: Rng, set: string, n: number) =>
  Array.from({ length: n }, () => set[rng.int(0, set.length - 1)]).join('');

type Hardware = { manufacturer: string; model: string; serial: (rng: Rng) => string };

const computerModels: Record<Vendor, { laptop: string[]; desktop: string[]; serial: (rng: Rng) => string }> =
  {
    Dell: {
      laptop: ['Latitude 5440', 'Latitude 5450', 'Latitude 7440'],
      desktop: ['OptiPlex 7010 Micro', 'OptiPlex 7020 Micro'],
      serial: (rng) => chars(rng, ALNUM, 7),
    },
    HP: {
      laptop: ['EliteBook 840 G10', 'EliteBook 840 G11', 'ProBook 450 G10'],
      desktop: ['Elite Mini 800 G9', 'ProDesk 400 G9 SFF'],
      serial: (rng) => `5CG${chars(rng, ALNUM, 7)}`,
    },
    Lenovo: {
      laptop: ['ThinkPad T14 Gen 4', 'ThinkPad T14 Gen 5', 'ThinkPad L14 Gen 4'],
      desktop: ['ThinkCentre M70q Gen 4', 'ThinkCentre M90q Gen 4'],
      serial: (rng) => `PF${chars(rng, ALNUM, 6)}`,
    },
    Apple: {
      laptop: ['MacBook Pro 14-inch (M3 Pro, 2023)', 'MacBook Air 13-inch (M2, 2022)'],
      desktop: ['iMac 24-inch (M3, 2023)', 'Mac Studio (M2 Max, 2023)'],
      serial: (rng) => chars(rng, ALNUM, 10),
    },
  };

const serverModels: Record<Vendor, Hardware> = {
  Dell: { manufacturer: 'Dell', model: 'PowerEdge R650xs', serial: (rng) => chars(rng, ALNUM, 7) },
  HP: { manufacturer: 'HPE', model: 'ProLiant DL380 Gen11', serial: (rng) => `CZJ${chars(rng, ALNUM, 7)}` },
  Lenovo: {
    manufacturer: 'Lenovo',
    model: 'ThinkSystem SR650 V3',
    serial: (rng) => `J30${chars(rng, ALNUM, 5)}`,
  },
  Apple: { manufacturer: 'Dell', model: 'PowerEdge T350', serial: (rng) => chars(rng, ALNUM, 7) },
};

const towerModels: Record<Vendor, Hardware> = {
  Dell: { manufacturer: 'Dell', model: 'PowerEdge T350', serial: (rng) => chars(rng, ALNUM, 7) },
  HP: { manufacturer: 'HPE', model: 'ProLiant ML110 Gen11', serial: (rng) => `CZJ${chars(rng, ALNUM, 7)}` },
  Lenovo: {
    manufacturer: 'Lenovo',
    model: 'ThinkSystem ST250 V3',
    serial: (rng) => `J30${chars(rng, ALNUM, 5)}`,
  },
  Apple: { manufacturer: 'Dell', model: 'PowerEdge T350', serial: (rng) => chars(rng, ALNUM, 7) },
};

const hyperVSerial = (rng: Rng) =>
  `${[4, 4, 4, 4, 4, 4, 2].map((n) => chars(rng, '0123456789', n)).join('-')}`;

const serverRoles: Record<ServerCode, { role: AssetRole; what: string }> = {
  HV01: { role: 'hypervisor', what: 'Hyper-V host' },
  HV02: { role: 'hypervisor', what: 'Second Hyper-V host (failover cluster)' },
  DC01: { role: 'domain-controller', what: 'Domain controller, DNS and DHCP' },
  DC02: { role: 'domain-controller', what: 'Second domain controller' },
  FS01: { role: 'file-server', what: 'File server' },
  APP01: { role: 'app-server', what: 'Line-of-business application server' },
  SQL01: { role: 'sql-server', what: 'SQL Server 2022 Standard' },
  BK01: { role: 'backup-server', what: 'Veeam Backup & Replication server with local repository' },
  POS01: { role: 'till-server', what: 'Till server: point-of-sale database, backed up nightly' },
};

const serverOs = [
  'Windows Server 2022 Standard',
  'Windows Server 2019 Standard',
  'Windows Server 2025 Standard',
];
const workstationOs = [
  'Windows 11 Pro 23H2',
  'Windows 11 Pro 24H2',
  'Windows 11 Pro 24H2',
  'Windows 10 Pro 22H2',
];
const macOs = ['macOS 15 Sequoia', 'macOS 14 Sonoma'];

/** The client's mail domain: its contacts' addresses all share it. */
export const domainOf = (spec: DemoClientSpec) => spec.contacts[0]!.email.split('@')[1]!;

/** A server's fully qualified name on the client's network. */
export const fqdnOf = (spec: DemoClientSpec, hostname: string) =>
  `${hostname.toLowerCase()}.corp.${domainOf(spec)}`;

/** The monitor name Uptime Kuma shows for a client's web service: "Brightwater Dental website". */
export const monitorName = (spec: DemoClientSpec, what: string) =>
  `${spec.name.split(/\s+/).slice(0, 2).join(' ')} ${what}`;

/** Windows hosts are scraped by windows_exporter, the others by node_exporter. */
const exporterPort = (os: string | null) => (os?.startsWith('Windows') ? 9182 : 9100);

/** A server's identities: the Prometheus target and the host name alerts and the backup console carry. */
export const serverIdentities = (fqdn: string, os: string | null): IdentityLabel[] => [
  { key: 'instance', value: `${fqdn}:${exporterPort(os)}` },
  { key: 'host', value: fqdn },
];

/** Words that say what a site is rather than which it is ("Hotel Seefeld"). */
const generic = new Set(['hotel', 'office', 'clinic', 'the']);

/** A branch's three-letter code in device names: "Hotel Kitzbühel" → "KIT", "Cork clinic" → "COR". */
const siteCode = (site: string) => {
  const words = site
    .replace(/\(.*\)/g, '')
    .trim()
    .split(/\s+/);
  const word = words.find((w) => !generic.has(w.toLowerCase())) ?? words[0]!;
  return word.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 3).toUpperCase();
};

function managedBy(coverage: Coverage, asset: Pick<DemoAsset, 'role' | 'type' | 'site'>, headOffice: string) {
  const computer = asset.type === 'laptop' || asset.type === 'workstation';
  const server = asset.type === 'server';
  // Printers are the dealer's, cloud services no device: neither is ever billed per device.
  if (asset.type === 'printer' || asset.type === 'cloud_service') return false;
  switch (coverage) {
    case 'everything':
      return true;
    case 'computers':
      return computer || server;
    case 'workstations':
      return computer;
    case 'head-office-infrastructure':
      return asset.site === headOffice && (server || asset.role === 'firewall' || asset.role === 'switch');
    case 'head-office':
      return asset.site === headOffice;
    case 'network-and-tills':
      return asset.type === 'network_device' || asset.role === 'till' || asset.role === 'till-server';
    case 'servers':
      return server;
  }
}

/**
 * Purchase and warranty dates: bought `ageDays` before today, warranty `months` long (null: none, a
 * lifetime one, or a virtual machine).
 */
function dated(today: string, ageDays: number, months: number | null) {
  const purchaseDate = addDays(today, -ageDays);
  return { purchaseDate, warrantyEnd: months === null ? null : addDays(addMonths(purchaseDate, months), -1) };
}

/** The client's register, or none when the demo keeps none for it. */
export function demoAssetsOf(spec: DemoClientSpec, today: string): DemoAsset[] {
  const estate = estates[spec.name];
  if (!estate) return [];
  const rng = seededRng(`${spec.name} assets`);
  const ini = initialsOf(spec.name);
  const domain = domainOf(spec);
  const headOffice = spec.sites[0]!.name;
  const out: DemoAsset[] = [];
  const add = (a: Omit<DemoAsset, 'managed'>) =>
    out.push({ ...a, managed: managedBy(estate.coverage, a, headOffice) });

  const virtualised = estate.servers.includes('HV01');
  for (const code of estate.servers) {
    const { role, what } = serverRoles[code];
    const name = `${ini}-${code}`;
    const physical = !virtualised || role === 'hypervisor' || role === 'backup-server';
    const synology = estate.vendor === 'Apple' && role === 'file-server';
    const os = synology
      ? 'Synology DSM 7.2.2'
      : role === 'hypervisor'
        ? 'Windows Server 2022 Datacenter'
        : role === 'till-server'
          ? 'Windows Server 2019 Standard'
          : rng.pick(serverOs);
    const hardware: Hardware = synology
      ? {
          manufacturer: 'Synology',
          model: 'RackStation RS1221+',
          serial: (r) => `2270PDN${chars(r, '0123456789', 6)}`,
        }
      : physical
        ? (virtualised ? serverModels : towerModels)[estate.vendor]
        : { manufacturer: 'Microsoft', model: 'Hyper-V virtual machine', serial: hyperVSerial };
    const fqdn = fqdnOf(spec, name);
    add({
      name,
      role,
      type: 'server',
      site: headOffice,
      hostname: name,
      address: fqdn,
      os,
      manufacturer: hardware.manufacturer,
      model: hardware.model,
      serialNumber: hardware.serial(rng),
      ...(physical ? dated(today, rng.int(200, 2000), 60) : { purchaseDate: null, warrantyEnd: null }),
      owner: null,
      notes: role === 'app-server' && estate.app ? estate.app : what,
      identities: serverIdentities(fqdn, os),
    });
  }

  spec.sites.forEach((site, index) => {
    const code = index === 0 ? '' : `-${siteCode(site.name)}`;
    const big = index === 0;
    const firewalls = big && estate.firewallPair ? 2 : 1;
    if (estate.switches === 0) return;
    for (let n = 1; n <= firewalls; n++) {
      const name = `${ini}${code}-FW0${n}`;
      const model =
        big && (estate.firewallPair || estate.computers > 50) ? 'FortiGate 100F' : 'FortiGate 60F';
      add({
        name,
        role: 'firewall',
        type: 'network_device',
        site: site.name,
        hostname: name,
        address: `10.${10 + index}.0.${n}`,
        os: rng.pick(['FortiOS 7.4.4', 'FortiOS 7.2.8']),
        manufacturer: 'Fortinet',
        model,
        serialNumber: `${model === 'FortiGate 100F' ? 'FG100FTK' : 'FGT60FTK'}${chars(rng, '0123456789', 8)}`,
        ...dated(today, rng.int(100, 1300), 36),
        owner: null,
        notes: firewalls === 2 ? 'Active-passive pair (FGCP).' : 'Internet gateway and site-to-site VPN.',
        identities: [{ key: 'host', value: name.toLowerCase() }],
      });
    }
    const switches = big ? estate.switches : 1;
    for (let n = 1; n <= switches; n++) {
      const name = `${ini}${code}-SW0${n}`;
      add({
        name,
        role: 'switch',
        type: 'network_device',
        site: site.name,
        hostname: name,
        address: `10.${10 + index}.0.${10 + n}`,
        os: 'Aruba Instant On 3.0.1',
        manufacturer: 'HPE Aruba Networking',
        model: n <= 2 && switches > 2 ? 'Instant On 1960 48G' : 'Instant On 1930 24G PoE',
        serialNumber: `CN${chars(rng, ALNUM, 8)}`,
        ...dated(today, rng.int(100, 1800), null),
        owner: null,
        notes: switches > 2 && n <= 2 ? 'Core switch (stacked).' : 'Limited lifetime warranty.',
        identities: [{ key: 'host', value: name.toLowerCase() }],
      });
    }
    for (let n = 1; n <= (estate.accessPoints ?? 0); n++) {
      const name = `${ini}${code}-AP0${n}`;
      add({
        name,
        role: 'access-point',
        type: 'network_device',
        site: site.name,
        hostname: name,
        address: `10.${10 + index}.0.${30 + n}`,
        os: 'UniFi AP firmware 6.6.77',
        manufacturer: 'Ubiquiti',
        model: 'UniFi U6 Pro',
        serialNumber: chars(rng, HEX, 12),
        ...dated(today, rng.int(60, 900), 12),
        owner: null,
        notes: estate.tillsPerSite
          ? 'Staff and guest Wi-Fi; tills on the staff network.'
          : 'Staff and guest Wi-Fi.',
        identities: [{ key: 'host', value: name.toLowerCase() }],
      });
    }
    for (let n = 1; n <= (estate.tillsPerSite ?? 0); n++) {
      const name = `${ini}-TILL-${siteCode(site.name)}${n}`;
      add({
        name,
        role: 'till',
        type: 'other',
        site: site.name,
        hostname: name,
        address: null,
        os: 'Windows 10 IoT Enterprise LTSC 2021',
        manufacturer: 'HP',
        model: 'Engage One Essential',
        serialNumber: `TRF${chars(rng, ALNUM, 7)}`,
        ...dated(today, rng.int(200, 1400), 36),
        owner: null,
        notes: 'Point-of-sale terminal with receipt printer and card reader.',
        identities: [],
      });
    }
  });

  if (estate.printer) {
    const [manufacturer, model, serial] = rng.pick([
      ['HP', 'Color LaserJet Pro MFP 4301fdw', () => `CNB${chars(rng, ALNUM, 7)}`],
      ['Brother', 'MFC-L8900CDW', () => `U6${chars(rng, ALNUM, 8)}`],
      ['Kyocera', 'ECOSYS M3655idn', () => `R${chars(rng, ALNUM, 9)}`],
    ] as const);
    add({
      name: `${ini}-PRN01`,
      role: 'printer',
      type: 'printer',
      site: headOffice,
      hostname: `${ini}-PRN01`,
      address: '10.10.0.50',
      os: null,
      manufacturer,
      model,
      serialNumber: serial(),
      ...dated(today, rng.int(300, 1500), 12),
      owner: null,
      notes: 'Leased multifunction printer; toner on contract with the dealer.',
      identities: [],
    });
  }

  computers(estate, spec, today, rng, add);

  const tenant = !['servers', 'network-and-tills'].includes(estate.coverage);
  if (tenant)
    add({
      name: 'Microsoft 365 tenant',
      role: 'tenant',
      type: 'cloud_service',
      site: headOffice,
      hostname: null,
      address: domain,
      os: null,
      manufacturer: 'Microsoft',
      model: 'Microsoft 365 Business Premium',
      serialNumber: null,
      purchaseDate: null,
      warrantyEnd: null,
      owner: null,
      notes: `Mail, Teams and SharePoint for ${domain}; Intune enrols the computers.`,
      identities: [],
    });
  const web = (what: string, host: string, notes: string): void => {
    const url = `https://${host}.${domain}/`;
    add({
      name: what,
      role: 'website',
      type: 'cloud_service',
      site: headOffice,
      hostname: null,
      address: `${host}.${domain}`,
      os: null,
      manufacturer: null,
      model: null,
      serialNumber: null,
      purchaseDate: null,
      warrantyEnd: null,
      owner: null,
      notes,
      identities: [
        { key: 'monitor', value: monitorName(spec, what.toLowerCase()) },
        { key: 'instance', value: url },
      ],
    });
  };
  if (estate.website) web('Website', 'www', 'Hosted website, watched every minute by Uptime Kuma.');
  if (estate.portal)
    web(estate.portal.name, estate.portal.host, 'Client-facing web service, watched every minute.');

  forceExpiringWarranty(out, today, rng);
  return out;
}

/** Laptops and desktops: the contacts' own laptops first, then the rest (all, or up to the sample). */
function computers(
  estate: Estate,
  spec: DemoClientSpec,
  today: string,
  rng: Rng,
  add: (a: Omit<DemoAsset, 'managed'>) => void,
) {
  const ini = initialsOf(spec.name);
  const listed = estate.listAll ? estate.computers : Math.min(SAMPLE_COMPUTERS, estate.computers);
  const laptops = Math.round(estate.computers * estate.laptopShare);
  const models = computerModels[estate.vendor];
  let laptopNo = 0;
  let desktopNo = 0;
  for (let i = 0; i < listed; i++) {
    const owner = spec.contacts[i] ?? null;
    const laptop = i < laptops || (owner !== null && estate.laptopShare > 0);
    const number = laptop ? ++laptopNo : ++desktopNo;
    const name = `${ini}-${laptop ? 'LT' : 'WS'}-${String(number).padStart(3, '0')}`;
    // The rest are spread over the sites, the head office taking the larger share.
    const site = owner?.site ?? (i % 3 === 0 ? spec.sites[i % spec.sites.length]! : spec.sites[0]!).name;
    const os = estate.vendor === 'Apple' ? rng.pick(macOs) : rng.pick(workstationOs);
    add({
      name,
      role: laptop ? 'laptop' : 'desktop',
      type: laptop ? 'laptop' : 'workstation',
      site,
      hostname: name,
      address: null,
      os,
      manufacturer: estate.vendor,
      model: rng.pick(laptop ? models.laptop : models.desktop),
      serialNumber: models.serial(rng),
      ...dated(today, rng.int(30, os === 'Windows 10 Pro 22H2' ? 1800 : 1300), 36),
      owner: owner?.email ?? null,
      notes: owner ? `${owner.name}, ${owner.role}.` : laptop ? 'Pool laptop.' : 'Shared desk.',
      identities: [],
    });
  }
}

/** One device per client with a warranty running out in the next weeks: the renewal to raise. */
function forceExpiringWarranty(assets: DemoAsset[], today: string, rng: Rng) {
  const candidate =
    assets.find((a) => a.role === 'hypervisor' && a.warrantyEnd) ??
    assets.find((a) => a.type === 'server' && a.warrantyEnd) ??
    assets.find((a) => a.role === 'firewall' && a.warrantyEnd);
  if (!candidate) return;
  const months = candidate.type === 'server' ? 60 : 36;
  const warrantyEnd = addDays(today, rng.int(9, 55));
  candidate.warrantyEnd = warrantyEnd;
  candidate.purchaseDate = addMonths(addDays(warrantyEnd, 1), -months);
}
