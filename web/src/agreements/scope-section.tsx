import { CheckboxGroup } from '../ui/checkbox-group';
import { MoneyField, TextField } from '../ui/controlled-fields';
import { ExclusionsEditor } from './exclusions-editor';
import type { SectionProps } from './section-props';

/** What the fee covers (categories and work types), what it does not, and the rates for extra work. */
export function ScopeSection(props: SectionProps) {
  const { draft, update, errors, currency, catalog } = props;
  return (
    <fieldset className="fieldset">
      <legend>Scope and rates</legend>
      <CheckboxGroup
        legend="Covered service categories"
        hint="Besides what the lines deliver. A contract client's agreement covers the full managed stack."
        options={catalog.categories.map((c) => ({ value: c.code, label: c.name }))}
        selected={draft.coveredCategories}
        onChange={(coveredCategories) => update({ coveredCategories })}
        error={errors.get('coveredCategories')}
      />
      <CheckboxGroup
        legend="Covered work types"
        hint="Work of these types, in a covered category, is not billed."
        options={catalog.workTypes.filter((w) => !w.internal).map((w) => ({ value: w.code, label: w.name }))}
        selected={draft.coveredWorkTypes}
        onChange={(coveredWorkTypes) => update({ coveredWorkTypes })}
        error={errors.get('coveredWorkTypes')}
      />
      <div className="grid grid--3">
        <MoneyField
          label="Out-of-scope rate (per hour)"
          name="outOfScopeRate"
          errors={errors}
          currency={currency}
          hint="Empty: each work type's default rate."
          value={draft.outOfScopeRate}
          onChange={(outOfScopeRate) => update({ outOfScopeRate })}
        />
        <TextField
          label="After-hours multiplier"
          name="afterHoursMultiplier"
          errors={errors}
          inputMode="decimal"
          hint="Applied to billable rates outside business hours, e.g. 1.5."
          value={draft.afterHoursMultiplier}
          onChange={(afterHoursMultiplier) => update({ afterHoursMultiplier })}
        />
      </div>
      <ExclusionsEditor {...props} />
    </fieldset>
  );
}
