/**
 * What the demo MSP's clients write in about, per service category: subjects, the requester's words,
 * what the technician found (internal notes) and what they told the client. Data only; ./tickets.ts
 * turns these into each client's tickets.
 */
import type { Level } from '../../domain/sla/priority.js';

/** The words a ticket's texts are filled with, all from the client's own data. */
export type Vars = {
  /** The requester's first name and full name. */
  first: string;
  name: string;
  /** Another contact of the client. */
  colleague: string;
  /** Someone working at the client who is not one of its contacts (a new starter, a leaver). */
  employee: string;
  /** The requester's site. */
  site: string;
  /** One of the client's servers and one of its laptops, e.g. BDG-FS01, BDG-LT-027. */
  server: string;
  device: string;
  /** The client's mail domain. */
  domain: string;
};

type Text = (v: Vars) => string;

/** Who a template is for: managed clients, backup subscribers, licence buyers, break-fix clients. */
export type Audience = 'managed' | 'backup' | 'licences' | 'break-fix';

export type Template = {
  id: string;
  /** Service category code (see the catalog's service categories). */
  category: string;
  type: 'incident' | 'service_request';
  /** Raised by a person (email, phone, portal) or by a monitoring alert. */
  alert: boolean;
  impact: Level;
  urgency: Level;
  tags: string[];
  for: Audience[];
  subject: Text;
  description: Text;
  /** What the technician found and did, as an internal note. */
  note: Text;
  /** What the client is told when it is resolved (an internal note for alerts). */
  fix: Text;
  /** A question to the requester that pauses the clock, and the answer. */
  ask?: [question: Text, answer: Text];
  /** Waiting on a third party (internet provider, hardware vendor): why, and what came back. */
  vendor?: [waiting: Text, back: Text];
};

const all: Audience[] = ['managed', 'break-fix'];

