import { type ReactNode, useEffect } from 'react';

type Props = { title: string; subtitle?: ReactNode; actions?: ReactNode };

/** The page's heading, its actions, and the browser tab's title. */
export function PageHeader({ title, subtitle, actions }: Props) {
  useEffect(() => {
    document.title = `${title} · Keel`;
  }, [title]);
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="page-header__subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
