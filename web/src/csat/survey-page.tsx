import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type Survey, useAnswerSurvey, useSurvey } from '../api/csat';
import { ApiError } from '../api/http';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { parseRating, ratingLabels, ratings, stars } from './rating';

/**
 * The one-click satisfaction survey a resolution mail links to (/csat/<token>?rating=N), open to
 * anyone with the link: the token is the only credential, so no sign-in is asked for. With a
 * rating in the link it is recorded at once; without one, five choices are offered. Either way a
 * comment can follow, and the rating can still be changed.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const linkRating = parseRating(params.get('rating'));
  const survey = useSurvey(token);

  useEffect(() => {
    document.title = 'How did we do? · Keel';
  }, []);

  if (survey.error) {
    // A malformed token is a 400 before the server looks it up: to the reader it is the same dead link.
    const dead =
      survey.error instanceof ApiError && (survey.error.status === 404 || survey.error.status === 400);
    return (
      <SurveyFrame title={dead ? 'This survey link does not work' : 'The survey could not be loaded'}>
        {dead ? (
          <div className="alert alert--warn" role="alert">
            <p>
              There is no survey for this link, or it has expired. Check that the whole address from the mail
              was opened, or reply to the mail to tell us how we did.
            </p>
          </div>
        ) : (
          <>
            <ProblemAlert error={survey.error} />
            <button type="button" className="button" onClick={() => survey.refetch()}>
              Try again
            </button>
          </>
        )}
      </SurveyFrame>
    );
  }
  if (!survey.data)
    return (
      <p className="splash" role="status">
        Loading the survey…
      </p>
    );
  return <SurveyAnswer token={token} survey={survey.data} linkRating={linkRating} />;
}

function SurveyAnswer({
  token,
  survey,
  linkRating,
}: {
  token: string;
  survey: Survey;
  linkRating: number | null;
}) {
  const answer = useAnswerSurvey(token);
  const sent = useRef<string | null>(null);
  // The rating in the link is sent once, keeping any comment already given.
  useEffect(() => {
    if (linkRating === null || sent.current === token) return;
    sent.current = token;
    answer.mutate({ rating: linkRating, comment: survey.comment });
  }, [linkRating, token, survey.comment, answer.mutate]);

  const ticket = (
    <p className="muted">
      About your request <span className="ticket-ref">{survey.reference}</span>: {survey.subject}
    </p>
  );

  // The link's rating is on its way (or failed): say so rather than offering the choices first.
  if (linkRating !== null && !answer.isSuccess && survey.rating !== linkRating) {
    return (
      <SurveyFrame title={answer.isError ? 'Your rating was not saved' : 'Saving your rating…'}>
        {ticket}
        {answer.isError ? (
          <>
            <RatingError error={answer.error} />
            <button
              type="button"
              className="button button--primary"
              onClick={() => answer.mutate({ rating: linkRating, comment: survey.comment })}
            >
              Try again
            </button>
          </>
        ) : (
          <p role="status">
            {stars(linkRating)} {ratingLabels[linkRating]}
          </p>
        )}
      </SurveyFrame>
    );
  }

  if (survey.rating === null)
    return (
      <SurveyFrame title="How did we do?">
        {ticket}
        <RatingError error={answer.error} />
        <RatingChoices
          legend="How satisfied are you with how we handled it?"
          current={null}
          disabled={answer.isPending}
          onChoose={(rating) => answer.mutate({ rating, comment: survey.comment })}
        />
      </SurveyFrame>
    );

  return (
    <SurveyFrame title="Thank you for your feedback">
      {ticket}
      <p className="survey__rating" role="status">
        You rated it{' '}
        <span className="survey__stars" aria-hidden="true">
          {stars(survey.rating)}
        </span>{' '}
        <strong>{ratingLabels[survey.rating]}</strong> ({survey.rating} of 5).
      </p>
      <CommentForm token={token} survey={survey} rating={survey.rating} />
      <details className="survey__change">
        <summary>Change your rating</summary>
        <RatingError error={answer.error} />
        <RatingChoices
          legend="Your rating"
          current={survey.rating}
          disabled={answer.isPending}
          onChoose={(rating) => answer.mutate({ rating, comment: survey.comment })}
        />
      </details>
    </SurveyFrame>
  );
}

/** Five buttons, best first: one click records the rating. */
function RatingChoices({
  legend,
  current,
  disabled,
  onChoose,
}: {
  legend: string;
  current: number | null;
  disabled: boolean;
  onChoose: (rating: number) => void;
}) {
  return (
    <fieldset className="choice-group survey__choices">
      <legend>{legend}</legend>
      <ul className="survey__options">
        {ratings.map((r) => (
          <li key={r}>
            <button
              type="button"
              className={
                r === current ? 'button survey__option survey__option--current' : 'button survey__option'
              }
              disabled={disabled}
              aria-pressed={r === current}
              onClick={() => onChoose(r)}
            >
              <span className="survey__stars" aria-hidden="true">
                {stars(r)}
              </span>{' '}
              {ratingLabels[r]}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** An optional comment, sent with the rating already given; it can be edited and sent again. */
function CommentForm({ token, survey, rating }: { token: string; survey: Survey; rating: number }) {
  const answer = useAnswerSurvey(token);
  const [comment, setComment] = useState(survey.comment ?? '');
  const saved = (survey.comment ?? '') === comment.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    answer.mutate({ rating, comment: comment.trim() || null });
  }

  return (
    <form className="survey__comment" onSubmit={submit} aria-label="Comment" noValidate>
      <ProblemAlert error={answer.error} shownFields={['comment']} />
      <Field
        label="Anything you would like to add? (optional)"
        name="comment"
        errors={fieldErrors(answer.error)}
      >
        {(p) => (
          <textarea
            {...p}
            rows={4}
            maxLength={5000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={answer.isPending || saved}>
          {answer.isPending ? 'Sending…' : survey.comment ? 'Update comment' : 'Send comment'}
        </button>
        <p className="muted small" role="status">
          {answer.isSuccess && saved ? 'Your comment was saved. Thank you!' : ''}
        </p>
      </div>
    </form>
  );
}

function RatingError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 404)
    return (
      <div className="alert alert--warn" role="alert">
        <p>This survey is no longer open, so the rating could not be saved.</p>
      </div>
    );
  return <ProblemAlert error={error} />;
}

function SurveyFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="sign-in">
      <section className="card survey" aria-labelledby="survey-title">
        <p className="brand">Keel</p>
        <h1 id="survey-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
