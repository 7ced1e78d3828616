/**
 * What the demo MSP's staff log time for outside tickets: helpdesk requests handled by phone, on-site
 * visits, maintenance, projects, after-hours call-outs, quarterly reviews and their own internal work.
 * Data only; ./work.ts turns these into a year of time entries. Each template names the service
 * category and work type it is logged under, so entitlement decides coverage as it does for real.
 */

/** The words an entry's texts are filled with, all from the client's own data. */
export type WorkVars = {
  /** One of the client's sites, a server and a laptop (e.g. BDG-FS01, BDG-LT-027). */
  site: string;
  server: string;
  device: string;
  /** Someone working at the client (a new starter, a leaver). */
  employee: string;
};

type Text = (v: WorkVars) => string;

/**
 * Who a template is for: managed clients (contract, single-service, the managed part of hybrids),
 * break-fix clients, block-hours and retainer clients, backup subscribers and licence buyers.
 */
export type WorkAudience = 'managed' | 'break-fix' | 'block' | 'retainer' | 'backup' | 'licences';

/** When the work is done: office hours in the client's zone, an evening, or a Saturday. */
export type WorkSlot = 'business' | 'evening' | 'weekend';

export type WorkTemplate = {
  id: string;
  /** The general activity, as the time sheet lists it. */
  activity: Text;
  /** What was done, as the technician wrote it. */
  note: Text;
  /** Service category code (the catalog's service categories). */
  category: string;
  /** Work type code (the catalog's work types, with the demo's cabling and hardware repair). */
  workType: string;
  /** Duration range in minutes. */
  minutes: [min: number, max: number];
  slot: WorkSlot;
  for: WorkAudience[];
  /** Relative frequency among the client's templates. */
  weight: number;
  /**
   * A request people would raise as a ticket: over the weeks the helpdesk has demo tickets, the
   * ticket's own time entries stand for it instead.
   */
  ticketed: boolean;
};

const managedOnes: WorkAudience[] = ['managed', 'retainer'];
const anyClient: WorkAudience[] = ['managed', 'break-fix', 'block', 'retainer'];

