import { useQuery } from '@tanstack/react-query';
import { api } from './http';
import type { User } from './types';

export const useUsers = (enabled = true) =>
  useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<{ items: User[] }>('/api/v1/users'),
    staleTime: 5 * 60_000,
    enabled,
  });
