import { type FormEvent, useState } from 'react';
import { useRatedInSession, useRateTicket } from '../api/csat';
import { ApiError } from '../api/http';
import type { Ticket } from '../api/ticket-types';
import { ratingLabels, stars } from '../csat/rating';
import { StarInput } from '../csat/star-input';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';

/**
 * Rate a resolved ticket: stars and an optional comment. The rating can be given again to change
 * it. The tickets API does not say whether a ticket was rated before, so only a rating given in
 * this session is shown.
 */
export function RateTicket({ ticket }: { ticket: Ticket }) {
  const rated = useRatedInSession(ticket.id).data;
  const [open, setOpen] = useState(false);
  if (open) return <RatingForm ticket={ticket} onDone={() => setOpen(false)} />;
  return (
    <div className="rate-ticket">
      {rated && (
        <span className="rate-ticket__given">
          <span className="survey__stars" aria-hidden="true">
            {stars(rated.rating)}
          </span>{' '}
          You rated it {ratingLabels[rated.rating]?.toLowerCase()}
        </span>
      )}
      <button
        type="button"
        className="button button--link"
        onClick={() => setOpen(true)}
        aria-label={`${rated ? 'Change rating of' : 'Rate'} ${ticket.reference}`}
      >
        {rated ? 'Change' : 'Rate'}
      </button>
    </div>
  );
}

function RatingForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const previous = useRatedInSession(ticket.id).data;
  const rate = useRateTicket(ticket.id);
  const [rating, setRating] = useState<number | null>(previous?.rating ?? null);
  const [comment, setComment] = useState(previous?.comment ?? '');
  const errors = fieldErrors(rate.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === null) return;
    rate.mutate({ rating, comment: comment.trim() || null }, { onSuccess: onDone });
  }

  return (
    <form className="rating-form" onSubmit={submit} aria-label={`Rate ${ticket.reference}`} noValidate>
      {rate.error instanceof ApiError && rate.error.status === 404 ? (
        <div className="alert alert--warn" role="alert">
          <p>There is no satisfaction survey for this ticket, so it cannot be rated.</p>
        </div>
      ) : (
        <ProblemAlert error={rate.error} shownFields={['rating', 'comment']} />
      )}
      <StarInput legend="How satisfied are you?" value={rating} onChange={setRating} />
      {errors.get('rating') && <p className="field__error">{errors.get('rating')}</p>}
      <Field label="Comment (optional)" name="comment" errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            maxLength={5000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={rating === null || rate.isPending}>
          {rate.isPending ? 'Sending…' : 'Send rating'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
