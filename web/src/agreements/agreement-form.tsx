import { type FormEvent, useState } from 'react';
import type { AgreementKind, AgreementTerms, Line, LineInput } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { BillingSection } from './billing-section';
import { ServiceLevelSection, TerminationSection } from './commitments-section';
import type { AgreementDraft } from './draft';
import { toTerms } from './draft-body';
import { LinesSection } from './lines-section';
import { PrepaidSection } from './prepaid-section';
import { previewOf } from './preview';
import { ScopeSection } from './scope-section';
import type { SectionProps } from './section-props';
import { IdentitySection, TermSection } from './terms-section';
import { useAgreementCatalog } from './use-agreement-catalog';

export type AgreementSubmit = { kind: AgreementKind; terms: AgreementTerms; lines: LineInput[] };

type Props = {
  initial: AgreementDraft;
  isNew: boolean;
  /** Lines are edited here only while a draft. */
  linesEditable: boolean;
  savedLines: Line[];
  /** The saved agreement's monthly recurring value (signed agreements' lines are not edited here). */
  savedMrr: number;
  currency: string | null;
  /** Closed agreements and people without agreements:write see the form without changing it. */
  readOnly: boolean;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (value: AgreementSubmit) => void;
};

/** Every field path the form shows next to its input; the alert lists any other the server names. */
const shownPath =
  /^(name|kind|startDate|endDate|minimumTermMonths|renewalTermMonths|noticeDays|billing\.\w+|partOfEnvironment|coveredCategories|coveredWorkTypes|outOfScopeRate|afterHoursMultiplier|blockHours\.\w+|retainerAmount|slaPolicyId|complianceFrameworks|termination\.\w+|notes|exclusions\.\d+(\.\w+)?|lines\.\d+\.(description|quantity|unit|unitPrice|quantitySource|categories))$/;

/** The whole agreement on one page: identity, term, billing, lines, scope, prepaid work, SLA, termination. */
export function AgreementForm(props: Props) {
  const { initial, isNew, linesEditable, savedLines, currency, readOnly, pending, error } = props;
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Map<string, string>>(new Map());
  const catalog = useAgreementCatalog();
  const serverErrors = fieldErrors(error);
  const errors = new Map([...serverErrors, ...localErrors]);
  const preview = previewOf(draft, currency);
  const mrr = linesEditable ? preview.mrr : props.savedMrr;
  const section: SectionProps = {
    draft,
    update: (patch) => setDraft((d) => ({ ...d, ...patch })),
    errors,
    currency,
    catalog,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const { terms, lines, errors: found } = toTerms(draft, currency);
    setLocalErrors(found);
    if (found.size === 0) props.onSubmit({ kind: draft.kind, terms, lines });
  }

  return (
    <form className="form form--wide" onSubmit={submit} noValidate aria-label="Agreement">
      <ProblemAlert error={error} shownFields={[...serverErrors.keys()].filter((k) => shownPath.test(k))} />
      {localErrors.size > 0 && (
        <p className="alert alert--error" role="alert">
          {localErrors.size === 1 ? 'One field needs' : `${localErrors.size} fields need`} fixing before
          saving.
        </p>
      )}
      <fieldset className="bare" disabled={readOnly}>
        <IdentitySection {...section} isNew={isNew} />
        <TermSection {...section} renewalDate={preview.renewalDate} noticeDeadline={preview.noticeDeadline} />
        <BillingSection {...section} />
        <LinesSection {...section} editable={linesEditable} savedLines={savedLines} mrr={mrr} />
        <ScopeSection {...section} />
        <PrepaidSection {...section} />
        <ServiceLevelSection {...section} />
        <TerminationSection {...section} />
        <Field label="Internal notes" name="notes" errors={errors} hint="Never shown to the client.">
          {(p) => (
            <textarea
              {...p}
              rows={4}
              maxLength={20_000}
              value={draft.notes}
              onChange={(e) => section.update({ notes: e.target.value })}
            />
          )}
        </Field>
      </fieldset>
      <div className="form__footer">
        <p>
          Monthly recurring value <strong>{formatMoney(mrr, currency)}</strong>
          {preview.renewalDate && (
            <span className="muted">
              {' '}
              · renews {preview.renewalDate}
              {preview.noticeDeadline && `, notice by ${preview.noticeDeadline}`}
            </span>
          )}
        </p>
        {!readOnly && (
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Saving…' : props.submitLabel}
          </button>
        )}
      </div>
    </form>
  );
}
