import { CheckField, MoneyField, TextField } from '../ui/controlled-fields';
import type { SectionProps } from './section-props';

/** Prepaid work: a block of hours per period (rollover, overage rate) and a retainer's money balance. */
export function PrepaidSection({ draft, update, errors, currency }: SectionProps) {
  return (
    <fieldset className="fieldset">
      <legend>Block hours and retainer</legend>
      <CheckField
        label="Includes a block of hours"
        checked={draft.hasBlockHours}
        onChange={(hasBlockHours) => update({ hasBlockHours })}
        hint="Hours bought for each billing period and drawn down as work is done."
      />
      {draft.hasBlockHours && (
        <div className="grid grid--3">
          <TextField
            label="Hours per period"
            name="blockHours.hoursPerPeriod"
            errors={errors}
            inputMode="decimal"
            hint="In quarter hours, e.g. 10 or 7.5."
            value={draft.blockHoursPerPeriod}
            onChange={(blockHoursPerPeriod) => update({ blockHoursPerPeriod })}
          />
          <MoneyField
            label="Overage rate (per hour)"
            name="blockHours.overageRate"
            errors={errors}
            currency={currency}
            hint="Billed for work beyond the block."
            value={draft.blockOverageRate}
            onChange={(blockOverageRate) => update({ blockOverageRate })}
          />
          <div className="field field--inline">
            <CheckField
              label="Unused hours roll over"
              checked={draft.blockRollover}
              onChange={(blockRollover) => update({ blockRollover })}
            />
          </div>
        </div>
      )}
      <div className="grid grid--3">
        <MoneyField
          label="Retainer balance"
          name="retainerAmount"
          errors={errors}
          currency={currency}
          hint="Money paid in advance and drawn down by billable work. Empty when there is none."
          value={draft.retainerAmount}
          onChange={(retainerAmount) => update({ retainerAmount })}
        />
      </div>
    </fieldset>
  );
}
