import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useSession } from '../api/session';
import { SignOutButton } from '../auth/sign-out-button';

/** The client portal's frame: the client's own space, with no staff navigation at all. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar topbar--portal">
        <p className="brand">
          Keel <span className="brand__sub">client portal</span>
        </p>
        <nav aria-label="Portal" className="portal-nav">
          <NavLink to="/" end className="portal-nav__link">
            Your company
          </NavLink>
          <NavLink to="/tickets" className="portal-nav__link">
            Your tickets
          </NavLink>
          <NavLink to="/invoices" className="portal-nav__link">
            Your invoices
          </NavLink>
        </nav>
        <span className="topbar__user">{user.name || user.email}</span>
        <SignOutButton />
      </header>
      <main id="main" className="portal__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
