import { type FormEvent, useState } from 'react';
import { useSaveBillingSettings } from '../api/billing';
import type { BillingSettings } from '../api/billing-types';
import { ApiError } from '../api/http';
import { CheckField, TextField, WholeField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { TimeZoneInput } from '../ui/time-zone-input';
import { type AddressPart, changesFrom, draftOf, type SettingsDraft, valuesOf } from './settings-draft';

const addressLabels: [AddressPart, string, number][] = [
  ['line1', 'Address line 1', 200],
  ['line2', 'Address line 2', 200],
  ['city', 'City', 100],
  ['region', 'Region or state', 100],
  ['postalCode', 'Postal code', 20],
  ['country', 'Country', 100],
];

/** Every field this form shows beside its input; other field errors are listed in the alert. */
const shown = [
  'sellerName',
  ...addressLabels.map(([part]) => `sellerAddress.${part}`),
  'sellerTaxId',
  'sellerEmail',
  'sellerPhone',
  'paymentInstructions',
  'currency',
  'locale',
  'defaultPaymentTermsDays',
  'reviewMonths',
  'reminderFirstAfterDays',
  'reminderRepeatEveryDays',
  'reminderMax',
  'scheduleDay',
  'scheduleTime',
  'scheduleTimeZone',
];

type Outcome = 'saved' | 'unchanged' | null;
type TextKey = {
  [K in keyof SettingsDraft]: SettingsDraft[K] extends string ? K : never;
}[keyof SettingsDraft];

/**
 * The billing settings row: the seller printed on invoices, currency and default terms, the
 * reminder policy and the billing schedule. Saving sends only the fields that changed.
 */
export function BillingSettingsForm({
  settings,
  canWrite,
}: {
  settings: BillingSettings;
  canWrite: boolean;
}) {
  const save = useSaveBillingSettings();
  const [base, setBase] = useState(settings);
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [typed, setTyped] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const error = typed ?? save.error;
  const errors = fieldErrors(error);
  const update = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setOutcome(null);
  };
  const text = (key: TextKey) => ({
    name: key,
    errors,
    value: draft[key],
    onChange: (value: string) => update({ [key]: value }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const typedValues = valuesOf(draft);
    if ('errors' in typedValues) {
      setTyped(new ApiError(400, 'INVALID_INPUT', 'Some settings are not complete.', typedValues.errors));
      return;
    }
    setTyped(null);
    save.reset();
    const patch = changesFrom(base, typedValues.values);
    if (Object.keys(patch).length === 0) {
      setOutcome('unchanged');
      return;
    }
    save.mutate(patch, {
      onSuccess: (next) => {
        setBase(next);
        setDraft(draftOf(next));
        setOutcome('saved');
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Billing settings">
      <ProblemAlert error={error} shownFields={shown} />
      {!canWrite && (
        <p className="alert alert--info">
          Read only: administrators, managers and billing staff change these.
        </p>
      )}
      <fieldset className="bare" disabled={!canWrite}>
        <fieldset className="fieldset">
          <legend>Seller on invoices</legend>
          <TextField
            label="Seller name"
            required
            maxLength={200}
            hint="Your company as it is printed on every invoice; a PDF is refused without it."
            {...text('sellerName')}
          />
          <div className="grid grid--2">
            {addressLabels.map(([part, label, max]) => (
              <TextField
                key={part}
                label={label}
                name={`sellerAddress.${part}`}
                maxLength={max}
                errors={errors}
                value={draft.sellerAddress[part]}
                onChange={(value) => update({ sellerAddress: { ...draft.sellerAddress, [part]: value } })}
              />
            ))}
          </div>
          <div className="grid grid--3">
            <TextField
              label="Tax ID"
              maxLength={50}
              hint="VAT or sales tax number."
              {...text('sellerTaxId')}
            />
            <TextField label="Billing email" type="email" maxLength={320} {...text('sellerEmail')} />
            <TextField label="Phone" type="tel" maxLength={50} {...text('sellerPhone')} />
          </div>
          <Field
            label="Payment instructions"
            name="paymentInstructions"
            errors={errors}
            hint="Bank details or a payment link, printed under the totals."
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={2000}
                value={draft.paymentInstructions}
                onChange={(e) => update({ paymentInstructions: e.target.value })}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Invoices</legend>
          <div className="grid grid--4">
            <TextField
              label="Currency"
              maxLength={3}
              autoCapitalize="characters"
              hint="ISO 4217, e.g. EUR: invoices made from now on are in it."
              {...text('currency')}
            />
            <TextField
              label="Locale"
              maxLength={35}
              hint="How the PDF writes dates and amounts, e.g. en-GB."
              {...text('locale')}
            />
            <WholeField
              label="Default payment terms (days)"
              hint="For invoices whose agreement names none, such as break-fix work."
              {...text('defaultPaymentTermsDays')}
            />
            <WholeField
              label="Corrections look back (months)"
              hint="How far back a run corrects cycles already billed."
              {...text('reviewMonths')}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Reminders</legend>
          <CheckField
            label="Send reminders for overdue invoices"
            hint="A daily job mails the client’s billing contacts; each reminder is sent once."
            checked={draft.remindersEnabled}
            onChange={(remindersEnabled) => update({ remindersEnabled })}
          />
          <div className="grid grid--3">
            <WholeField label="First reminder after (days overdue)" {...text('reminderFirstAfterDays')} />
            <WholeField label="Then every (days)" {...text('reminderRepeatEveryDays')} />
            <WholeField
              label="At most (reminders)"
              hint="Leave empty for no limit."
              {...text('reminderMax')}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Scheduled billing runs</legend>
          <CheckField
            label="Run billing on a schedule"
            hint="Off: a person starts each run from Billing runs."
            checked={draft.scheduleEnabled}
            onChange={(scheduleEnabled) => update({ scheduleEnabled })}
          />
          <div className="grid grid--3">
            <WholeField
              label="Day of the month"
              hint="1–28: the run that bills each month’s fees in advance."
              {...text('scheduleDay')}
            />
            <TextField label="Time" type="time" {...text('scheduleTime')} />
            <Field
              label="Time zone"
              name="scheduleTimeZone"
              errors={errors}
              hint="The day and time are read here."
            >
              {(p) => (
                <TimeZoneInput
                  {...p}
                  value={draft.scheduleTimeZone}
                  onChange={(e) => update({ scheduleTimeZone: e.target.value })}
                />
              )}
            </Field>
          </div>
          <CheckField
            label="Also run when each month closes, for its time and materials"
            hint="The first day after the month, at the same time: work is invoiced as soon as its month is over."
            checked={draft.scheduleWorkAtPeriodEnd}
            onChange={(scheduleWorkAtPeriodEnd) => update({ scheduleWorkAtPeriodEnd })}
          />
          <CheckField
            label="Issue the invoices a scheduled run makes"
            hint="Off: the run leaves drafts for a person to review and issue."
            checked={draft.scheduleAutoIssue}
            onChange={(scheduleAutoIssue) => update({ scheduleAutoIssue })}
          />
        </fieldset>
      </fieldset>
      {outcome && (
        <p className="alert alert--success" role="status">
          {outcome === 'saved' ? 'Billing settings saved.' : 'Nothing changed: there was nothing to save.'}
        </p>
      )}
      {canWrite && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save billing settings'}
          </button>
        </div>
      )}
    </form>
  );
}
