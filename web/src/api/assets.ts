import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api, type FieldError } from './http';
import { useSession } from './session';
import type { Page } from './types';

/** Assets of the Keel API: what the MSP looks after at each client, and CSV imports of them. */

export const assetTypes = [
  'workstation',
  'server',
  'laptop',
  'network_device',
  'printer',
  'mobile',
  'cloud_service',
  'other',
] as const;
export type AssetType = (typeof assetTypes)[number];

export type IdentityLabel = { key: string; value: string };

export type Asset = {
  id: string;
  clientId: string;
  siteId: string | null;
  type: AssetType;
  name: string;
  hostname: string | null;
  address: string | null;
  os: string | null;
  serialNumber: string | null;
  manufacturer: string | null;
  model: string | null;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  managed: boolean;
  ownerContactId: string | null;
  /** Staff only. */
  notes?: string;
  identities?: IdentityLabel[];
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type AssetInput = {
  clientId?: string;
  siteId?: string | null;
  type?: AssetType;
  name?: string;
  hostname?: string | null;
  address?: string | null;
  os?: string | null;
  serialNumber?: string | null;
  manufacturer?: string | null;
  model?: string | null;
  purchaseDate?: string | null;
  warrantyEnd?: string | null;
  managed?: boolean;
  ownerContactId?: string | null;
  notes?: string;
  identities?: IdentityLabel[];
};

export type AssetFilters = {
  q: string;
  clientId: string;
  type: AssetType | '';
  managed: '' | 'true' | 'false';
  includeArchived: boolean;
};

export type ImportRowError = { row: number | null; field: string | null; message: string };

export type ImportStatus = {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  dryRun: boolean;
  filename: string | null;
  total: number;
  done: number;
  failed: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

export const assetKeys = {
  all: ['assets'] as const,
  list: (f: AssetFilters) => ['assets', 'list', f] as const,
  detail: (id: string) => ['assets', 'detail', id] as const,
  import: (id: string) => ['assets', 'imports', id] as const,
};

const PAGE_SIZE = 50;

/** Assets across clients, or one client's when the filters name it. */
export function useAssets(filters: AssetFilters) {
  return useInfiniteQuery({
    queryKey: assetKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<Asset>>('/api/v1/assets', {
        q: filters.q.trim(),
        client_id: filters.clientId,
        type: filters.type,
        managed: filters.managed,
        include_archived: filters.includeArchived ? 'true' : undefined,
        limit: PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAsset(id: string) {
  return useQuery({
    queryKey: assetKeys.detail(id),
    queryFn: () => api.get<Asset>(`/api/v1/assets/${encodeURIComponent(id)}`),
    enabled: id !== '',
  });
}

/** Saves the answer as the asset's detail and refreshes every list. */
function useAssetWrite<V>(fn: (vars: V) => Promise<Asset>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (asset) => {
      qc.setQueryData(assetKeys.detail(asset.id), asset);
      void qc.invalidateQueries({ queryKey: [...assetKeys.all, 'list'] });
    },
  });
}

export const useCreateAsset = () =>
  useAssetWrite((input: AssetInput) => api.post<Asset>('/api/v1/assets', input));
export const useUpdateAsset = (id: string) =>
  useAssetWrite((input: AssetInput) => api.patch<Asset>(`/api/v1/assets/${id}`, input));
export const useArchiveAsset = (id: string) => useAssetWrite(() => api.delete<Asset>(`/api/v1/assets/${id}`));
export const useRestoreAsset = (id: string) =>
  useAssetWrite(() => api.post<Asset>(`/api/v1/assets/${id}/restore`));

/**
 * Uploads a CSV file as multipart/form-data (the JSON helper cannot), with the session's CSRF
 * token, and turns a problem+json answer into the same ApiError every form shows.
 */
export function useStartImport() {
  const { csrfToken } = useSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.set('dryRun', String(dryRun));
      form.set('file', file);
      const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
      if (csrfToken) headers['x-csrf-token'] = csrfToken;
      let res: Response;
      try {
        res = await fetch('/api/v1/assets/imports', {
          method: 'POST',
          body: form,
          headers,
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError(
          0,
          'NETWORK',
          'Cannot reach the Keel server. Check your connection and try again.',
        );
      }
      const data = (await res.json().catch(() => null)) as
        | (ImportStatus & { code?: string; detail?: string; errors?: FieldError[] })
        | null;
      if (!res.ok)
        throw new ApiError(
          res.status,
          data?.code ?? `HTTP_${res.status}`,
          data?.detail ?? `The server answered ${res.status}.`,
          Array.isArray(data?.errors) ? (data.errors as FieldError[]) : [],
        );
      return data as ImportStatus;
    },
    onSuccess: (status) => qc.setQueryData(assetKeys.import(status.id), status),
  });
}

const finished = (s: ImportStatus | undefined) => s?.status === 'completed' || s?.status === 'failed';

/** An import's progress, polled every half second until it is finished. */
export function useImportStatus(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: assetKeys.import(id ?? ''),
    queryFn: async () => {
      const status = await api.get<ImportStatus>(`/api/v1/assets/imports/${encodeURIComponent(id!)}`);
      if (finished(status) && !status.dryRun)
        void qc.invalidateQueries({ queryKey: [...assetKeys.all, 'list'] });
      return status;
    },
    enabled: id !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
  });
}
