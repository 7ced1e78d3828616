import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useDiscardDraft, useIssueInvoice, useSendInvoice, useVoidInvoice } from '../api/billing';
import type { Invoice } from '../api/billing-types';
import { dateKey } from '../time/week';
import { TextField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { ChargeForm } from './charge-form';
import { CreditNoteForm } from './credit-note-form';
import { DiscountForm } from './discount-form';
import { PaymentForm } from './payment-form';

type Action = 'charge' | 'discounts' | 'issue' | 'discard' | 'pay' | 'credit' | 'send' | 'void';

const actionLabels: Record<Action, string> = {
  charge: 'Add a charge',
  discounts: 'Discounts',
  issue: 'Issue invoice',
  discard: 'Discard draft',
  pay: 'Record a payment',
  credit: 'Create credit note',
  send: 'Send by email',
  void: 'Void invoice',
};

const actionStyle: Partial<Record<Action, string>> = {
  issue: 'button--primary',
  pay: 'button--primary',
  discard: 'button--danger',
  void: 'button--danger',
};

/** What can be done to an invoice in its state: a draft is edited and issued; an issued one is paid, credited, sent or voided. */
export function actionsFor(i: Invoice): Action[] {
  if (i.status === 'void') return [];
  if (i.kind === 'credit_note') return ['send'];
  if (i.status === 'draft') return ['charge', 'discounts', 'issue', 'discard'];
  const open: Action[] = i.status === 'paid' ? [] : ['pay'];
  const voidable: Action[] =
    i.status === 'issued' && i.amountPaid === 0 && i.amountCredited === 0 ? ['void'] : [];
  return [...open, 'credit', 'send', ...voidable];
}

/** The invoice's actions as buttons; each opens its own small form below them. */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const [open, setOpen] = useState<Action | null>(null);
  const actions = actionsFor(invoice);
  if (actions.length === 0) return null;
  const close = () => setOpen(null);
  return (
    <section className="card" aria-label="Invoice actions">
      <div className="button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${actionStyle[action] ?? ''}`}
            aria-expanded={open === action}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {actionLabels[action]}…
          </button>
        ))}
      </div>
      {open === 'charge' && <ChargeForm invoice={invoice} onDone={close} />}
      {open === 'discounts' && <DiscountForm invoice={invoice} onDone={close} />}
      {open === 'issue' && <IssueForm invoice={invoice} onDone={close} />}
      {open === 'discard' && <DiscardForm invoice={invoice} onCancel={close} />}
      {open === 'pay' && (
        <PaymentForm
          clientId={invoice.clientId}
          invoice={invoice}
          currency={invoice.currency}
          onDone={close}
          onCancel={close}
        />
      )}
      {open === 'credit' && <CreditNoteForm invoice={invoice} onDone={close} />}
      {open === 'send' && <SendForm invoice={invoice} onDone={close} />}
      {open === 'void' && <VoidForm invoice={invoice} onDone={close} />}
    </section>
  );
}

type FormProps = { invoice: Invoice; onDone: () => void };

/** Issuing gives the invoice the year's next number and its due date; it cannot change afterwards. */
function IssueForm({ invoice, onDone }: FormProps) {
  const issue = useIssueInvoice(invoice.id);
  const [issueDate, setIssueDate] = useState(dateKey(new Date()));
  const errors = fieldErrors(issue.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    issue.mutate({ issueDate }, { onSuccess: onDone });
  }
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Issue invoice">
      <ProblemAlert error={issue.error} shownFields={['issueDate']} />
      <p>
        Issuing numbers the invoice and fixes it: afterwards it is corrected only by a credit note. It is due{' '}
        {invoice.paymentTermsDays} days after the issue date.
      </p>
      <TextField
        label="Issue date"
        name="issueDate"
        type="date"
        required
        errors={errors}
        value={issueDate}
        onChange={setIssueDate}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={issue.isPending || !issueDate}>
          {issue.isPending ? 'Issuing…' : 'Issue'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A discarded draft is gone; its work and charges wait for the next run. */
function DiscardForm({ invoice, onCancel }: { invoice: Invoice; onCancel: () => void }) {
  const discard = useDiscardDraft(invoice.id);
  const navigate = useNavigate();
  return (
    <div className="subform">
      <ProblemAlert error={discard.error} />
      <p>Discard this draft? Its time entries and charges go back to waiting for the next billing run.</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={discard.isPending}
          onClick={() =>
            discard.mutate(undefined, {
              onSuccess: () => navigate('/billing/invoices', { replace: true }),
            })
          }
        >
          Discard
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/** Voiding keeps the number (the sequence stays gap-free) and frees its work for another invoice. */
function VoidForm({ invoice, onDone }: FormProps) {
  const voidIt = useVoidInvoice(invoice.id);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(voidIt.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    voidIt.mutate(reason.trim(), { onSuccess: onDone });
  }
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Void invoice">
      <ProblemAlert error={voidIt.error} shownFields={['reason']} />
      <TextField
        label="Reason"
        name="reason"
        required
        maxLength={1000}
        hint="Kept with the invoice, which keeps its number."
        errors={errors}
        value={reason}
        onChange={setReason}
      />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={voidIt.isPending || !reason.trim()}>
          Void
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const addresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/** The invoice mailed with its PDF, to the client's billing contacts or to the addresses given. */
function SendForm({ invoice, onDone }: FormProps) {
  const send = useSendInvoice(invoice.id);
  const [to, setTo] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    const list = addresses(to);
    send.mutate(list.length ? list : undefined, { onSuccess: onDone });
  }
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Send by email">
      <ProblemAlert error={send.error} />
      <TextField
        label="To"
        name="to"
        placeholder="The client’s billing contacts"
        hint="Leave empty to send it to the client’s billing contacts, or give addresses separated by commas."
        errors={fieldErrors(send.error)}
        value={to}
        onChange={setTo}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
