import type {
  AgreementKind,
  AgreementStatus,
  AmendmentKind,
  BillingCycle,
  BillingTiming,
  ClientKind,
  LifecycleAction,
  QuantitySource,
} from '../api/agreement-types';
import type { Unit } from '../api/catalog-types';

/** The words people read for the API's codes, in one place. */

export const kindLabels: Record<AgreementKind, string> = {
  managed: 'Managed services',
  block_hours: 'Block hours',
  retainer: 'Retainer',
  time_materials: 'Time & materials',
  subscription: 'Subscription',
  licence_resale: 'Licence resale',
  project: 'Project',
};

export const kindPurpose: Record<AgreementKind, string> = {
  managed: 'Recurring fee per user, device or site, or flat; covers the services in scope.',
  block_hours: 'Hours bought in advance and drawn down; overage billed beyond the block.',
  retainer: 'Money paid in advance and drawn down by work.',
  time_materials: 'Hours and materials billed in arrears at agreed rates.',
  subscription: 'A product-like service paid monthly (e.g. backup only).',
  licence_resale: 'Licences bought and resold to the client.',
  project: 'One-off work at a fixed price with its own budget.',
};

export const statusLabels: Record<AgreementStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  suspended: 'Suspended',
  expired: 'Expired',
  terminated: 'Terminated',
};

export const statusTone = (s: AgreementStatus) =>
  s === 'active' ? 'good' : s === 'suspended' || s === 'draft' ? 'warn' : 'muted';

export const unitLabels: Record<Unit, string> = {
  per_user: 'per user',
  per_device: 'per device',
  per_site: 'per site',
  flat: 'flat',
};

export const quantitySourceLabels: Record<QuantitySource, string> = {
  entered: 'Entered by hand',
  active_contacts: 'Counted: active contacts',
  managed_assets: 'Counted: managed devices',
  sites: 'Counted: sites',
};

export const cycleLabels: Record<BillingCycle, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};

export const timingLabels: Record<BillingTiming, string> = {
  advance: 'In advance (at period start)',
  arrears: 'In arrears (after the period)',
};

export const actionLabels: Record<LifecycleAction, string> = {
  activate: 'Activate',
  suspend: 'Suspend',
  resume: 'Resume',
  renew: 'Renew',
  terminate: 'Terminate',
  expire: 'Mark expired',
};

/** Which actions each status allows, as the server's lifecycle rule does. */
export const actionsFrom: Record<AgreementStatus, LifecycleAction[]> = {
  draft: ['activate'],
  active: ['suspend', 'renew', 'terminate', 'expire'],
  suspended: ['resume', 'terminate', 'expire'],
  expired: ['renew'],
  terminated: [],
};

export const amendmentKindLabels: Record<AmendmentKind, string> = {
  set_quantity: 'Quantity change',
  set_price: 'Price change',
  change_plan: 'Plan change',
  add_line: 'Line added',
  remove_line: 'Line removed',
};

export const clientKindLabels: Record<ClientKind, string> = {
  contract: 'Contract client',
  single_service: 'Single-service contract',
  subscription: 'Subscription client',
  reseller: 'Reseller customer',
  hybrid: 'Hybrid',
  break_fix: 'Break-fix client',
  prospect: 'Prospect',
};

export const clientKindTone = (k: ClientKind) =>
  k === 'contract' ? 'good' : k === 'prospect' ? 'muted' : k === 'break_fix' ? 'warn' : 'neutral';

export const criterionLabels: Record<string, string> = {
  SIGNED: 'Signed',
  ACTIVE: 'Active',
  RECURRING_FEE: 'Fixed recurring fee',
  MINIMUM_TERM: 'Minimum term',
  SLA: 'SLA',
  FULL_STACK: 'Full managed stack',
  MINIMUM_MRR: 'Minimum monthly value',
  WHOLE_ENVIRONMENT: 'Whole environment',
};

/** Frameworks MSP contracts commonly name; others can be typed in. */
export const commonFrameworks = ['GDPR', 'HIPAA', 'PCI-DSS', 'SOX', 'NIST CSF', 'ISO 27001', 'SOC 2', 'NIS2'];

/** A code as words when the catalog's own name is not at hand (portal users cannot read it). */
export const humanize = (code: string) =>
  (code.charAt(0).toUpperCase() + code.slice(1)).replace(/[-_]/g, ' ');

/** Names of the catalog's built-in categories and work types, for readers who cannot load the catalog. */
export const builtInNames: Record<string, string> = {
  monitoring: 'Monitoring',
  patching: 'Patching',
  backup: 'Backup',
  helpdesk: 'Helpdesk',
  security: 'Security',
  email: 'Email & Microsoft 365',
  network: 'Network',
  vcio: 'vCIO & strategy',
  licences: 'Licences',
  remote: 'Remote support',
  onsite: 'On-site support',
  project: 'Project work',
  'after-hours': 'After-hours emergency',
  internal: 'Internal / admin',
};
