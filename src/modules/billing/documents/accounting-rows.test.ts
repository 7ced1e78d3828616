import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountingRows } from './accounting-rows.js';
import { buildInvoiceDocument, buildLine, withTotals } from './fixtures.js';
import { applyRate } from './money.js';
import { quantityHundredths } from './quantity.js';

describe('accountingRows', () => {
  const rows = accountingRows(buildInvoiceDocument());

  it('books a line whose quantity times price is its amount as it is, with its service dates', () => {
    expect(rows[0]).toMatchObject({
      lineIndex: 0,
      isDiscount: false,
      description: 'Managed services, per user (2026-03-01 to 2026-03-31)',
      quantity: '15',
      rate: 4_500,
      amount: 67_500,
      taxAmount: 13_500,
    });
  });

  it('books a prorated line as one at its amount, saying its quantity and price in words', () => {
    expect(rows[1]).toMatchObject({
      description:
        'Managed services, 5 more users from 10 March (2026-03-10 to 2026-03-31), 5 users at 45.00',
      quantity: '1',
      rate: 15_968,
      amount: 15_968,
      taxAmount: 3_194,
    });
  });

  it('splits a discounted line into the line before discount and a negative discount row', () => {
    // 1.25 h × 90.00 = 112.50 before an 11.25 discount; tax 20.25 = 22.50 on the line − 2.25 on the discount.
    expect(rows.slice(2, 4)).toMatchObject([
      { lineIndex: 2, isDiscount: false, quantity: '1.25', rate: 9_000, amount: 11_250, taxAmount: 2_250 },
      {
        lineIndex: 2,
        isDiscount: true,
        description: 'Discount: Remote support (ticket #4411)',
        quantity: '1',
        rate: -1_125,
        amount: -1_125,
        taxAmount: -225,
      },
    ]);
  });

  const aLine = fc
    .record({
      hundredths: fc.integer({ min: 1, max: 100_000 }),
      unitPrice: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      nudge: fc.integer({ min: -3, max: 3 }),
      discount: fc.nat({ max: 50_000 }),
      taxRateBp: fc.constantFrom(0, 500, 725, 2_000, 2_500),
    })
    .map(({ hundredths, unitPrice, nudge, discount, taxRateBp }) => {
      const gross = Math.round((hundredths * unitPrice) / 100) + nudge;
      const amount = gross - discount;
      return buildLine({
        quantity: (hundredths / 100).toFixed(2),
        unitPrice,
        discount,
        amount,
        taxRateBp,
        taxAmount: applyRate(amount, taxRateBp),
      });
    });

  it('books exactly the document: amounts and taxes sum to its totals, every row multiplies out', () => {
    fc.assert(
      fc.property(fc.array(aLine, { minLength: 1, maxLength: 8 }), (lines) => {
        const doc = withTotals(buildInvoiceDocument({ lines }));
        const booked = accountingRows(doc);
        expect(booked.reduce((s, r) => s + r.amount, 0)).toBe(doc.subtotal - doc.discountTotal);
        expect(booked.reduce((s, r) => s + r.taxAmount, 0)).toBe(doc.taxTotal);
        for (const r of booked) {
          expect(BigInt(quantityHundredths(r.quantity)) * BigInt(r.rate)).toBe(BigInt(r.amount) * 100n);
        }
      }),
    );
  });
});
