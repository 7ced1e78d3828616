import { unitLabels } from '../agreements/labels';
import type { Unit } from '../api/catalog-types';

/** The <option>s of a "per user / device / site / flat" select. */
export function UnitOptions() {
  return (
    <>
      {(Object.entries(unitLabels) as [Unit, string][]).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
