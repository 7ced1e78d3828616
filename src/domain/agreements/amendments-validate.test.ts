import { describe, expect, it } from 'vitest';
import type { Amendment } from './amendments.js';
import { type AmendmentErrorCode, validateAmendments } from './amendments-validate.js';
import { buildAgreement, buildLine } from './fixtures.js';

const base = buildAgreement({
  startDate: '2025-01-01',
  lines: [buildLine({ id: 'seats', quantity: 20, unitPrice: 15_000 }), buildLine({ id: 'servers' })],
});
const qty = (id: string, effectiveOn: string, quantity: number, lineId = 'seats'): Amendment => ({
  id,
  effectiveOn,
  kind: 'set_quantity',
  lineId,
  quantity,
});
const price = (id: string, effectiveOn: string, unitPrice: number, lineId = 'seats'): Amendment => ({
  id,
  effectiveOn,
  kind: 'set_price',
  lineId,
  unitPrice,
});
const add = (id: string, effectiveOn: string, lineId: string, quantity = 1, unitPrice = 100): Amendment => ({
  id,
  effectiveOn,
  kind: 'add_line',
  line: buildLine({ id: lineId, quantity, unitPrice }),
});
const remove = (id: string, effectiveOn: string, lineId: string): Amendment => ({
  id,
  effectiveOn,
  kind: 'remove_line',
  lineId,
});
const reverse = (a: Amendment, id: string, effectiveOn = a.effectiveOn): Amendment => ({
  ...a,
  id,
  effectiveOn,
  reverses: a.id,
});
const plan = (id: string, unitPrice: number): Amendment => ({
  id,
  effectiveOn: '2025-05-01',
  kind: 'change_plan',
  lineId: 'seats',
  planId: 'complete',
  categories: ['helpdesk'],
  unitPrice,
  description: 'Complete',
});

type Row = [name: string, amendments: Amendment[], errors: [id: string, code: AmendmentErrorCode][]];

