import { useQuery } from '@tanstack/react-query';
import type { Classification, ClassificationSummary } from './agreement-types';
import { api } from './http';

export const useClassification = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: ['classification', 'client', clientId],
    queryFn: () => api.get<Classification>(`/api/v1/clients/${encodeURIComponent(clientId)}/classification`),
    enabled,
  });

export const useClassificationSummary = () =>
  useQuery({
    queryKey: ['classification', 'summary'],
    queryFn: () => api.get<ClassificationSummary>('/api/v1/classification/summary'),
  });
