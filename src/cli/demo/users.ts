import type { StaffRole } from '../../domain/access/roles.js';
import { demoClients } from './clients.js';

/**
 * The demo MSP itself: its name, mail domain (a reserved .example name) and home, a Dublin office
 * whose SLA calendars run on Irish time and close on Irish public holidays.
 */
export const demoMsp = { name: 'Northbeam IT', domain: 'northbeam-it.example', timeZone: 'Europe/Dublin' };

export type DemoStaffUser = { role: StaffRole; name: string; email: string; password: string };

/**
 * Staff of the demo MSP. The passwords are public (they are printed and committed): demo data is
 * for trying Keel out, never for an instance that holds real clients.
 */
export const demoStaff: readonly DemoStaffUser[] = [
  {
    role: 'manager',
    name: 'Sofia Lindqvist',
    email: `sofia.lindqvist@${demoMsp.domain}`,
    password: 'demo-manager-pass',
  },
  {
    role: 'technician',
    name: 'Tom Becker',
    email: `tom.becker@${demoMsp.domain}`,
    password: 'demo-technician-1',
  },
  {
    role: 'technician',
    name: 'Priya Raman',
    email: `priya.raman@${demoMsp.domain}`,
    password: 'demo-technician-2',
  },
  {
    role: 'billing',
    name: 'Marc Dupont',
    email: `marc.dupont@${demoMsp.domain}`,
    password: 'demo-billing-pass',
  },
];

const portalClient = demoClients.find((c) => c.name === 'Brightwater Dental Group')!;
const portalContact = portalClient.contacts.find((c) => c.portalAccess)!;

/** One client-portal user: the main contact of a contract client, signing in as that contact. */
export const demoPortalUser = {
  clientName: portalClient.name,
  name: portalContact.name,
  email: portalContact.email,
  password: 'demo-portal-pass',
};
