import { useCategories, usePlans, useProducts, useServices, useWorkTypes } from '../api/catalog';
import type { Category, Plan, Product, Service, WorkType } from '../api/catalog-types';
import { humanize } from './labels';

export type AgreementCatalog = {
  categories: Category[];
  services: Service[];
  plans: Plan[];
  products: Product[];
  workTypes: WorkType[];
  categoryName: (code: string) => string;
  workTypeName: (code: string) => string;
};

/**
 * What the agreement editor offers to choose from. Lists still loading are empty rather than
 * blocking the page; codes fall back to words until their names arrive.
 */
export function useAgreementCatalog(): AgreementCatalog {
  const categories = useCategories().data ?? [];
  const services = useServices().data ?? [];
  const plans = usePlans().data ?? [];
  const products = useProducts().data ?? [];
  const workTypes = useWorkTypes().data ?? [];
  const names = new Map<string, string>([
    ...categories.map((c) => [`c:${c.code}`, c.name] as const),
    ...workTypes.map((w) => [`w:${w.code}`, w.name] as const),
  ]);
  return {
    categories,
    services,
    plans,
    products,
    workTypes,
    categoryName: (code) => names.get(`c:${code}`) ?? humanize(code),
    workTypeName: (code) => names.get(`w:${code}`) ?? humanize(code),
  };
}
