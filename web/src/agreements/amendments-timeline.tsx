import { type FormEvent, useState } from 'react';
import type { Amendment } from '../api/agreement-types';
import { useReverseAmendment } from '../api/agreements';
import { Badge } from '../ui/badge';
import { TextField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { describeAmendment } from './amendment-text';
import { amendmentKindLabels } from './labels';

type Props = {
  agreementId: string;
  amendments: Amendment[];
  lineNames: Map<string, string>;
  currency: string | null;
  canReverse: boolean;
};

/** Amendments in effective-date order; reversals point at what they undo, and undone ones say so. */
export function AmendmentsTimeline({ agreementId, amendments, lineNames, currency, canReverse }: Props) {
  const reversedBy = new Map(amendments.filter((a) => a.reverses).map((a) => [a.reverses!, a]));
  const [reversing, setReversing] = useState<string | null>(null);
  return (
    <ol className="timeline">
      {amendments.map((a) => {
        const reversal = reversedBy.get(a.id);
        const text = describeAmendment(a, lineNames, currency);
        return (
          <li key={a.id} className={reversal ? 'timeline__item timeline__item--undone' : 'timeline__item'}>
            <span className="timeline__date">{a.effectiveOn}</span>{' '}
            <Badge tone={a.reverses ? 'warn' : 'neutral'}>
              {a.reverses ? 'Reversal' : amendmentKindLabels[a.kind]}
            </Badge>{' '}
            {a.reverses ? `Undoes: ${text}` : text}
            <span className="muted"> · recorded by {a.createdBy}</span>
            {a.note && <p className="timeline__note">{a.note}</p>}
            {reversal && <p className="timeline__note">Reversed from {reversal.effectiveOn}.</p>}
            {canReverse && !a.reverses && !reversal && (
              <button
                type="button"
                className="button button--link"
                aria-expanded={reversing === a.id}
                onClick={() => setReversing(reversing === a.id ? null : a.id)}
              >
                Reverse…
              </button>
            )}
            {reversing === a.id && (
              <ReverseForm agreementId={agreementId} amendment={a} onDone={() => setReversing(null)} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

type ReverseProps = { agreementId: string; amendment: Amendment; onDone: () => void };

function ReverseForm({ agreementId, amendment, onDone }: ReverseProps) {
  const reverse = useReverseAmendment(agreementId);
  const [effectiveOn, setEffectiveOn] = useState(amendment.effectiveOn);
  const [note, setNote] = useState('');
  const errors = fieldErrors(reverse.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    reverse.mutate({ amendmentId: amendment.id, effectiveOn, note: note.trim() }, { onSuccess: onDone });
  }
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Reverse amendment">
      <ProblemAlert error={reverse.error} shownFields={['effectiveOn', 'note']} />
      <div className="grid grid--2">
        <TextField
          label="Reverse from"
          name="effectiveOn"
          type="date"
          errors={errors}
          hint="The change’s own date voids it entirely; a later date undoes it from then."
          value={effectiveOn}
          onChange={setEffectiveOn}
        />
        <TextField
          label="Note"
          name="note"
          errors={errors}
          value={note}
          onChange={setNote}
          maxLength={1000}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={reverse.isPending}>
          {reverse.isPending ? 'Saving…' : 'Reverse amendment'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
