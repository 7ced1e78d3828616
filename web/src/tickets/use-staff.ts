import { useCan } from '../api/session';
import type { User } from '../api/types';
import { useUsers } from '../api/users';

export type Staff = {
  /** Everyone who can take tickets: staff, not disabled. */
  assignable: User[];
  nameOf: (userId: string | null) => string;
};

export const displayName = (u: User) => u.name || u.email;

/** Users by name, for assignee pickers and for who did what on a ticket. */
export function useStaff(): Staff {
  const canRead = useCan('users:read');
  const users = useUsers(canRead);
  const all = users.data?.items ?? [];
  const byId = new Map(all.map((u) => [u.id, u]));
  return {
    assignable: all.filter((u) => u.role !== 'portal' && !u.disabled),
    nameOf: (id) => {
      if (!id) return 'Unassigned';
      const u = byId.get(id);
      return u ? displayName(u) : 'a colleague';
    },
  };
}
