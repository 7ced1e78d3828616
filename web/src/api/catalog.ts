import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Category,
  LabourRate,
  LabourRateInput,
  Plan,
  PlanInput,
  Product,
  ProductInput,
  Service,
  ServiceInput,
  WorkType,
} from './catalog-types';
import { api } from './http';

const base = '/api/v1/catalog';

/** One catalog list: categories, services, plans, products, work types or labour rates. */
type Resource = 'categories' | 'services' | 'plans' | 'products' | 'work-types' | 'labour-rates';

export const catalogKey = (resource: Resource) => ['catalog', resource] as const;

// The catalog changes rarely and every agreement screen reads it: keep it for a few minutes.
const useCatalogList = <T>(resource: Resource, enabled = true) =>
  useQuery({
    queryKey: catalogKey(resource),
    queryFn: () => api.get<{ items: T[] }>(`${base}/${resource}`).then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled,
  });

export const useCategories = (enabled?: boolean) => useCatalogList<Category>('categories', enabled);
export const useServices = (enabled?: boolean) => useCatalogList<Service>('services', enabled);
export const usePlans = (enabled?: boolean) => useCatalogList<Plan>('plans', enabled);
export const useProducts = (enabled?: boolean) => useCatalogList<Product>('products', enabled);
export const useWorkTypes = (enabled?: boolean) => useCatalogList<WorkType>('work-types', enabled);
export const useLabourRates = () => useCatalogList<LabourRate>('labour-rates');

/** A create (POST) or change (PATCH by key) of one catalog entry; the list is fetched again after. */
function useCatalogWrite<I, T>(resource: Resource, key: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) =>
      key === null
        ? api.post<T>(`${base}/${resource}`, input)
        : api.patch<T>(`${base}/${resource}/${encodeURIComponent(key)}`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: catalogKey(resource) });
      // Plans list the categories of their services: a service's category change shows there too.
      if (resource === 'services') void qc.invalidateQueries({ queryKey: catalogKey('plans') });
    },
  });
}

export const useSaveCategory = (code: string | null) =>
  useCatalogWrite<{ code?: string; name: string }, Category>('categories', code);
export const useSaveService = (id: string | null) => useCatalogWrite<ServiceInput, Service>('services', id);
export const useSavePlan = (id: string | null) => useCatalogWrite<PlanInput, Plan>('plans', id);
export const useSaveProduct = (id: string | null) => useCatalogWrite<ProductInput, Product>('products', id);
export const useSaveWorkType = (code: string | null) =>
  useCatalogWrite<Partial<WorkType>, WorkType>('work-types', code);
export const useSetLabourRate = () => useCatalogWrite<LabourRateInput, LabourRate>('labour-rates', null);
