import { type FormEvent, useState } from 'react';
import { paymentLimit } from '../../../src/domain/billing/payments';
import { useAllInvoices, useReceivables, useRecordPayment } from '../api/billing';
import type { InvoiceSummary, Payment, PaymentMethod } from '../api/billing-types';
import { ApiError } from '../api/http';
import { ClientSelect } from '../clients/client-select';
import { formatMoney, parseMoney, toDecimal } from '../money/money';
import { dateKey } from '../time/week';
import { MoneyField, SelectField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { formatDay, invoiceName, methodLabels } from './labels';

type Props = {
  /** The client who paid; absent: chosen in the form. */
  clientId?: string;
  /** The invoice the money is for, chosen at first and its balance offered as the amount. */
  invoice?: InvoiceSummary;
  currency: string | null;
  onDone: (payment: Payment) => void;
  onCancel?: () => void;
};

const methods = Object.entries(methodLabels) as [PaymentMethod, string][];
/**
 * The server counts the limit in minor units; the person typed an amount in their currency, so the
 * refusal is said again in money, on the amount field.
 */
function overLimit(
  error: ApiError,
  attempted: number,
  openBalance: number,
  currency: string | null,
): ApiError {
  const money = (minor: number) => formatMoney(minor, currency);
  const limit = money(paymentLimit(openBalance));
  return new ApiError(
    error.status,
    error.code,
    `${money(attempted)} is more than this client owes (${money(openBalance)}) plus 10 %: at most ${limit} can be recorded in one payment. Check the amount and the client. Nothing was recorded.`,
    [{ field: 'amount', message: `at most ${limit}` }],
  );
}

const isOpen = (i: InvoiceSummary) =>
  (i.status === 'issued' || i.status === 'partially_paid') && i.balance > 0;

/**
 * Money received: who paid, when, how much, how, the bank's reference, and (if the client said) the
 * invoice it is for; otherwise it pays the oldest due first, and what is left is client credit. The
 * server refuses more than the open balance plus 10 %; the form says the limit before it is asked.
 */
export function PaymentForm({ clientId: fixedClient, invoice, currency, onDone, onCancel }: Props) {
  const record = useRecordPayment();
  const [clientId, setClientId] = useState(fixedClient ?? '');
  const [date, setDate] = useState(dateKey(new Date()));
  const [amount, setAmount] = useState(invoice ? toDecimal(invoice.balance, currency) : '');
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [invoiceId, setInvoiceId] = useState(invoice?.id ?? '');
  const [typed, setTyped] = useState<ApiError | null>(null);
  const invoices = useAllInvoices({ clientId, kind: 'invoice' }, clientId !== '');
  // Today's balance, as the server checks the limit against what is open when the payment is recorded.
  const balances = useReceivables('', clientId, clientId !== '');
  const open = (invoices.data ?? []).filter(isOpen);
  const openBalance = balances.data?.clients.find((c) => c.clientId === clientId)?.openBalance ?? 0;
  const error =
    typed ??
    (record.error instanceof ApiError && record.error.code === 'PAYMENT_EXCEEDS_LIMIT' && balances.data
      ? overLimit(record.error, record.variables?.amount ?? 0, openBalance, currency)
      : record.error);
  const errors = fieldErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const minor = parseMoney(amount, currency);
    const wrong = [
      ...(clientId ? [] : [{ field: 'clientId', message: 'choose who paid' }]),
      ...(minor === null || Number.isNaN(minor) || minor <= 0
        ? [{ field: 'amount', message: 'give the amount received, e.g. 1200.00' }]
        : []),
    ];
    if (wrong.length) {
      setTyped(new ApiError(400, 'INVALID_INPUT', 'The payment is not complete.', wrong));
      return;
    }
    setTyped(null);
    record.mutate(
      {
        clientId,
        date,
        amount: minor!,
        method,
        reference: reference.trim(),
        note: note.trim(),
        invoiceId: invoiceId || null,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="subform" onSubmit={submit} noValidate aria-label="Record a payment">
      <ProblemAlert
        error={error}
        shownFields={['clientId', 'date', 'amount', 'method', 'reference', 'invoiceId', 'note']}
      />
      {!fixedClient && (
        <ClientSelect
          label="Client"
          value={clientId}
          error={errors.get('clientId')}
          onChange={(next) => {
            setClientId(next);
            setInvoiceId('');
          }}
        />
      )}
      <div className="grid grid--3">
        <TextField
          label="Received on"
          name="date"
          type="date"
          required
          errors={errors}
          value={date}
          onChange={setDate}
        />
        <MoneyField
          label="Amount"
          name="amount"
          currency={currency}
          required
          errors={errors}
          hint={
            clientId && balances.data
              ? `Open balance ${formatMoney(openBalance, currency)}; at most ${formatMoney(paymentLimit(openBalance), currency)} in one payment.`
              : undefined
          }
          value={amount}
          onChange={setAmount}
        />
        <SelectField
          label="Method"
          name="method"
          errors={errors}
          value={method}
          onChange={setMethod}
          options={methods}
        />
      </div>
      <div className="grid grid--2">
        <TextField
          label="Reference"
          name="reference"
          maxLength={200}
          hint="The bank’s or card processor’s reference."
          errors={errors}
          value={reference}
          onChange={setReference}
        />
        <Field label="For invoice" name="invoiceId" errors={errors}>
          {(p) => (
            <select {...p} value={invoiceId} onChange={(e) => setInvoiceId(e.target.value)}>
              <option value="">Oldest due first</option>
              {invoice && !open.some((i) => i.id === invoice.id) && (
                <option value={invoice.id}>{invoiceName(invoice)}</option>
              )}
              {open.map((i) => (
                <option key={i.id} value={i.id}>
                  {invoiceName(i)} · due {formatDay(i.dueDate)} · {formatMoney(i.balance, i.currency)} open
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <TextField label="Note" name="note" maxLength={2000} errors={errors} value={note} onChange={setNote} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {record.isPending ? 'Recording…' : 'Record payment'}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
