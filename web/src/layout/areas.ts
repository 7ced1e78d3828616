/** The staff areas of Keel, in navigation order. Areas without a page yet say what they will do. */
export type Area = { path: string; label: string; ready: boolean; purpose: string };

export const staffAreas: readonly Area[] = [
  {
    path: '/',
    label: 'Dashboard',
    ready: false,
    purpose: 'MRR, SLA compliance, tickets at risk and unbilled time at a glance.',
  },
  {
    path: '/clients',
    label: 'Clients',
    ready: true,
    purpose: 'Clients, their sites and contacts.',
  },
  {
    path: '/assets',
    label: 'Assets',
    ready: true,
    purpose: 'Devices and services per client, their monitoring identities, and CSV import.',
  },
  {
    path: '/tickets',
    label: 'Tickets',
    ready: true,
    purpose: 'One queue ordered by SLA urgency, with entitlement shown on every ticket.',
  },
  {
    path: '/agreements',
    label: 'Agreements',
    ready: true,
    purpose: 'Managed services, block hours, retainers and projects: scope, SLA, terms and amendments.',
  },
  {
    path: '/time',
    label: 'Time',
    ready: true,
    purpose: 'Log time in seconds and see at once whether the work is covered or billable; approve it.',
  },
  {
    path: '/billing',
    label: 'Billing',
    ready: true,
    purpose: 'Billing runs, invoices, credit notes, payments, aging and the accounting export.',
  },
  {
    path: '/alerts',
    label: 'Alerts',
    ready: true,
    purpose:
      'Monitoring alerts, deduplicated, turned into tickets by rules, silenced in maintenance windows.',
  },
  {
    path: '/reports',
    label: 'Reports',
    ready: true,
    purpose:
      'Customer satisfaction; later MRR and its movements, profitability per client, SLA compliance and payment behaviour.',
  },
  {
    path: '/catalog',
    label: 'Catalog',
    ready: true,
    purpose:
      'Services, plans, products and licences, work types and labour cost: what agreements are built from.',
  },
  {
    path: '/settings',
    label: 'Settings',
    ready: true,
    purpose: 'Users, roles, SLA calendars and policies.',
  },
];
