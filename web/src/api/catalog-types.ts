/** Shapes of the service catalog API. Money is integer minor units; prices are per unit per month. */

export type Unit = 'per_user' | 'per_device' | 'per_site' | 'flat';

export type Category = { code: string; name: string; builtIn: boolean };

export type Service = {
  id: string;
  name: string;
  categoryCode: string;
  description: string;
  unit: Unit;
  price: number;
  cost: number;
  active: boolean;
};
export type ServiceInput = Omit<Service, 'id'>;

export type Plan = {
  id: string;
  name: string;
  description: string;
  unit: Unit;
  price: number;
  active: boolean;
  serviceIds: string[];
  /** The categories the bundled services deliver, computed by the server. */
  categories: string[];
};
export type PlanInput = Omit<Plan, 'id' | 'categories'>;

export type Product = {
  id: string;
  name: string;
  sku: string | null;
  vendor: string;
  categoryCode: string;
  unit: Unit;
  cost: number;
  price: number;
  active: boolean;
};
export type ProductInput = Omit<Product, 'id'>;

export type WorkType = {
  code: string;
  name: string;
  billable: boolean;
  internal: boolean;
  /** Hourly rate, minor units. */
  defaultRate: number;
  active: boolean;
};

export type LabourRate = { id: string; userId: string; hourlyCost: number; effectiveFrom: string };
export type LabourRateInput = Omit<LabourRate, 'id'>;
