import { NavLink, Outlet } from 'react-router';
import { useSession } from '../api/session';
import { SignOutButton } from '../auth/sign-out-button';
import { staffAreas } from './areas';

/** The frame of every staff page: navigation to each area, who is signed in, sign out. */
export function StaffLayout() {
  const { user } = useSession();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="shell__sidebar">
        <p className="brand">Keel</p>
        <nav aria-label="Main">
          <ul className="nav">
            {staffAreas.map((area) => (
              <li key={area.path}>
                <NavLink to={area.path} end={area.path === '/'} className="nav__link">
                  {area.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="shell__body">
        <header className="topbar">
          <span className="topbar__user">
            {user.name || user.email} <span className="muted">· {user.role}</span>
          </span>
          <SignOutButton />
        </header>
        <main id="main" className="shell__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
