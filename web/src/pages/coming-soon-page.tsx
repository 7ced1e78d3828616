import type { Area } from '../layout/areas';
import { PageHeader } from '../ui/page-header';

/** An area that is planned but not built: says so plainly, and shows no made-up data. */
export function ComingSoonPage({ area }: { area: Area }) {
  return (
    <>
      <PageHeader title={area.label} />
      <section className="card notice">
        <h2>Coming in a later release</h2>
        <p>{area.purpose}</p>
        <p className="muted">This area is not built yet. Nothing shown here is real data.</p>
      </section>
    </>
  );
}
