import { type FormEvent, useState } from 'react';
import { earlyTerminationFee } from '../../../src/domain/agreements/lifecycle';
import type { Agreement, LifecycleAction } from '../api/agreement-types';
import { useLifecycle } from '../api/agreements';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { TextField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { today } from './draft';
import { actionLabels, actionsFrom, statusLabels, statusTone } from './labels';

type Props = { agreement: Agreement; currency: string | null; canWrite: boolean };

/** Where the agreement stands (status, signature) and the lifecycle steps it can take from there. */
export function LifecyclePanel({ agreement, currency, canWrite }: Props) {
  const [open, setOpen] = useState<LifecycleAction | null>(null);
  const actions = canWrite ? actionsFrom[agreement.status] : [];
  return (
    <section className="card" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">Status and signature</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <Badge tone={statusTone(agreement.status)}>{statusLabels[agreement.status]}</Badge>
        </dd>
        <dt>Signed</dt>
        <dd>
          {agreement.signedOn
            ? `on ${agreement.signedOn}${agreement.signedBy ? ` by ${agreement.signedBy}` : ''}`
            : 'not signed yet'}
        </dd>
        <dt>Runs</dt>
        <dd>
          from {agreement.startDate}
          {agreement.endDate ? ` until ${agreement.endDate}` : ', open-ended'}
        </dd>
        <dt>Next renewal</dt>
        <dd>
          {agreement.renewalDate ?? '—'}
          {agreement.noticeDeadline && ` (notice by ${agreement.noticeDeadline})`}
        </dd>
      </dl>
      {actions.length > 0 && (
        <div className="button-row">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'terminate' ? 'button button--danger' : 'button'}
              aria-expanded={open === action}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {actionLabels[action]}…
            </button>
          ))}
        </div>
      )}
      {open && (
        <LifecycleForm
          key={open}
          action={open}
          agreement={agreement}
          currency={currency}
          onDone={() => setOpen(null)}
        />
      )}
    </section>
  );
}

type FormProps = {
  action: LifecycleAction;
  agreement: Agreement;
  currency: string | null;
  onDone: () => void;
};

/** The date (and signature, or reason) one lifecycle step needs. */
function LifecycleForm({ action, agreement, currency, onDone }: FormProps) {
  const act = useLifecycle(agreement.id);
  const [on, setOn] = useState(today());
  const [text, setText] = useState('');
  const errors = fieldErrors(act.error);
  const fee = action === 'terminate' && on ? earlyTerminationFee(agreement, on) : 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input =
      action === 'activate'
        ? { action, signedOn: on, signedBy: text.trim() }
        : { action, on, reason: text.trim() };
    act.mutate(input, { onSuccess: onDone });
  }
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label={actionLabels[action]}>
      <ProblemAlert error={act.error} shownFields={['signedOn', 'signedBy', 'on', 'reason']} />
      <div className="grid grid--2">
        <TextField
          label={action === 'activate' ? 'Signed on' : 'Effective on'}
          name={action === 'activate' ? 'signedOn' : 'on'}
          type="date"
          errors={errors}
          value={on}
          onChange={setOn}
          required
        />
        <TextField
          label={action === 'activate' ? 'Signed by' : 'Reason'}
          name={action === 'activate' ? 'signedBy' : 'reason'}
          errors={errors}
          hint={action === 'activate' ? 'Who signed for the client.' : 'Kept in the agreement’s history.'}
          value={text}
          onChange={setText}
          maxLength={action === 'activate' ? 200 : 1000}
          required={action === 'activate'}
        />
      </div>
      {action === 'terminate' && (
        <p className={fee > 0 ? 'alert alert--warn' : 'muted'}>
          {fee > 0
            ? `Ends before the minimum term: an early-termination fee of ${formatMoney(fee, currency)} is owed.`
            : 'The minimum term is served on that date: no early-termination fee.'}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={act.isPending}>
          {act.isPending ? 'Saving…' : `${actionLabels[action]} agreement`}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
