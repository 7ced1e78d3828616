import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

type Props<T> = {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  loading?: string;
  children: (data: T) => ReactNode;
};

/** Loading, failed or ready: the three states every fetched view has. */
export function QueryState<T>({ query, loading = 'Loading…', children }: Props<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ProblemAlert error={query.error} />;
  return (
    <p className="muted" role="status">
      {loading}
    </p>
  );
}
