/**
 * Each client's estate as the demo tells it: which servers, how many computers, what network and
 * web services, and what its managed agreement covers. ./assets.ts turns an estate into a register.
 */

export type Vendor = 'Dell' | 'HP' | 'Lenovo' | 'Apple';
export type ServerCode = 'HV01' | 'HV02' | 'DC01' | 'DC02' | 'FS01' | 'APP01' | 'SQL01' | 'BK01' | 'POS01';

/** What the client's managed agreement covers, i.e. which assets count as managed. */
export type Coverage =
  | 'everything'
  /** Servers and computers (monitoring and patching, endpoint security, server backup). */
  | 'computers'
  /** Workstations and laptops only (a managed desktop). */
  | 'workstations'
  /** Servers, firewalls and switches at the head office. */
  | 'head-office-infrastructure'
  /** Everything at the head office (the first site). */
  | 'head-office'
  /** Network devices, tills and the till server. */
  | 'network-and-tills'
  | 'servers';

export type Estate = {
  servers: ServerCode[];
  /** What the line-of-business server runs, for its notes. */
  app?: string;
  vendor: Vendor;
  /** Computers of the client (servers excluded); `listed` of them are in the register. */
  computers: number;
  /** Every computer is listed (a per-device agreement counts them), else a sample. */
  listAll?: boolean;
  laptopShare: number;
  /** A pair of firewalls in high availability at the head office. */
  firewallPair?: boolean;
  /** Switches at the head office (branches have one). */
  switches: number;
  /** Wi-Fi access points per site: hotels, restaurants and clinics with waiting rooms. */
  accessPoints?: number;
  tillsPerSite?: number;
  printer?: boolean;
  /** A public website watched by Uptime Kuma. */
  website?: boolean;
  /** Another web service of theirs watched by Uptime Kuma: a portal, booking engine, ordering site. */
  portal?: { name: string; host: string };
  coverage: Coverage;
};

/** Computers listed for a client whose agreement does not count devices. */
export const SAMPLE_COMPUTERS = 4;

