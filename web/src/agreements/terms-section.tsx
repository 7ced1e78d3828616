import type { AgreementKind } from '../api/agreement-types';
import { CheckField, SelectField, TextField, WholeField } from '../ui/controlled-fields';
import { withKindDefaults } from './draft';
import { kindLabels, kindPurpose } from './labels';
import type { SectionProps } from './section-props';

const kinds = Object.entries(kindLabels) as [AgreementKind, string][];

/** What the agreement is: its kind (fixed once created), name, and the part of the environment it covers. */
export function IdentitySection({ draft, update, errors, isNew }: SectionProps & { isNew: boolean }) {
  return (
    <fieldset className="fieldset">
      <legend>Agreement</legend>
      <div className="grid grid--2">
        <TextField
          label="Name"
          name="name"
          errors={errors}
          value={draft.name}
          onChange={(name) => update({ name })}
          maxLength={200}
          required
        />
        {isNew ? (
          <SelectField
            label="Kind"
            name="kind"
            errors={errors}
            hint={kindPurpose[draft.kind]}
            value={draft.kind}
            options={kinds}
            onChange={(kind) => update(withKindDefaults(draft, kind))}
          />
        ) : (
          <div className="field">
            <span className="field__label">Kind</span>
            <p className="field__static">{kindLabels[draft.kind]}</p>
            <p className="field__hint">
              {kindPurpose[draft.kind]} A kind is fixed once the agreement exists.
            </p>
          </div>
        )}
        <TextField
          label="Part of the environment covered"
          name="partOfEnvironment"
          errors={errors}
          hint="Leave empty when it covers everything; e.g. “Head-office servers” for a partial agreement."
          value={draft.partOfEnvironment}
          onChange={(partOfEnvironment) => update({ partOfEnvironment })}
          maxLength={200}
        />
      </div>
    </fieldset>
  );
}

type TermProps = SectionProps & { renewalDate: string | null; noticeDeadline: string | null };

/** Start, minimum term, auto-renewal and notice, with the renewal date and notice deadline they give. */
export function TermSection({ draft, update, errors, renewalDate, noticeDeadline }: TermProps) {
  return (
    <fieldset className="fieldset">
      <legend>Term and renewal</legend>
      <div className="grid grid--3">
        <TextField
          label="Start date"
          name="startDate"
          type="date"
          errors={errors}
          value={draft.startDate}
          onChange={(startDate) => update({ startDate })}
          required
        />
        <TextField
          label="End date"
          name="endDate"
          type="date"
          errors={errors}
          hint="Empty while open-ended; set by termination or expiry."
          value={draft.endDate}
          onChange={(endDate) => update({ endDate })}
        />
        <WholeField
          label="Minimum term (months)"
          name="minimumTermMonths"
          errors={errors}
          value={draft.minimumTermMonths}
          onChange={(minimumTermMonths) => update({ minimumTermMonths })}
        />
      </div>
      <CheckField
        label="Renews automatically"
        checked={draft.autoRenew}
        onChange={(autoRenew) => update({ autoRenew })}
        hint="At the end of each term, unless either side gives notice in time."
      />
      <div className="grid grid--3">
        <WholeField
          label="Renewal term (months)"
          name="renewalTermMonths"
          errors={errors}
          value={draft.renewalTermMonths}
          onChange={(renewalTermMonths) => update({ renewalTermMonths })}
        />
        <WholeField
          label="Notice before renewal (days)"
          name="noticeDays"
          errors={errors}
          value={draft.noticeDays}
          onChange={(noticeDays) => update({ noticeDays })}
        />
      </div>
      <dl className="facts facts--computed" aria-label="Renewal">
        <dt>Next renewal</dt>
        <dd>{renewalDate ?? 'none (does not renew)'}</dd>
        <dt>Notice deadline</dt>
        <dd>{noticeDeadline ?? '—'}</dd>
      </dl>
    </fieldset>
  );
}
