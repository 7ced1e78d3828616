import { useState } from 'react';
import { CheckboxGroup } from '../ui/checkbox-group';
import { MoneyField, TextField, WholeField } from '../ui/controlled-fields';
import { commonFrameworks } from './labels';
import type { SectionProps } from './section-props';

/** The service level promised and the compliance frameworks in scope. */
export function ServiceLevelSection({ draft, update, errors }: SectionProps) {
  const [other, setOther] = useState('');
  const frameworks = [...new Set([...commonFrameworks, ...draft.complianceFrameworks])];
  function addOther() {
    const name = other.trim();
    if (name && !draft.complianceFrameworks.includes(name))
      update({ complianceFrameworks: [...draft.complianceFrameworks, name] });
    setOther('');
  }
  return (
    <fieldset className="fieldset">
      <legend>SLA and compliance</legend>
      <TextField
        label="SLA policy"
        name="slaPolicyId"
        errors={errors}
        hint="The SLA policy's ID (SLA policies get their own screen with the SLA area). Empty: no SLA."
        value={draft.slaPolicyId}
        onChange={(slaPolicyId) => update({ slaPolicyId })}
        spellCheck={false}
        autoComplete="off"
      />
      <CheckboxGroup
        legend="Compliance frameworks in scope"
        options={frameworks.map((f) => ({ value: f, label: f }))}
        selected={draft.complianceFrameworks}
        onChange={(complianceFrameworks) => update({ complianceFrameworks })}
        error={errors.get('complianceFrameworks')}
      />
      <div className="inline-add">
        <TextField
          label="Other framework"
          name="complianceFrameworks.other"
          errors={errors}
          value={other}
          maxLength={40}
          onChange={setOther}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addOther();
            }
          }}
        />
        <button type="button" className="button" onClick={addOther} disabled={!other.trim()}>
          Add framework
        </button>
      </div>
    </fieldset>
  );
}

/** How the agreement can end early: notice to give and the fee owed before the minimum term is served. */
export function TerminationSection({ draft, update, errors, currency }: SectionProps) {
  return (
    <fieldset className="fieldset">
      <legend>Termination clause</legend>
      <div className="grid grid--3">
        <WholeField
          label="Termination notice (days)"
          name="termination.noticeDays"
          errors={errors}
          value={draft.terminationNoticeDays}
          onChange={(terminationNoticeDays) => update({ terminationNoticeDays })}
        />
        <MoneyField
          label="Early-termination fee"
          name="termination.earlyTerminationFee"
          errors={errors}
          currency={currency}
          hint="Owed when the agreement ends before its minimum term."
          value={draft.earlyTerminationFee}
          onChange={(earlyTerminationFee) => update({ earlyTerminationFee })}
        />
      </div>
    </fieldset>
  );
}
