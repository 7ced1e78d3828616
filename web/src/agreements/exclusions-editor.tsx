import { MoneyField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { type ExclusionDraft, emptyExclusion } from './draft';
import type { SectionProps } from './section-props';

/** Work the agreement explicitly leaves out (a category, a work type, or both) and its hourly rate. */
export function ExclusionsEditor({ draft, update, errors, currency, catalog }: SectionProps) {
  const change = (key: string, patch: Partial<ExclusionDraft>) =>
    update({ exclusions: draft.exclusions.map((e) => (e.key === key ? { ...e, ...patch } : e)) });
  return (
    <div className="subsection">
      <h3>Exclusions</h3>
      {draft.exclusions.length === 0 && (
        <p className="muted">Nothing excluded beyond what is out of scope.</p>
      )}
      {draft.exclusions.map((e, i) => (
        <fieldset key={e.key} className="subfieldset">
          <legend>Exclusion {i + 1}</legend>
          {errors.get(`exclusions.${i}`) && <p className="field__error">{errors.get(`exclusions.${i}`)}</p>}
          <div className="grid grid--4">
            <Field label="Category" name={`exclusions.${i}.category`} errors={errors}>
              {(p) => (
                <select
                  {...p}
                  value={e.category}
                  onChange={(ev) => change(e.key, { category: ev.target.value })}
                >
                  <option value="">Any category</option>
                  {catalog.categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Work type" name={`exclusions.${i}.workType`} errors={errors}>
              {(p) => (
                <select
                  {...p}
                  value={e.workType}
                  onChange={(ev) => change(e.key, { workType: ev.target.value })}
                >
                  <option value="">Any work type</option>
                  {catalog.workTypes.map((w) => (
                    <option key={w.code} value={w.code}>
                      {w.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField
              label="Description"
              name={`exclusions.${i}.description`}
              errors={errors}
              value={e.description}
              onChange={(description) => change(e.key, { description })}
              maxLength={300}
            />
            <MoneyField
              label="Rate (per hour)"
              name={`exclusions.${i}.hourlyRate`}
              errors={errors}
              currency={currency}
              value={e.hourlyRate}
              onChange={(hourlyRate) => change(e.key, { hourlyRate })}
            />
          </div>
          <button
            type="button"
            className="button button--danger"
            onClick={() => update({ exclusions: draft.exclusions.filter((x) => x.key !== e.key) })}
          >
            Remove exclusion {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => update({ exclusions: [...draft.exclusions, emptyExclusion()] })}
      >
        Add exclusion
      </button>
    </div>
  );
}
