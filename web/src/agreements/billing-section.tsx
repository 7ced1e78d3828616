import type { BillingCycle, BillingTiming } from '../api/agreement-types';
import { SelectField, WholeField } from '../ui/controlled-fields';
import { cycleLabels, timingLabels } from './labels';
import type { SectionProps } from './section-props';

const cycles = Object.entries(cycleLabels) as [BillingCycle, string][];
const timings = Object.entries(timingLabels) as [BillingTiming, string][];

/** How the recurring fee is invoiced: how often, before or after the period, and when it is due. */
export function BillingSection({ draft, update, errors }: SectionProps) {
  return (
    <fieldset className="fieldset">
      <legend>Billing terms</legend>
      <div className="grid grid--3">
        <SelectField
          label="Billing cycle"
          name="billing.cycle"
          errors={errors}
          value={draft.cycle}
          options={cycles}
          onChange={(cycle) => update({ cycle })}
        />
        <SelectField
          label="Invoiced"
          name="billing.timing"
          errors={errors}
          value={draft.timing}
          options={timings}
          onChange={(timing) => update({ timing })}
        />
        <WholeField
          label="Payment terms (days)"
          name="billing.paymentTermsDays"
          errors={errors}
          hint="Days from invoice to due date."
          value={draft.paymentTermsDays}
          onChange={(paymentTermsDays) => update({ paymentTermsDays })}
        />
      </div>
    </fieldset>
  );
}