export const estates: Record<string, Estate> = {
  'Brightwater Dental Group': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01', 'SQL01'],
    app: 'Planmeca Romexis imaging',
    vendor: 'Dell',
    computers: 55,
    laptopShare: 0.3,
    switches: 2,
    accessPoints: 1,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Hartmann & Vogel Steuerberatung': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01'],
    app: 'DATEV Kanzlei-Rechnungswesen',
    vendor: 'Lenovo',
    computers: 32,
    laptopShare: 0.5,
    switches: 2,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Atelier Marchetti Architectes': {
    servers: ['FS01'],
    vendor: 'Apple',
    computers: 26,
    laptopShare: 0.6,
    switches: 1,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Van der Berg Logistics B.V.': {
    servers: ['HV01', 'HV02', 'DC01', 'DC02', 'FS01', 'APP01', 'SQL01', 'BK01'],
    app: 'Warehouse management (Boltrics 3PL Dynamics)',
    vendor: 'HP',
    computers: 112,
    laptopShare: 0.4,
    firewallPair: true,
    switches: 3,
    printer: true,
    website: true,
    portal: { name: 'Track & trace portal', host: 'track' },
    coverage: 'everything',
  },
  'Kestrel Legal LLP': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01', 'SQL01'],
    app: 'iManage Work document management',
    vendor: 'Dell',
    computers: 40,
    laptopShare: 0.8,
    switches: 2,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Summit Ridge Family Medicine': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01', 'SQL01'],
    app: 'EHR interface engine (Mirth Connect)',
    vendor: 'Dell',
    computers: 35,
    laptopShare: 0.3,
    switches: 1,
    accessPoints: 1,
    printer: true,
    website: true,
    portal: { name: 'Patient portal', host: 'portal' },
    coverage: 'everything',
  },
  'Harborview Credit Union': {
    servers: ['HV01', 'HV02', 'DC01', 'FS01', 'APP01', 'SQL01', 'BK01'],
    app: 'Core banking gateway (Symitar SymXchange)',
    vendor: 'HP',
    computers: 63,
    laptopShare: 0.3,
    firewallPair: true,
    switches: 2,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Maple & Finch Accounting': {
    servers: ['DC01', 'FS01', 'APP01'],
    app: 'CaseWare Working Papers',
    vendor: 'Lenovo',
    computers: 27,
    laptopShare: 0.6,
    switches: 1,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Alpenblick Hotels GmbH': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01', 'SQL01', 'BK01'],
    app: 'Hotel property management (protel)',
    vendor: 'HP',
    computers: 74,
    laptopShare: 0.3,
    switches: 1,
    accessPoints: 2,
    printer: true,
    website: true,
    portal: { name: 'Booking engine', host: 'booking' },
    coverage: 'everything',
  },
  'Lone Star Title & Escrow': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01', 'SQL01'],
    app: 'SoftPro title production',
    vendor: 'Dell',
    computers: 39,
    laptopShare: 0.5,
    switches: 2,
    printer: true,
    website: true,
    coverage: 'everything',
  },
  'Rosso Ceramiche S.r.l.': {
    servers: ['DC01', 'FS01'],
    vendor: 'Lenovo',
    computers: 20,
    listAll: true,
    laptopShare: 0.3,
    switches: 1,
    coverage: 'computers',
  },
  'Clearwater Veterinary Clinic': {
    servers: ['FS01'],
    vendor: 'Dell',
    computers: 13,
    laptopShare: 0.2,
    switches: 1,
    accessPoints: 1,
    website: true,
    coverage: 'everything',
  },
  'Dubois & Peeters Notaires': {
    servers: ['DC01', 'FS01'],
    vendor: 'HP',
    computers: 14,
    laptopShare: 0.5,
    switches: 1,
    printer: true,
    coverage: 'everything',
  },
  'Castell Wines S.L.': {
    servers: ['DC01', 'FS01'],
    vendor: 'Lenovo',
    computers: 18,
    laptopShare: 0.5,
    switches: 1,
    website: true,
    coverage: 'everything',
  },
  'Pinecrest Montessori School': {
    servers: ['FS01'],
    vendor: 'Lenovo',
    computers: 59,
    listAll: true,
    laptopShare: 0.8,
    switches: 1,
    coverage: 'computers',
  },
  'Baltic Gate Shipping GmbH': {
    servers: ['HV01', 'HV02', 'DC01', 'FS01', 'APP01', 'BK01'],
    app: 'Ship agency system (Hamburg Port Community System link)',
    vendor: 'HP',
    computers: 46,
    laptopShare: 0.4,
    firewallPair: true,
    switches: 6,
    printer: true,
    website: true,
    coverage: 'head-office-infrastructure',
  },
  'Sierra Nevada Orthopedics': {
    servers: ['HV01', 'DC01', 'FS01', 'APP01'],
    app: 'Orthopedic EHR (ModMed) interface',
    vendor: 'Dell',
    computers: 41,
    laptopShare: 0.3,
    switches: 1,
    printer: true,
    website: true,
    coverage: 'head-office',
  },
  'Bellamy & Cross Recruitment': {
    servers: ['DC01', 'FS01'],
    vendor: 'Lenovo',
    computers: 26,
    laptopShare: 0.9,
    switches: 1,
    printer: true,
    website: true,
    coverage: 'workstations',
  },
  'Casa Oliveira Restaurantes': {
    servers: ['POS01'],
    vendor: 'HP',
    computers: 4,
    laptopShare: 0.5,
    switches: 1,
    accessPoints: 1,
    tillsPerSite: 2,
    website: true,
    portal: { name: 'Online ordering', host: 'encomendas' },
    coverage: 'network-and-tills',
  },
  "O'Sullivan & Daughters Bakery": {
    servers: ['POS01'],
    vendor: 'Dell',
    computers: 0,
    laptopShare: 0,
    switches: 0,
    coverage: 'servers',
  },
  'Tidewater Marine Supply': {
    servers: ['FS01', 'APP01'],
    app: 'Point of sale and inventory (Lightspeed Onsite)',
    vendor: 'Dell',
    computers: 0,
    laptopShare: 0,
    switches: 0,
    coverage: 'servers',
  },
};

/** The clients the demo keeps an asset register for. */
export const clientsWithAssets: readonly string[] = Object.keys(estates);
