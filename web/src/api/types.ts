/** Shapes of the Keel API (JSON, camelCase). Dates arrive as ISO 8601 strings. */

export type Role = 'admin' | 'manager' | 'technician' | 'billing' | 'portal';

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  clientId: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Me = {
  user: User;
  permissions: string[];
  csrfToken: string | null;
  via: 'session' | 'token';
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type ClientStatus = 'active' | 'onboarding' | 'inactive';
export type Criticality = 'low' | 'medium' | 'high' | 'critical';

export type Address = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

export type ClientProfile = {
  users: number;
  endpoints: number;
  sites: number;
  remoteUsers: number;
  criticality: Criticality;
};

export type Client = {
  id: string;
  name: string;
  status: ClientStatus;
  timeZone: string;
  taxRateBp: number;
  billingAddress: Address;
  notes: string;
  profile: ClientProfile;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ClientInput = {
  name?: string;
  status?: ClientStatus;
  timeZone?: string;
  taxRateBp?: number;
  billingAddress?: Address;
  notes?: string;
  profile?: Partial<ClientProfile>;
};

export type Site = {
  id: string;
  clientId: string;
  name: string;
  address: Address;
  timeZone: string | null;
  notes: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

export type SiteInput = {
  name: string;
  address: Address;
  timeZone: string | null;
  notes: string;
};

export type Contact = {
  id: string;
  clientId: string;
  siteId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  role: string;
  isBilling: boolean;
  portalAccess: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

export type ContactInput = {
  name: string;
  email: string | null;
  phone: string | null;
  role: string;
  siteId: string | null;
  isBilling: boolean;
  portalAccess: boolean;
};
