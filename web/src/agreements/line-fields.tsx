import type { QuantitySource } from '../api/agreement-types';
import type { Unit } from '../api/catalog-types';
import { formatMoney, parseMoney, toDecimal } from '../money/money';
import { CheckboxGroup } from '../ui/checkbox-group';
import { CheckField, MoneyField, SelectField, TextField, WholeField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import type { LineDraft } from './draft';
import { quantitySourceLabels, unitLabels } from './labels';
import type { AgreementCatalog } from './use-agreement-catalog';

const units = Object.entries(unitLabels) as [Unit, string][];
const sources = Object.entries(quantitySourceLabels) as [QuantitySource, string][];

type Props = {
  line: LineDraft;
  onChange: (patch: Partial<LineDraft>) => void;
  /** The line's path in the API body, e.g. "lines.0" or "line". */
  path: string;
  errors: Map<string, string>;
  currency: string | null;
  catalog: AgreementCatalog;
};

const itemOf = (l: LineDraft) =>
  l.planId
    ? `plan:${l.planId}`
    : l.serviceId
      ? `service:${l.serviceId}`
      : l.productId
        ? `product:${l.productId}`
        : '';

/**
 * One agreement line: a service, plan or product from the catalog (which fills in its name, unit,
 * list price and categories) or a line of its own, × quantity × unit price per month.
 */
export function LineFields({ line, onChange, path, errors, currency, catalog }: Props) {
  const choose = (item: string) => onChange(fromCatalog(item, catalog, currency));
  const total = lineTotal(line, currency);
  return (
    <>
      <div className="grid grid--2">
        <Field label="Item" name={`${path}.item`} hint="From the catalog, or a line of your own.">
          {(p) => (
            <select {...p} value={itemOf(line)} onChange={(e) => choose(e.target.value)}>
              <option value="">Custom line</option>
              <optgroup label="Plans">
                {catalog.plans.map((x) => (
                  <option key={x.id} value={`plan:${x.id}`} disabled={!x.active}>
                    {x.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Services">
                {catalog.services.map((x) => (
                  <option key={x.id} value={`service:${x.id}`} disabled={!x.active}>
                    {x.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Products and licences">
                {catalog.products.map((x) => (
                  <option key={x.id} value={`product:${x.id}`} disabled={!x.active}>
                    {x.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <TextField
          label="Description"
          name={`${path}.description`}
          errors={errors}
          value={line.description}
          onChange={(description) => onChange({ description })}
          maxLength={300}
        />
      </div>
      <div className="grid grid--4">
        <WholeField
          label="Quantity"
          name={`${path}.quantity`}
          errors={errors}
          value={line.quantity}
          onChange={(quantity) => onChange({ quantity })}
        />
        <SelectField
          label="Unit"
          name={`${path}.unit`}
          errors={errors}
          value={line.unit}
          options={units}
          onChange={(unit) => onChange({ unit })}
        />
        <MoneyField
          label="Unit price (per month)"
          name={`${path}.unitPrice`}
          errors={errors}
          currency={currency}
          value={line.unitPrice}
          onChange={(unitPrice) => onChange({ unitPrice })}
        />
        <SelectField
          label="Quantity from"
          name={`${path}.quantitySource`}
          errors={errors}
          hint="Counted quantities are refreshed at each billing run."
          value={line.quantitySource}
          options={sources}
          onChange={(quantitySource) => onChange({ quantitySource })}
        />
      </div>
      <CheckField
        label="Recurring monthly"
        checked={line.recurring}
        onChange={(recurring) => onChange({ recurring })}
        hint="Untick for one-off charges such as set-up fees; they do not count towards MRR."
      />
      <CheckboxGroup
        legend="Categories this line delivers"
        options={catalog.categories.map((c) => ({ value: c.code, label: c.name }))}
        selected={line.categories}
        onChange={(categories) => onChange({ categories })}
        error={errors.get(`${path}.categories`)}
      />
      <p className="line-total">
        Line total: <strong>{total === null ? '—' : formatMoney(total, currency)}</strong>
        {line.recurring ? ' per month' : ' once'}
      </p>
    </>
  );
}

/**
 * What choosing a catalog item ("plan:ID", "service:ID", "product:ID", or "" for a custom line) sets
 * on a line: the item, and its name, unit, list price and categories as a starting point.
 */
function fromCatalog(item: string, catalog: AgreementCatalog, currency: string | null): Partial<LineDraft> {
  const [type, id] = item.split(':');
  const none = { serviceId: null, planId: null, productId: null };
  const base = (name: string, unit: Unit, price: number) => ({
    ...none,
    description: name,
    unit,
    unitPrice: toDecimal(price, currency),
  });
  const service = type === 'service' && catalog.services.find((x) => x.id === id);
  if (service)
    return {
      ...base(service.name, service.unit, service.price),
      serviceId: service.id,
      categories: [service.categoryCode],
    };
  const plan = type === 'plan' && catalog.plans.find((x) => x.id === id);
  if (plan)
    return { ...base(plan.name, plan.unit, plan.price), planId: plan.id, categories: plan.categories };
  const product = type === 'product' && catalog.products.find((x) => x.id === id);
  if (product)
    return {
      ...base(product.name, product.unit, product.price),
      productId: product.id,
      categories: [product.categoryCode],
    };
  return none;
}

/** Quantity × unit price in minor units, or null while either cannot be read. */
export function lineTotal(line: LineDraft, currency: string | null): number | null {
  const quantity = /^\d+$/.test(line.quantity.trim()) ? Number(line.quantity) : null;
  const price = parseMoney(line.unitPrice, currency);
  return quantity === null || price === null || Number.isNaN(price) ? null : quantity * price;
}
