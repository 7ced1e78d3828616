import { useMe } from './api/session';
import { SignInPage } from './auth/sign-in-page';
import { PortalRoutes } from './portal/portal-routes';
import { StaffRoutes } from './staff-routes';
import { ProblemAlert } from './ui/problem-alert';

/** Signed out: sign in, at whatever address was asked for. Signed in: staff app or client portal. */
export function App() {
  const me = useMe();
  if (me.isPending)
    return (
      <p className="splash" role="status">
        Loading Keel…
      </p>
    );
  if (me.error)
    return (
      <main className="sign-in">
        <div className="card sign-in__card">
          <ProblemAlert error={me.error} />
          <button type="button" className="button" onClick={() => me.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  if (!me.data) return <SignInPage />;
  return me.data.user.role === 'portal' ? <PortalRoutes /> : <StaffRoutes />;
}
