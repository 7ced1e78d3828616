import { type FormEvent, useId, useState } from 'react';
import type { Ticket, Workflow } from '../api/ticket-types';
import { useReply } from '../api/tickets';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { nextStatuses, statusLabel } from './labels';

type Props = { ticket: Ticket; workflow: Workflow };

/**
 * Answer the client (a public reply, which also meets the first-response target) or leave an
 * internal note only staff read; optionally move the ticket in the same step.
 */
export function ReplyForm({ ticket, workflow }: Props) {
  const id = useId();
  const reply = useReply(ticket.id);
  const [body, setBody] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [status, setStatus] = useState('');
  const errors = fieldErrors(reply.error);
  const moves = nextStatuses(workflow, ticket.status).filter((s) => s.code !== ticket.status);

  function submit(event: FormEvent) {
    event.preventDefault();
    reply.mutate(
      { body, public: isPublic, ...(status ? { status } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setStatus('');
        },
      },
    );
  }

  return (
    <form
      className={`card reply-form ${isPublic ? '' : 'reply-form--note'}`}
      onSubmit={submit}
      aria-label="Reply or note"
      noValidate
    >
      <ProblemAlert error={reply.error} shownFields={['body']} />
      <fieldset className="choice-group">
        <legend>Write</legend>
        <div className="choice-group__options">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-visibility`}
              checked={isPublic}
              onChange={() => setPublic(true)}
            />
            Public reply (the client reads it)
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-visibility`}
              checked={!isPublic}
              onChange={() => setPublic(false)}
            />
            Internal note (staff only)
          </label>
        </div>
      </fieldset>
      <div className={errors.has('body') ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-body`}>{isPublic ? 'Reply' : 'Note'}</label>
        <textarea
          id={`${id}-body`}
          rows={5}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={errors.has('body') ? true : undefined}
          aria-describedby={errors.has('body') ? `${id}-body-error` : undefined}
        />
        {errors.has('body') && (
          <p className="field__error" id={`${id}-body-error`}>
            {errors.get('body')}
          </p>
        )}
      </div>
      <div className="reply-form__actions">
        <div className="field field--inline">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Leave as {statusLabel(workflow, ticket.status)}</option>
            {moves.map((s) => (
              <option key={s.code} value={s.code}>
                Set to {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={reply.isPending || !body.trim()}>
          {reply.isPending ? 'Sending…' : isPublic ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
