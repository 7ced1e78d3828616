import { describe, expect, it } from 'vitest';
import { billCharges } from './charges.js';
import { BillingValidationError } from './errors.js';

describe('charges: products, licences and one-off expenses', () => {
  it.each([
    // 3 antivirus seats at 4.50
    [3, 450, 1_350],
    // 2.5 m of cable at 3.33 = 8.325 → 8.33 (half away from zero)
    [2.5, 333, 833],
    // a goodwill refund of 2 × −10.00
    [2, -1_000, -2_000],
    [0, 9_999, 0],
  ])('%d × %i = %i', (quantity, unitPrice, amount) => {
    const [line] = billCharges([
      { id: 'c1', description: 'x', date: '2026-03-05', quantity, unitPrice, taxable: true },
    ]);
    expect(line).toMatchObject({
      kind: 'charge',
      key: 'charge:c1',
      quantity,
      unitPrice,
      amount,
      from: '2026-03-05',
      to: '2026-03-05',
    });
  });

  it('refuses bad quantities, prices, dates and a charge given twice', () => {
    const ok = {
      id: 'c1',
      description: 'x',
      date: '2026-03-05',
      quantity: 1,
      unitPrice: 100,
      taxable: false,
    };
    for (const bad of [{ quantity: -1 }, { quantity: 0.0005 }, { unitPrice: 1.5 }, { date: '2026-02-30' }]) {
      expect(() => billCharges([{ ...ok, ...bad }])).toThrow(BillingValidationError);
    }
    expect(() => billCharges([ok, ok])).toThrow(BillingValidationError);
  });
});
