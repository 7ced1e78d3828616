import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError, api, setCsrfToken } from './http';
import type { Me } from './types';

export const meKey = ['me'] as const;

/** Who is signed in: the session, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get<Me>('/api/v1/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export type SignInInput = { email: string; password: string; totp?: string };

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<Me>('/api/v1/auth/login', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, null);
    },
  });
}

/**
 * The signed-in session; only call below the sign-in gate. During sign-out a component may render
 * once more after the session is cleared and before the gate unmounts it: it keeps the last one.
 */
export function useSession(): Me {
  const { data } = useMe();
  const last = useRef(data);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSession needs a signed-in user.');
  return last.current;
}

export function useCan(permission: string): boolean {
  return useSession().permissions.includes(permission);
}
