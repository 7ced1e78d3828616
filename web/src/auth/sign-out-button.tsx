import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session';

export function SignOutButton() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}
    >
      Sign out
    </button>
  );
}
