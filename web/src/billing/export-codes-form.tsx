import { type FormEvent, useState } from 'react';
import { useSaveExportSettings } from '../api/billing';
import type { CsvDateFormat, ExportSettings } from '../api/billing-types';
import { ApiError } from '../api/http';
import { SelectField, TextField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { dateFormatLabels } from './export-formats';
import { type RateNameRow, rateNamesOf, rateRowsOf } from './rate-names';
import { RateNamesEditor } from './rate-names-editor';

type Draft = {
  xeroAccountCode: string;
  xeroDateFormat: CsvDateFormat;
  xeroTaxTypes: RateNameRow[];
  quickBooksDateFormat: CsvDateFormat;
  quickBooksTaxCodes: RateNameRow[];
};

const draftOf = (s: ExportSettings): Draft => ({
  xeroAccountCode: s.xeroAccountCode,
  xeroDateFormat: s.xeroDateFormat,
  xeroTaxTypes: rateRowsOf(s.xeroTaxTypes),
  quickBooksDateFormat: s.quickBooksDateFormat,
  quickBooksTaxCodes: rateRowsOf(s.quickBooksTaxCodes),
});

const dateFormats = Object.entries(dateFormatLabels) as [CsvDateFormat, string][];
const shown = ['xeroAccountCode', 'xeroDateFormat', 'quickBooksDateFormat'];
const isRowError = (field: string) => /^(xeroTaxTypes|quickBooksTaxCodes)[.[]/.test(field);

/**
 * What the accounting imports need that invoices do not carry: Xero's revenue account and tax rate
 * names, QuickBooks tax codes, and the date layout each import wizard expects.
 */
export function ExportCodesForm({ settings, canWrite }: { settings: ExportSettings; canWrite: boolean }) {
  const save = useSaveExportSettings();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [typed, setTyped] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const error = typed ?? save.error;
  const errors = fieldErrors(error);
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const xero = rateNamesOf('xeroTaxTypes', draft.xeroTaxTypes);
    const quickBooks = rateNamesOf('quickBooksTaxCodes', draft.quickBooksTaxCodes);
    if ('errors' in xero || 'errors' in quickBooks) {
      const wrong = [
        ...('errors' in xero ? xero.errors : []),
        ...('errors' in quickBooks ? quickBooks.errors : []),
      ];
      setTyped(new ApiError(400, 'INVALID_INPUT', 'Some tax rates are not complete.', wrong));
      return;
    }
    setTyped(null);
    save.mutate(
      {
        xeroAccountCode: draft.xeroAccountCode.trim(),
        xeroDateFormat: draft.xeroDateFormat,
        xeroTaxTypes: xero.names,
        quickBooksDateFormat: draft.quickBooksDateFormat,
        quickBooksTaxCodes: quickBooks.names,
      },
      {
        onSuccess: (next) => {
          setDraft(draftOf(next));
          setSaved(true);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Accounting export codes">
      <ProblemAlert error={error} shownFields={[...shown, ...[...errors.keys()].filter(isRowError)]} />
      {saved && (
        <p className="alert alert--success" role="status">
          Export codes saved.
        </p>
      )}
      <fieldset className="bare" disabled={!canWrite}>
        <fieldset className="fieldset">
          <legend>Xero</legend>
          <div className="grid grid--2">
            <TextField
              label="Xero account code"
              name="xeroAccountCode"
              maxLength={20}
              hint="The sales account every line is booked to; Xero’s default is 200."
              errors={errors}
              value={draft.xeroAccountCode}
              onChange={(xeroAccountCode) => update({ xeroAccountCode })}
            />
            <SelectField
              label="Xero date format"
              name="xeroDateFormat"
              hint="Your Xero organisation’s region decides it."
              errors={errors}
              value={draft.xeroDateFormat}
              onChange={(xeroDateFormat) => update({ xeroDateFormat })}
              options={dateFormats}
            />
          </div>
          <RateNamesEditor
            legend="Xero tax rates"
            field="xeroTaxTypes"
            rowLabel="Xero tax rate"
            nameLabel="Xero tax rate name"
            hint="Xero refuses a line without a tax rate: name each rate your invoices use, as Xero spells it, e.g. 20 → 20% (VAT on Income)."
            rows={draft.xeroTaxTypes}
            onChange={(xeroTaxTypes) => update({ xeroTaxTypes })}
            errors={errors}
            disabled={!canWrite}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>QuickBooks Online</legend>
          <SelectField
            label="QuickBooks date format"
            name="quickBooksDateFormat"
            hint="Choose the same format in the QuickBooks import wizard."
            errors={errors}
            value={draft.quickBooksDateFormat}
            onChange={(quickBooksDateFormat) => update({ quickBooksDateFormat })}
            options={dateFormats}
          />
          <RateNamesEditor
            legend="QuickBooks tax codes"
            field="quickBooksTaxCodes"
            rowLabel="QuickBooks tax code"
            nameLabel="QuickBooks tax code"
            hint="The QuickBooks tax code for each rate your invoices use; without one, a taxed line is written TAX and an untaxed one NON (US sales tax)."
            rows={draft.quickBooksTaxCodes}
            onChange={(quickBooksTaxCodes) => update({ quickBooksTaxCodes })}
            errors={errors}
            disabled={!canWrite}
          />
        </fieldset>
      </fieldset>
      {canWrite && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save export codes'}
          </button>
        </div>
      )}
    </form>
  );
}