describe('validateAmendments', () => {
  const a1 = qty('a1', '2025-03-01', 25);
  const rows: Row[] = [
    [
      'a valid history',
      [
        a1,
        price('a2', '2025-06-01', 16_000),
        add('a3', '2025-04-01', 'fw'),
        qty('a4', '2025-05-01', 2, 'fw'),
        remove('a5', '2025-09-01', 'servers'),
        plan('a6', 19_000),
      ],
      [],
    ],
    ['nothing', [], []],
    ['unknown line', [qty('a1', '2025-03-01', 5, 'ghost')], [['a1', 'UNKNOWN_LINE']]],
    [
      'a line before it is added',
      [qty('a1', '2025-03-01', 5, 'fw'), add('a2', '2025-04-01', 'fw')],
      [['a1', 'UNKNOWN_LINE']],
    ],
    [
      'a line after it is removed',
      [remove('a1', '2025-03-01', 'servers'), price('a2', '2025-04-01', 10, 'servers')],
      [['a2', 'UNKNOWN_LINE']],
    ],
    [
      'removing a line twice',
      [remove('a1', '2025-03-01', 'servers'), remove('a2', '2025-04-01', 'servers')],
      [['a2', 'UNKNOWN_LINE']],
    ],
    ['adding a line that exists', [add('a1', '2025-03-01', 'seats')], [['a1', 'DUPLICATE_LINE']]],
    [
      're-adding a removed line',
      [remove('a1', '2025-03-01', 'servers'), add('a2', '2025-04-01', 'servers')],
      [],
    ],
    ['negative quantity', [qty('a1', '2025-03-01', -3)], [['a1', 'NEGATIVE_QUANTITY']]],
    [
      'a new line with a negative quantity',
      [add('a1', '2025-03-01', 'fw', -1)],
      [['a1', 'NEGATIVE_QUANTITY']],
    ],
    ['quantity not a number', [qty('a1', '2025-03-01', Number.NaN)], [['a1', 'INVALID_NUMBER']]],
    ['negative price', [price('a1', '2025-03-01', -100)], [['a1', 'NEGATIVE_PRICE']]],
    ['a plan with a negative price', [plan('a1', -1)], [['a1', 'NEGATIVE_PRICE']]],
    ['a new line with a negative price', [add('a1', '2025-03-01', 'fw', 1, -5)], [['a1', 'NEGATIVE_PRICE']]],
    ['a price in fractions of a cent', [price('a1', '2025-03-01', 10.5)], [['a1', 'INVALID_NUMBER']]],
    ['zero quantity and price are fine', [qty('a1', '2025-03-01', 0), price('a2', '2025-03-01', 0)], []],
    [
      'overlapping: same line, kind and date',
      [qty('a1', '2025-03-01', 25), qty('a2', '2025-03-01', 30)],
      [['a2', 'OVERLAPPING']],
    ],
    ['same date, other kind', [qty('a1', '2025-03-01', 25), price('a2', '2025-03-01', 1)], []],
    ['same date, other line', [qty('a1', '2025-03-01', 25), qty('a2', '2025-03-01', 3, 'servers')], []],
    [
      'a voided amendment does not overlap its correction',
      [a1, reverse(a1, 'r1'), qty('a2', '2025-03-01', 30)],
      [],
    ],
    [
      'a later reversal leaves the overlap while it held',
      [a1, reverse(a1, 'r1', '2025-04-01'), qty('a2', '2025-03-01', 30)],
      [['a2', 'OVERLAPPING']],
    ],
    ['before the agreement starts', [qty('a1', '2024-12-31', 25)], [['a1', 'BEFORE_START']]],
    ['not a date', [qty('a1', '2025-02-30', 25)], [['a1', 'INVALID_DATE']]],
    ['the same id twice', [a1, price('a1', '2025-04-01', 1)], [['a1', 'DUPLICATE_ID']]],
    ['reversing an unknown amendment', [{ ...a1, id: 'r1', reverses: 'nope' }], [['r1', 'UNKNOWN_REVERSAL']]],
    [
      'reversing twice',
      [a1, reverse(a1, 'r1'), reverse(a1, 'r2', '2025-04-01')],
      [['r2', 'ALREADY_REVERSED']],
    ],
    [
      'reversing a reversal',
      [a1, reverse(a1, 'r1'), { ...a1, id: 'r2', reverses: 'r1' }],
      [['r2', 'REVERSES_REVERSAL']],
    ],
    [
      'reversing before the amendment',
      [a1, reverse(a1, 'r1', '2025-02-01')],
      [['r1', 'REVERSAL_BEFORE_AMENDMENT']],
    ],
    [
      'a reversal payload is a record, not applied',
      [a1, { ...reverse(a1, 'r1'), kind: 'set_quantity', lineId: 'seats', quantity: -1 } as Amendment],
      [],
    ],
    [
      'a line added then voided',
      [
        add('a1', '2025-03-01', 'fw'),
        reverse(add('a1', '2025-03-01', 'fw'), 'r1'),
        qty('a2', '2025-04-01', 2, 'fw'),
      ],
      [['a2', 'UNKNOWN_LINE']],
    ],
  ];
  it.each(rows)('%s', (_, amendments, errors) => {
    const found = validateAmendments(base, amendments);
    expect(found.map((e) => [e.amendmentId, e.code])).toEqual(errors);
    for (const e of found) expect(e.message.length).toBeGreaterThan(0);
  });

  it('says what is wrong', () => {
    const found = validateAmendments(base, [
      qty('a1', '2025-03-01', 25),
      qty('a2', '2025-03-01', -3),
      qty('a3', '2024-12-01', 1, 'ghost'),
    ]);
    expect(found).toEqual([
      {
        amendmentId: 'a3',
        code: 'BEFORE_START',
        message: 'effective 2024-12-01, before the agreement starts (2025-01-01)',
      },
      { amendmentId: 'a3', code: 'UNKNOWN_LINE', message: 'line ghost does not exist on 2024-12-01' },
      { amendmentId: 'a2', code: 'NEGATIVE_QUANTITY', message: 'quantity -3 < 0' },
      {
        amendmentId: 'a2',
        code: 'OVERLAPPING',
        message: 'overlaps a1: both set_quantity on line seats on 2025-03-01',
      },
    ]);
  });
});