export const workTemplates: readonly WorkTemplate[] = [
  // ── Helpdesk requests, by phone or walk-up ──
  {
    id: 'password-mfa',
    activity: () => 'Password reset and MFA re-enrolment',
    note: (v) =>
      `${v.employee} locked out after a phone change: reset the password, re-registered the authenticator app and checked sign-in from ${v.device}.`,
    category: 'helpdesk',
    workType: 'remote',
    minutes: [10, 25],
    slot: 'business',
    for: anyClient,
    weight: 5,
    ticketed: true,
  },
  {
    id: 'outlook-profile',
    activity: () => 'Outlook keeps asking for credentials',
    note: (v) =>
      `Rebuilt the Outlook profile on ${v.device}, cleared cached credentials and re-synced the shared calendars.`,
    category: 'helpdesk',
    workType: 'remote',
    minutes: [20, 45],
    slot: 'business',
    for: anyClient,
    weight: 3,
    ticketed: true,
  },
  {
    id: 'new-starter',
    activity: (v) => `New starter set-up: ${v.employee}`,
    note: (v) =>
      `Prepared laptop ${v.device}: Microsoft 365 account, MFA, shared mailboxes, printers at ${v.site}, and a short walkthrough on the first morning.`,
    category: 'helpdesk',
    workType: 'remote',
    minutes: [60, 120],
    slot: 'business',
    for: anyClient,
    weight: 3,
    ticketed: true,
  },
  {
    id: 'leaver',
    activity: (v) => `Leaver: ${v.employee}`,
    note: (v) =>
      `Converted ${v.employee}'s mailbox to shared, removed the licence, wiped ${v.device} and moved their files to the team site.`,
    category: 'helpdesk',
    workType: 'remote',
    minutes: [30, 60],
    slot: 'business',
    for: anyClient,
    weight: 2,
    ticketed: true,
  },
  {
    id: 'printer',
    activity: (v) => `Printer at ${v.site} not printing`,
    note: () =>
      'Cleared the stuck print spooler, reinstalled the driver from the vendor package and printed a test page.',
    category: 'helpdesk',
    workType: 'remote',
    minutes: [20, 40],
    slot: 'business',
    for: anyClient,
    weight: 3,
    ticketed: true,
  },
  {
    id: 'slow-laptop',
    activity: (v) => `Slow laptop ${v.device}`,
    note: (v) =>
      `Disk clean-up, startup items trimmed and an SSD health check on ${v.device}; the battery report says it is worn, noted for replacement.`,
    category: 'helpdesk',
    workType: 'remote',
    minutes: [30, 60],
    slot: 'business',
    for: anyClient,
    weight: 2,
    ticketed: true,
  },
  {
    id: 'vpn',
    activity: (v) => `VPN not connecting for ${v.employee}`,
    note: () =>
      'Home router blocked the VPN port: switched the client to the TLS fallback profile and tested a session.',
    category: 'helpdesk',
    workType: 'remote',
    minutes: [20, 40],
    slot: 'business',
    for: anyClient,
    weight: 2,
    ticketed: true,
  },
  {
    id: 'phishing',
    activity: () => 'Phishing email reported',
    note: () =>
      'Checked the headers, purged the message from every mailbox, blocked the sender domain and reminded staff not to click.',
    category: 'security',
    workType: 'remote',
    minutes: [20, 45],
    slot: 'business',
    for: anyClient,
    weight: 2,
    ticketed: true,
  },
  // ── On site ──
  {
    id: 'site-visit',
    activity: (v) => `On-site visit at ${v.site}`,
    note: (v) =>
      `Swapped a faulty dock and two monitors, re-patched the switch in the comms cupboard and checked the printer at ${v.site}.`,
    category: 'helpdesk',
    workType: 'onsite',
    minutes: [90, 180],
    slot: 'business',
    for: anyClient,
    weight: 2,
    ticketed: false,
  },
  {
    id: 'workstation',
    activity: (v) => `New workstation at ${v.site}`,
    note: (v) =>
      `Unboxed, imaged and set up a new workstation for ${v.employee}; old PC wiped and tagged for recycling.`,
    category: 'helpdesk',
    workType: 'onsite',
    minutes: [90, 150],
    slot: 'business',
    for: anyClient,
    weight: 1,
    ticketed: false,
  },
  // ── Maintenance the managed stack includes ──
  {
    id: 'patch-review',
    activity: () => 'Monthly patch review',
    note: () =>
      'Reviewed last month’s deferred updates, approved the cumulative updates and scheduled the reboots; two devices offline for more than 30 days reported.',
    category: 'patching',
    workType: 'remote',
    minutes: [30, 60],
    slot: 'business',
    for: managedOnes,
    weight: 3,
    ticketed: false,
  },
  {
    id: 'restore-test',
    activity: (v) => `Backup restore test on ${v.server}`,
    note: (v) =>
      `File-level restore of a random folder from last night’s job on ${v.server}; checksums match, restore took 6 minutes.`,
    category: 'backup',
    workType: 'remote',
    minutes: [30, 60],
    slot: 'business',
    for: managedOnes,
    weight: 2,
    ticketed: false,
  },
  {
    id: 'disk-space',
    activity: (v) => `Low disk space on ${v.server}`,
    note: (v) =>
      `Monitoring warned at 90 %: removed old shadow copies and log files on ${v.server}, now at 61 %.`,
    category: 'monitoring',
    workType: 'remote',
    minutes: [15, 30],
    slot: 'business',
    for: managedOnes,
    weight: 2,
    ticketed: false,
  },
  {
    id: 'admin-review',
    activity: () => 'Quarterly admin account review',
    note: () =>
      'Listed every privileged account, removed two that were no longer needed and checked MFA coverage (100 % of staff).',
    category: 'security',
    workType: 'remote',
    minutes: [45, 75],
    slot: 'business',
    for: ['managed'],
    weight: 1,
    ticketed: false,
  },
  {
    id: 'patch-window',
    activity: (v) => `Out-of-hours patching of ${v.server}`,
    note: (v) =>
      `Maintenance window: ${v.server} updated and rebooted, services checked after the restart, backup job verified.`,
    category: 'patching',
    workType: 'remote',
    minutes: [60, 120],
    slot: 'evening',
    for: ['managed'],
    weight: 1,
    ticketed: false,
  },
  // ── After hours, projects and what agreements leave out ──
  {
    id: 'emergency',
    activity: (v) => `Emergency call-out: ${v.server} down`,
    note: (v) =>
      `Power cut at ${v.site} left ${v.server} off: brought it back up, checked the RAID and the UPS, and confirmed the overnight jobs ran.`,
    category: 'helpdesk',
    workType: 'after-hours',
    minutes: [60, 150],
    slot: 'weekend',
    for: ['managed', 'break-fix', 'block'],
    weight: 1,
    ticketed: false,
  },
  {
    id: 'wifi-project',
    activity: (v) => `Project: Wi-Fi survey and new access points at ${v.site}`,
    note: (v) =>
      `Site survey at ${v.site}, two access points moved and one added, guest network split onto its own VLAN.`,
    category: 'network',
    workType: 'project',
    minutes: [180, 300],
    slot: 'business',
    for: managedOnes,
    weight: 1,
    ticketed: false,
  },
  {
    id: 'sharepoint-project',
    activity: (v) => `Project: file shares from ${v.server} to SharePoint`,
    note: (v) =>
      `Migrated the next batch of department shares from ${v.server} to SharePoint and mapped the libraries on every PC.`,
    category: 'email',
    workType: 'project',
    minutes: [180, 330],
    slot: 'business',
    for: managedOnes,
    weight: 1,
    ticketed: false,
  },
  {
    id: 'cabling',
    activity: (v) => `Structured cabling at ${v.site}`,
    note: (v) =>
      `Six new network points run and terminated at ${v.site}, tested and labelled on the patch panel.`,
    category: 'network',
    workType: 'cabling',
    minutes: [120, 240],
    slot: 'business',
    for: ['managed', 'break-fix'],
    weight: 1,
    ticketed: false,
  },
  {
    id: 'hardware-repair',
    activity: (v) => `Hardware repair: ${v.device}`,
    note: (v) => `Replaced the failed power supply in ${v.device} from stock and ran the vendor diagnostics.`,
    category: 'helpdesk',
    workType: 'hardware-repair',
    minutes: [45, 90],
    slot: 'business',
    for: ['managed', 'break-fix'],
    weight: 1,
    ticketed: false,
  },
  // ── Break-fix call-outs ──
  {
    id: 'wont-boot',
    activity: (v) => `Call-out: PC will not boot at ${v.site}`,
    note: () =>
      'Corrupted boot record after a forced shutdown: repaired it, ran a disk check and set up the missing backup.',
    category: 'helpdesk',
    workType: 'onsite',
    minutes: [60, 150],
    slot: 'business',
    for: ['break-fix', 'block'],
    weight: 3,
    ticketed: true,
  },
  {
    id: 'router',
    activity: (v) => `Router replaced at ${v.site}`,
    note: () =>
      'The internet provider’s router failed after a storm: fitted the replacement, restored the port forwards and the VPN.',
    category: 'network',
    workType: 'onsite',
    minutes: [60, 120],
    slot: 'business',
    for: ['break-fix'],
    weight: 1,
    ticketed: false,
  },
  {
    id: 'malware',
    activity: (v) => `Malware clean-up on ${v.device}`,
    note: (v) =>
      `Browser hijacker and two adware programs removed from ${v.device}; full scan clean, passwords changed with the user.`,
    category: 'security',
    workType: 'remote',
    minutes: [45, 120],
    slot: 'business',
    for: ['break-fix', 'block'],
    weight: 2,
    ticketed: true,
  },
  {
    id: 'email-sync',
    activity: () => 'Email not syncing on the phone',
    note: () =>
      'Removed and re-added the mail account with modern authentication; mail and calendar syncing again.',
    category: 'helpdesk',
    workType: 'remote',
    minutes: [20, 60],
    slot: 'business',
    for: ['break-fix', 'block'],
    weight: 2,
    ticketed: true,
  },
  // ── Backup subscribers and licence buyers ──
  {
    id: 'restore-request',
    activity: () => 'Restore request: deleted folder',
    note: (v) =>
      `Restored the folder deleted last week from the backup of ${v.server} to its original place.`,
    category: 'backup',
    workType: 'remote',
    minutes: [20, 45],
    slot: 'business',
    for: ['backup'],
    weight: 2,
    ticketed: false,
  },
  {
    id: 'backup-failing',
    activity: (v) => `Backup job failing on ${v.server}`,
    note: () =>
      'The backup agent’s credentials had expired: renewed them and ran the job by hand, which completed.',
    category: 'backup',
    workType: 'remote',
    minutes: [20, 40],
    slot: 'business',
    for: ['backup'],
    weight: 1,
    ticketed: false,
  },
  {
    id: 'licences',
    activity: () => 'Microsoft 365 licences and mailboxes for new starters',
    note: (v) =>
      `Bought two more seats, assigned them and set up the mailboxes for ${v.employee} and a colleague.`,
    category: 'licences',
    workType: 'remote',
    minutes: [20, 45],
    slot: 'business',
    for: ['licences'],
    weight: 2,
    ticketed: false,
  },
  {
    id: 'seat-review',
    activity: () => 'Licence seat count review',
    note: () => 'Compared assigned and paid seats before the renewal: three unused seats released.',
    category: 'licences',
    workType: 'remote',
    minutes: [15, 30],
    slot: 'business',
    for: ['licences'],
    weight: 1,
    ticketed: false,
  },
];

