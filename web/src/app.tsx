import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useMe } from './api/session';
import { SignInPage } from './auth/sign-in-page';
import { SurveyPage } from './csat/survey-page';
import { ProblemAlert } from './ui/problem-alert';

// Loaded once someone signs in: a survey link or the sign-in page never fetches the whole app.
const StaffRoutes = lazy(() => import('./staff-routes').then((m) => ({ default: m.StaffRoutes })));
const PortalRoutes = lazy(() => import('./portal/portal-routes').then((m) => ({ default: m.PortalRoutes })));

const splash = (
  <p className="splash" role="status">
    Loading Keel…
  </p>
);

/**
 * Public pages first: a satisfaction survey link works for whoever opens it, signed in or not, and
 * never asks who they are. Everything else is behind the sign-in gate.
 */
export function App() {
  return (
    <Routes>
      <Route path="/csat/:token" element={<SurveyPage />} />
      <Route path="*" element={<SignedIn />} />
    </Routes>
  );
}

/** Signed out: sign in, at whatever address was asked for. Signed in: staff app or client portal. */
function SignedIn() {
  const me = useMe();
  if (me.isPending) return splash;
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
  return (
    <Suspense fallback={splash}>
      {me.data.user.role === 'portal' ? <PortalRoutes /> : <StaffRoutes />}
    </Suspense>
  );
}