export const templates: readonly Template[] = [
  // ── Helpdesk ──
  {
    id: 'printer-jam',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'medium',
    urgency: 'medium',
    tags: ['printer'],
    for: all,
    subject: (v) => `Printer at ${v.site} jams on every job`,
    description: (v) =>
      `Hi,\n\nThe big printer at ${v.site} jams on almost every job since this morning. We opened all the ` +
      `trays and cannot see any paper stuck. Could someone have a look?\n\nThanks,\n${v.first}`,
    note: () =>
      'Print server queue full of stuck jobs after last night’s driver update. Cleared the spooler and ' +
      'rolled the driver back to the previous version; the device also reported a worn pickup roller.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe print queue got stuck after a driver update: we cleared it and went back to ` +
      'the previous driver. A test page printed fine. The pickup roller in tray 2 is worn, so we have ' +
      'ordered a new one; let us know if it jams again before then.',
    ask: [
      (v) => `Hi ${v.first}, could you send a photo of the message on the printer’s display?`,
      () => 'Here you go: it says “Paper jam in tray 2” but there is nothing in there.',
    ],
    vendor: [
      () => 'Pickup roller for tray 2 ordered from the distributor; delivery promised in two days.',
      () => 'Roller delivered and fitted on site; 50 test pages without a jam.',
    ],
  },
  {
    id: 'new-starter',
    category: 'helpdesk',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['onboarding', 'm365'],
    for: ['managed'],
    subject: (v) => `New starter: ${v.employee} joins on Monday`,
    description: (v) =>
      `Hello,\n\n${v.employee} starts with us on Monday. Could you set up an account, a laptop and a ` +
      `Microsoft 365 licence, and give them the same access as ${v.colleague}?\n\nMany thanks,\n${v.first}`,
    note: (v) =>
      `Account and mailbox created, Business Premium licence assigned, groups copied from ${v.colleague}. ` +
      `Laptop ${v.device} imaged, enrolled in Intune and encrypted.`,
    fix: (v) =>
      `Hi ${v.first},\n\nAll set for ${v.employee}: account, mailbox, Teams and the shared drives, and laptop ` +
      `${v.device} is ready to collect. The first-time password went to you by text message.`,
    ask: [
      (v) => `Hi ${v.first}, should ${v.employee} also get access to the accounting software?`,
      () => 'Yes please, read-only for now.',
    ],
  },
  {
    id: 'leaver',
    category: 'helpdesk',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['offboarding', 'm365'],
    for: ['managed'],
    subject: (v) => `Leaver: block ${v.employee}'s account on Friday`,
    description: (v) =>
      `Hi,\n\n${v.employee} leaves us on Friday. Please block the account from 17:00, forward the mail to me ` +
      `and keep the OneDrive files for three months.\n\n${v.first}`,
    note: (v) =>
      `Sign-in blocked at 17:00, mailbox converted to shared with ${v.name} as delegate, licence ` +
      'released, OneDrive retention set to 90 days, laptop collected for re-imaging.',
    fix: (v) =>
      `Hi ${v.first},\n\nDone: ${v.employee}'s account is blocked, their mail now goes to you and their files ` +
      'are kept for three months. The laptop is back with us for a clean install.',
  },
  {
    id: 'outlook-password',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['outlook'],
    for: all,
    subject: () => 'Outlook keeps asking for my password',
    description: (v) =>
      'Since this morning Outlook keeps popping up asking for my password, even though I type it in ' +
      `correctly. Teams works fine.\n\n${v.name}`,
    note: () =>
      'Stale credentials in Windows Credential Manager after the password change; removed them and ' +
      'signed Office in again. Modern authentication was already on.',
    fix: (v) =>
      `Hi ${v.first},\n\nOld saved credentials were getting in the way after your password change. We ` +
      'cleared them and Outlook has stayed quiet since. Sorry for the interruptions!',
  },
  {
    id: 'slow-laptop',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['hardware'],
    for: all,
    subject: (v) => `Laptop ${v.device} very slow since Monday`,
    description: (v) =>
      `My laptop (${v.device}) has been really slow since Monday: Excel takes ages to open and the fan is ` +
      `always on.\n\nThanks, ${v.first}`,
    note: () =>
      'Disk 97% full, OneDrive re-syncing 40 GB after a reset, and a feature update stuck at 80%. Freed ' +
      '25 GB, let the sync finish overnight, completed the update.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe laptop was busy re-syncing your OneDrive and finishing an update with an ` +
      'almost full disk. Both are done and there is room again; it should feel normal after tonight’s restart.',
    vendor: [
      (v) => `Battery health of ${v.device} at 41%: warranty claim opened with the manufacturer.`,
      () => 'Replacement battery arrived under warranty and was fitted.',
    ],
  },
  {
    id: 'shared-drive',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'medium',
    urgency: 'medium',
    tags: ['file-share'],
    for: all,
    subject: () => 'Cannot open the S: drive after changing my password',
    description: (v) =>
      'I changed my password yesterday and now the S: drive shows a red cross and asks for a login. ' +
      `I need the price lists on it today.\n\n${v.first}`,
    note: (v) =>
      `The mapped drive kept the old password; removed the stored credential and re-mapped the share from ${v.server}.`,
    fix: (v) =>
      `Hi ${v.first},\n\nThe S: drive remembered your old password. We removed it and re-connected the ` +
      'drive; everything is there.',
  },
  {
    id: 'teams-camera',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'low',
    urgency: 'high',
    tags: ['teams'],
    for: ['managed'],
    subject: (v) => `Camera not detected in Teams on ${v.device}`,
    description: (v) =>
      `Teams says no camera was found, and I have a client call at 2 pm. The camera light never comes on.\n\n${v.first}`,
    note: () =>
      'Camera disabled by the privacy shutter key after a BIOS update reset the default. Re-enabled it, ' +
      'updated the camera driver.',
    fix: (v) =>
      `Hi ${v.first},\n\nA BIOS update had switched the camera off at the hardware level (the F10 key with ` +
      'the camera symbol). It is back on and Teams sees it. Good luck with the call!',
  },
  {
    id: 'install-acrobat',
    category: 'helpdesk',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['software'],
    for: all,
    subject: () => 'Please install Adobe Acrobat Pro on my laptop',
    description: (v) =>
      `Hello, could you install Adobe Acrobat Pro on my laptop? I need to edit and sign PDFs from clients.\n\n${v.name}`,
    note: (v) =>
      `Installed Acrobat Pro through Intune on ${v.device}; licence assigned in the Adobe admin console.`,
    fix: (v) =>
      `Hi ${v.first},\n\nAcrobat Pro is installed; sign in with your work email the first time you open it.`,
  },
  {
    id: 'monitor-flicker',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['hardware'],
    for: all,
    subject: (v) => `Second screen flickers at my desk in ${v.site}`,
    description: (v) =>
      `My second screen flickers every few seconds, which gives me a headache by lunchtime.\n\n${v.first}`,
    note: () => 'Swapped the DisplayPort cable and updated the dock firmware; no flicker for an hour.',
    fix: (v) =>
      `Hi ${v.first},\n\nNew cable and a dock update: the screen has been steady since. Thanks for your patience.`,
  },
  {
    id: 'locked-out',
    category: 'helpdesk',
    type: 'incident',
    alert: false,
    impact: 'medium',
    urgency: 'high',
    tags: ['account'],
    for: all,
    subject: () => 'Locked out of my account',
    description: (v) =>
      `I am locked out after too many tries and I have a meeting in half an hour. Please help!\n\n${v.first}`,
    note: () =>
      'Locked by failed sign-ins from an old phone still syncing mail with the previous password. ' +
      'Unlocked the account and removed the old device partnership.',
    fix: (v) =>
      `Hi ${v.first},\n\nYou are unlocked. Your old phone kept trying the previous password and locked you ` +
      'out; we removed it from your account.',
  },
  // ── Network ──
  {
    id: 'vpn-drops',
    category: 'network',
    type: 'incident',
    alert: false,
    impact: 'medium',
    urgency: 'medium',
    tags: ['vpn', 'remote-work'],
    for: all,
    subject: () => 'VPN drops every few minutes when working from home',
    description: (v) =>
      'When I work from home the VPN disconnects every five minutes or so and I lose my connection to ' +
      `the shared drive. Colleagues at home seem fine.\n\n${v.first}`,
    note: () =>
      'VPN client logs show dead-peer-detection timeouts; the home router closes idle UDP sessions after ' +
      '30 s. Switched the profile to SSL on TCP 443.',
    fix: (v) =>
      `Hi ${v.first},\n\nYour home router was cutting the VPN’s connection when it looked idle. We changed ` +
      'the VPN to a mode your router leaves alone; it stayed up all afternoon in our test.',
    ask: [
      (v) => `Hi ${v.first}, which internet provider and router do you have at home?`,
      () => 'It is the box from the provider, the white one. I can send a photo of the label.',
    ],
  },
  {
    id: 'wifi-meeting-room',
    category: 'network',
    type: 'incident',
    alert: false,
    impact: 'medium',
    urgency: 'low',
    tags: ['wifi'],
    for: all,
    subject: (v) => `Wi-Fi in the meeting room at ${v.site} keeps dropping`,
    description: (v) =>
      'The Wi-Fi in the meeting room drops during video calls, almost every call this week. The rest of ' +
      `the office seems fine.\n\n${v.name}`,
    note: () =>
      'Meeting-room access point on channel 6 alongside three neighbours’ networks; moved it to 5 GHz ' +
      'channel 44 and raised the minimum signal for roaming.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe meeting room’s access point shared a crowded channel with the neighbours. It is ` +
      'on a quiet one now; calls there should hold.',
  },
  {
    id: 'internet-down',
    category: 'network',
    type: 'incident',
    alert: false,
    impact: 'high',
    urgency: 'high',
    tags: ['outage', 'isp'],
    for: all,
    subject: (v) => `Internet down at ${v.site}`,
    description: (v) =>
      `No internet at ${v.site} since about ten minutes ago: nobody can reach email or the cloud apps. ` +
      `The router lights are orange.\n\n${v.first}`,
    note: () =>
      'Firewall WAN down, the provider’s modem shows loss of signal. Failover to 4G up for payments and ' +
      'mail; fault logged with the provider.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe internet at ${v.site} is back: the provider repaired a damaged fibre in the ` +
      'street. We watched the line for half an hour and it is stable; the 4G backup has handed back.',
    vendor: [
      () =>
        'Provider confirms a fibre fault in the street (their reference 4471-22); engineer due this afternoon.',
      () => 'Provider repaired the fibre; line stable, failover returned to the main line.',
    ],
  },
  {
    id: 'door-entry-firewall',
    category: 'network',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['firewall'],
    for: ['managed'],
    subject: (v) => `Network access for the new door-entry system at ${v.site}`,
    description: (v) =>
      'The installer of our new door-entry system is on site on Thursday and needs the panel on the ' +
      `network with internet access to its cloud. Can you prepare that?\n\n${v.first}`,
    note: () =>
      'New VLAN 40 for building systems, DHCP reservation for the panel, outbound 443 to the vendor’s ' +
      'cloud only; no inbound rules.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe door-entry panel has its own network with access to its cloud service only; ` +
      'the installer just needs to plug it into the port marked 40.',
  },
  // ── Email and Microsoft 365 ──
  {
    id: 'shared-mailbox',
    category: 'email',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['m365', 'mailbox'],
    for: ['managed', 'licences'],
    subject: (v) => `Shared mailbox info@${v.domain} not showing in Outlook`,
    description: (v) =>
      `Hi, I should have access to the info@ mailbox but it does not show in my Outlook.\n\n${v.first}`,
    note: () => 'Granted full access with automapping; it appeared in Outlook after about 30 minutes.',
    fix: (v) =>
      `Hi ${v.first},\n\nYou now have the info@ mailbox; it shows up in Outlook on its own after a restart.`,
  },
  {
    id: 'mail-bounce',
    category: 'email',
    type: 'incident',
    alert: false,
    impact: 'medium',
    urgency: 'high',
    tags: ['email', 'dns'],
    for: ['managed', 'licences'],
    subject: () => 'Mail to one of our clients bounces with 550 5.7.1',
    description: (v) =>
      'Since yesterday every email we send to one of our biggest clients comes back with “550 5.7.1 ' +
      `message rejected”. Other addresses are fine.\n\n${v.first}`,
    note: (v) =>
      `Their gateway checks SPF strictly and ${v.domain}’s record lacked the new scanner-to-mail relay. ` +
      'Added it, DMARC aligned; test message accepted.',
    fix: (v) =>
      `Hi ${v.first},\n\nOur domain’s sender list was missing a service we added last month, and your ` +
      'client’s mail system is strict about that. Fixed; your test mail went through.',
  },
  {
    id: 'calendar-delegate',
    category: 'email',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['m365', 'calendar'],
    for: ['managed'],
    subject: (v) => `Give ${v.colleague} access to my calendar`,
    description: (v) =>
      `Could ${v.colleague} manage my calendar (accept and move meetings) from next week?\n\n${v.first}`,
    note: (v) => `Editor rights with delegate on ${v.name}’s calendar for ${v.colleague}.`,
    fix: (v) =>
      `Hi ${v.first},\n\n${v.colleague} can now manage your calendar and will see your meeting requests.`,
  },
  // ── Security ──
  {
    id: 'phishing',
    category: 'security',
    type: 'incident',
    alert: false,
    impact: 'high',
    urgency: 'medium',
    tags: ['phishing'],
    for: ['managed', 'break-fix', 'licences'],
    subject: () => 'Phishing email: “Invoice overdue” from a supplier look-alike',
    description: (v) =>
      'I got an email that looks like it comes from one of our suppliers, asking us to pay an overdue ' +
      `invoice to a new bank account. I did not click anything. Forwarding it to you.\n\n${v.first}`,
    note: () =>
      'Look-alike domain registered three days ago. Purged the message from 14 mailboxes, blocked the ' +
      'sender domain, no clicks in the URL logs.',
    fix: (v) =>
      `Thanks for reporting it, ${v.first}: it was phishing. We removed it from everyone’s inbox and ` +
      'blocked the sender; nobody clicked. Good catch!',
  },
  {
    id: 'mfa-fatigue',
    category: 'security',
    type: 'incident',
    alert: false,
    impact: 'high',
    urgency: 'high',
    tags: ['mfa', 'security'],
    for: ['managed'],
    subject: () => 'Dozens of sign-in approval requests on my phone overnight',
    description: (v) =>
      'I woke up to about twenty “approve sign-in?” requests on my phone. I did not approve any. Is ' +
      `someone trying to get into my account?\n\n${v.first}`,
    note: (v) =>
      `Password spray against ${v.name}’s account from two foreign IPs; the password was known (reused ` +
      'elsewhere). Sessions revoked, password reset, number matching enforced.',
    fix: (v) =>
      `Hi ${v.first},\n\nYes, someone had your password, and your refusals stopped them. We reset your ` +
      'password, signed out every session and made approvals ask for a number from now on.',
  },
  {
    id: 'risky-sign-in',
    category: 'security',
    type: 'incident',
    alert: true,
    impact: 'high',
    urgency: 'medium',
    tags: ['security', 'm365'],
    for: ['managed'],
    subject: (v) => `Risky sign-in: ${v.name} from an unfamiliar location`,
    description: (v) =>
      `Microsoft Entra ID: sign-in for ${v.name} flagged high risk (unfamiliar location, anonymous IP). ` +
      'MFA: denied.',
    note: (v) =>
      `Called ${v.first}: not them. Revoked sessions, forced a password reset, no mailbox rules or ` +
      'forwarding added.',
    fix: () => 'Closed: attempt blocked by MFA, credentials rotated, nothing changed in the mailbox.',
  },
  {
    id: 'edr-quarantine',
    category: 'security',
    type: 'incident',
    alert: true,
    impact: 'medium',
    urgency: 'high',
    tags: ['edr'],
    for: ['managed'],
    subject: (v) => `EDR: threat quarantined on ${v.device}`,
    description: (v) =>
      `Endpoint protection quarantined Trojan:Win32/Dropper in Downloads on ${v.device}. Process blocked before execution.`,
    note: (v) =>
      `Dropper in a ZIP from a webmail download; quarantined before it ran. Full scan of ${v.device} clean, ` +
      'hash blocked tenant-wide.',
    fix: () =>
      'Resolved: file quarantined before execution, full scan clean, user reminded about attachments.',
  },
  // ── Backup ──
  {
    id: 'backup-failed',
    category: 'backup',
    type: 'incident',
    alert: true,
    impact: 'medium',
    urgency: 'high',
    tags: ['backup'],
    for: ['managed', 'backup'],
    subject: (v) => `Backup failed: ${v.server} nightly image`,
    description: (v) =>
      `Backup job "${v.server} – nightly image" failed: VSS snapshot creation timed out (error 0x80042313).`,
    note: () => 'SQL VSS writer stuck; restarted the service and re-ran the job: completed in 42 minutes.',
    fix: () => 'Resolved: job re-run successfully; the VSS timeout is raised so it does not recur.',
  },
  {
    id: 'backup-quota',
    category: 'backup',
    type: 'incident',
    alert: true,
    impact: 'low',
    urgency: 'medium',
    tags: ['backup', 'capacity'],
    for: ['managed', 'backup'],
    subject: () => 'Cloud backup above 90% of its 1 TB quota',
    description: () => 'Offsite backup vault at 92% of quota; at this rate it is full in 9 days.',
    note: (v) =>
      `A 300 GB video folder on ${v.server} was added to the job in error. Excluded it after checking with the client.`,
    fix: () => 'Resolved: vault back at 63% after excluding the video archive; retention unchanged.',
  },
  {
    id: 'restore-folder',
    category: 'backup',
    type: 'service_request',
    alert: false,
    impact: 'medium',
    urgency: 'medium',
    tags: ['restore'],
    for: ['managed', 'backup'],
    subject: () => 'Please restore a deleted folder from last week',
    description: (v) =>
      'Someone deleted the “Contracts” folder on the shared drive, probably last Thursday. Can you ' +
      `bring it back?\n\n${v.first}`,
    note: (v) =>
      `Restored from Thursday 22:00 to the original place on ${v.server}: 1,284 files, permissions intact.`,
    fix: (v) =>
      `Hi ${v.first},\n\nThe Contracts folder is back where it was, as it stood on Thursday evening.`,
    ask: [
      (v) => `Hi ${v.first}, do you know the folder's full path, and when it was last seen?`,
      () => 'It was under Shared > Admin > Contracts. Last Wednesday it was still there.',
    ],
  },
  {
    id: 'restore-mail',
    category: 'backup',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['restore', 'm365'],
    for: ['managed', 'backup'],
    subject: () => 'Emails deleted by mistake: can you get them back?',
    description: (v) =>
      `I emptied my Deleted Items by mistake, including emails from a client I still need.\n\n${v.first}`,
    note: () => 'Restored 212 items from the Microsoft 365 backup into a “Restored” folder.',
    fix: (v) => `Hi ${v.first},\n\nYour emails are back, in a folder called “Restored” in your mailbox.`,
  },
  // ── Monitoring and patching ──
  {
    id: 'disk-space',
    category: 'monitoring',
    type: 'incident',
    alert: true,
    impact: 'medium',
    urgency: 'high',
    tags: ['server', 'disk'],
    for: ['managed'],
    subject: (v) => `Disk space low: ${v.server} C: 4% free`,
    description: (v) => `${v.server}: volume C: free space 4% (3.1 GB of 80 GB), threshold 10%.`,
    note: () => 'Old IIS logs and the component store: cleaned 18 GB and set log rotation to 30 days.',
    fix: () => 'Resolved: 26% free on C:, log rotation in place.',
  },
  {
    id: 'server-offline',
    category: 'monitoring',
    type: 'incident',
    alert: true,
    impact: 'high',
    urgency: 'high',
    tags: ['server', 'outage'],
    for: ['managed'],
    subject: (v) => `${v.server} offline: no heartbeat for 10 minutes`,
    description: (v) => `${v.server} stopped answering the agent heartbeat and ping 10 minutes ago.`,
    note: () =>
      'Host rebooted into a firmware update nobody had scheduled with us; the VM came back after 14 minutes.',
    fix: () =>
      'Resolved: server back, services checked; firmware updates now go through our change calendar.',
  },
  {
    id: 'ups-battery',
    category: 'monitoring',
    type: 'incident',
    alert: true,
    impact: 'medium',
    urgency: 'high',
    tags: ['power'],
    for: ['managed'],
    subject: (v) => `UPS on battery at ${v.site}`,
    description: (v) => `UPS at ${v.site}: on battery, 38 minutes remaining.`,
    note: (v) => `Power cut in the street at ${v.site}; mains back after 11 minutes, UPS recharging.`,
    fix: () => 'Resolved: mains restored; the UPS battery test passed afterwards.',
  },
  {
    id: 'high-cpu',
    category: 'monitoring',
    type: 'incident',
    alert: true,
    impact: 'medium',
    urgency: 'medium',
    tags: ['server', 'performance'],
    for: ['managed'],
    subject: (v) => `High CPU on ${v.server} for 30 minutes`,
    description: (v) => `${v.server}: CPU above 95% for 30 minutes.`,
    note: () =>
      'An antivirus full scan overlapped the nightly database maintenance; moved the scan to Sunday.',
    fix: () => 'Resolved: CPU normal; scan and maintenance windows no longer overlap.',
  },
  {
    id: 'patch-failed',
    category: 'patching',
    type: 'incident',
    alert: true,
    impact: 'low',
    urgency: 'medium',
    tags: ['patching'],
    for: ['managed'],
    subject: () => 'Monthly updates failed on 3 devices',
    description: () => 'Cumulative update failed on 3 devices with 0x800f0922; 2 retries left.',
    note: () =>
      'Recovery partition too small for the update on two laptops: resized it. The third was offline; ' +
      'it patched when it came back.',
    fix: () => 'Resolved: all three devices on this month’s updates.',
  },
  {
    id: 'reboots',
    category: 'patching',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['patching'],
    for: ['managed'],
    subject: () => 'Can updates stop restarting my PC during the day?',
    description: (v) =>
      `My PC restarted for updates in the middle of a report yesterday and I lost an hour of work.\n\n${v.first}`,
    note: () =>
      'Device was outside its maintenance ring; moved it to the evening ring with active hours 07–19.',
    fix: (v) =>
      `Hi ${v.first},\n\nSorry about that. Your PC now only restarts for updates in the evening, never during working hours.`,
  },
  // ── Licences ──
  {
    id: 'm365-licence',
    category: 'licences',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['m365', 'licence'],
    for: ['managed', 'licences'],
    subject: (v) => `Microsoft 365 licence for ${v.employee}`,
    description: (v) =>
      `Please add a Microsoft 365 licence for ${v.employee}, who starts next week.\n\nThanks, ${v.first}`,
    note: () =>
      'Raised the subscription by one seat and assigned it; it shows on next month’s invoice, prorated.',
    fix: (v) => `Hi ${v.first},\n\n${v.employee} has a licence; it appears on your next invoice.`,
  },
  {
    id: 'adobe-move',
    category: 'licences',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['adobe', 'licence'],
    for: ['licences', 'managed'],
    subject: (v) => `Move the Adobe licence from ${v.colleague} to ${v.employee}`,
    description: (v) =>
      `${v.colleague} no longer needs Adobe; can ${v.employee} have the licence instead?\n\n${v.first}`,
    note: (v) =>
      `Reassigned the Creative Cloud seat from ${v.colleague} to ${v.employee} in the admin console.`,
    fix: (v) => `Hi ${v.first},\n\nDone: ${v.employee} can sign in to Creative Cloud now.`,
  },
  {
    id: 'licence-count',
    category: 'licences',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['m365', 'licence'],
    for: ['licences'],
    subject: () => 'How many Microsoft 365 licences are we paying for?',
    description: (v) =>
      'Our accountant asks how many Microsoft 365 licences we pay for and who has them. Could you send ' +
      `a list?\n\n${v.first}`,
    note: () =>
      '23 assigned of 25 bought; two unassigned since the spring leavers. Offered to reduce at renewal.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe list is attached: 25 licences, 23 in use. We can drop the two spare ones at the renewal.`,
  },
  {
    id: 'antivirus-expired',
    category: 'licences',
    type: 'incident',
    alert: false,
    impact: 'low',
    urgency: 'medium',
    tags: ['antivirus'],
    for: ['licences', 'break-fix'],
    subject: () => 'Antivirus says it has expired on the reception PC',
    description: (v) =>
      `The reception PC shows a red “protection expired” message since this morning.\n\n${v.first}`,
    note: () => 'The PC still had the old trial key; moved it onto the company licence and ran a full scan.',
    fix: (v) =>
      `Hi ${v.first},\n\nThe reception PC is on your company licence now and fully scanned: all clean.`,
  },
  // ── Break-fix favourites ──
  {
    id: 'new-laptop-setup',
    category: 'helpdesk',
    type: 'service_request',
    alert: false,
    impact: 'low',
    urgency: 'low',
    tags: ['hardware', 'setup'],
    for: ['break-fix'],
    subject: () => 'Set up my new laptop and move my files',
    description: (v) =>
      `I bought a new laptop. Could you set it up and move my files and emails from the old one?\n\n${v.first}`,
    note: () =>
      'Set up on site: updates, Office, printer, files and browser bookmarks moved; old disk wiped.',
    fix: (v) =>
      `Hi ${v.first},\n\nYour new laptop is ready with everything from the old one. The old one is wiped.`,
  },
];

export const templateById = new Map(templates.map((t) => [t.id, t]));