/** The quarterly business review the service manager holds with each contract client. */
export const reviewTemplate = {
  activity: 'Quarterly business review',
  note: 'Roadmap, budget for next year, the SLA report and the open recommendations, with the managing partner.',
  category: 'vcio',
  workType: 'remote',
  minutes: [60, 90] as [number, number],
  /** A review is part of the managed plan, though its category is not: the override says so. */
  override: { billable: false, reason: 'Quarterly business review: included in the managed plan.' },
};

/** The staff's own work: billed to nobody. */
export const internalTemplates: readonly { activity: string; note: string; minutes: [number, number] }[] = [
  {
    activity: 'Team meeting',
    note: 'Weekly stand-up: queue, escalations and the week’s on-site visits.',
    minutes: [30, 60],
  },
  {
    activity: 'Training: Intune and Autopilot',
    note: 'Vendor course, modules 3 and 4: enrolment profiles and compliance policies.',
    minutes: [60, 120],
  },
  {
    activity: 'Documentation: runbooks',
    note: 'Updated the restore and onboarding runbooks after last month’s changes.',
    minutes: [30, 75],
  },
];

/** Why an approver sends an entry back. */
export const rejectionReasons: readonly string[] = [
  'Please add what was done: the note is too short to invoice.',
  'The end time looks wrong (over the lunch break?): please check it.',
  'This was for another client’s office: please move it.',
];

/** A second visit for the same fault is not charged to a break-fix client: a person says so. */
export const goodwill = { billable: false, reason: 'Second visit for the same fault: not charged.' };
