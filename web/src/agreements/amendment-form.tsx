import { type FormEvent, useState } from 'react';
import type { Agreement, AmendmentInput, AmendmentKind } from '../api/agreement-types';
import { useAmend } from '../api/agreements';
import { toDecimal } from '../money/money';
import { MoneyField, SelectField, TextField, WholeField } from '../ui/controlled-fields';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { emptyLine, type LineDraft, today } from './draft';
import { reader, toLine } from './draft-body';
import { amendmentKindLabels } from './labels';
import { LineFields } from './line-fields';
import { useAgreementCatalog } from './use-agreement-catalog';

type Props = { agreement: Agreement; currency: string | null };

const kinds = Object.entries(amendmentKindLabels) as [AmendmentKind, string][];
const lineParts = ['description', 'quantity', 'unit', 'unitPrice', 'quantitySource', 'categories'];
const shownFields = [
  ...['kind', 'effectiveOn', 'lineId', 'quantity', 'unitPrice', 'planId', 'description', 'note'],
  ...lineParts.map((p) => `line.${p}`),
];

/** Records one dated change: a quantity, a price, a plan, a line added or removed. */
export function AmendmentForm({ agreement, currency }: Props) {
  const amend = useAmend(agreement.id);
  const catalog = useAgreementCatalog();
  const lines = agreement.lines;
  const [kind, setKind] = useState<AmendmentKind>('set_quantity');
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [note, setNote] = useState('');
  const [chosenLine, setLineId] = useState(lines[0]?.id ?? '');
  // A line removed by the last amendment is no longer offered: fall back to the first one.
  const lineId = lines.some((l) => l.id === chosenLine) ? chosenLine : (lines[0]?.id ?? '');
  const current = lines.find((l) => l.id === lineId);
  const [quantity, setQuantity] = useState(String(current?.quantity ?? ''));
  const [price, setPrice] = useState(toDecimal(current?.unitPrice, currency));
  const [planId, setPlanId] = useState('');
  const [description, setDescription] = useState('');
  const [newLine, setNewLine] = useState<LineDraft>(emptyLine);
  const [localErrors, setLocalErrors] = useState(new Map<string, string>());
  const errors = new Map([...fieldErrors(amend.error), ...localErrors]);

  function pickLine(id: string) {
    setLineId(id);
    const l = lines.find((x) => x.id === id);
    setQuantity(String(l?.quantity ?? ''));
    setPrice(toDecimal(l?.unitPrice, currency));
  }
  function pickPlan(id: string) {
    setPlanId(id);
    const plan = catalog.plans.find((p) => p.id === id);
    if (plan) {
      setDescription(plan.name);
      setPrice(toDecimal(plan.price, currency));
    }
  }

  function build(read: ReturnType<typeof reader>): AmendmentInput {
    const dated = { effectiveOn, note: note.trim() };
    switch (kind) {
      case 'set_quantity':
        return { kind, lineId, quantity: read.whole('quantity', quantity), ...dated };
      case 'set_price':
        return { kind, lineId, unitPrice: read.money('unitPrice', price), ...dated };
      case 'remove_line':
        return { kind, lineId, ...dated };
      case 'add_line':
        return { kind, line: toLine(newLine, 'line', read), ...dated };
      case 'change_plan': {
        const plan = catalog.plans.find((p) => p.id === planId);
        if (!plan) read.errors.set('planId', 'choose the new plan');
        if (!description.trim()) read.errors.set('description', 'describe the line');
        return {
          kind,
          lineId,
          planId: plan?.id ?? null,
          categories: plan?.categories ?? [],
          unitPrice: read.money('unitPrice', price),
          description: description.trim(),
          ...dated,
        };
      }
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = reader(currency);
    const input = build(read);
    if (kind !== 'add_line' && !lineId) read.errors.set('lineId', 'choose a line');
    setLocalErrors(read.errors);
    if (read.errors.size) return;
    amend.mutate(input, {
      onSuccess: () => {
        setNote('');
        setNewLine(emptyLine());
      },
    });
  }

  const lineOptions = lines.map((l) => [l.id, `${l.description} (${l.quantity})`] as const);
  return (
    <form className="card subform" onSubmit={submit} noValidate aria-labelledby="amend-title">
      <h3 id="amend-title">Record an amendment</h3>
      <ProblemAlert error={amend.error} shownFields={shownFields} />
      <div className="grid grid--3">
        <SelectField
          label="Change"
          name="kind"
          errors={errors}
          value={kind}
          options={kinds}
          onChange={setKind}
        />
        <TextField
          label="Effective on"
          name="effectiveOn"
          type="date"
          errors={errors}
          hint="First day the change applies."
          value={effectiveOn}
          onChange={setEffectiveOn}
        />
        {kind !== 'add_line' && (
          <SelectField
            label="Line"
            name="lineId"
            errors={errors}
            value={lineId}
            options={lineOptions}
            onChange={pickLine}
          />
        )}
      </div>
      {kind === 'set_quantity' && (
        <WholeField
          label="New quantity"
          name="quantity"
          errors={errors}
          value={quantity}
          onChange={setQuantity}
        />
      )}
      {kind === 'set_price' && (
        <MoneyField
          label="New unit price (per month)"
          name="unitPrice"
          errors={errors}
          currency={currency}
          value={price}
          onChange={setPrice}
        />
      )}
      {kind === 'change_plan' && (
        <div className="grid grid--3">
          <SelectField
            label="New plan"
            name="planId"
            errors={errors}
            value={planId}
            options={[['', 'Choose a plan…'] as const, ...catalog.plans.map((p) => [p.id, p.name] as const)]}
            onChange={pickPlan}
          />
          <TextField
            label="Line description"
            name="description"
            errors={errors}
            value={description}
            onChange={setDescription}
            maxLength={300}
          />
          <MoneyField
            label="Unit price (per month)"
            name="unitPrice"
            errors={errors}
            currency={currency}
            value={price}
            onChange={setPrice}
          />
        </div>
      )}
      {kind === 'add_line' && (
        <LineFields
          line={newLine}
          path="line"
          onChange={(patch) => setNewLine((l) => ({ ...l, ...patch }))}
          errors={errors}
          currency={currency}
          catalog={catalog}
        />
      )}
      <TextField label="Note" name="note" errors={errors} value={note} onChange={setNote} maxLength={1000} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={amend.isPending}>
          {amend.isPending ? 'Saving…' : 'Record amendment'}
        </button>
      </div>
    </form>
  );
}
