import { describe, expect, it } from 'vitest';
import { type Amendment, agreementOn, amendmentsInForce } from './amendments.js';
import { buildAgreement, buildLine } from './fixtures.js';
import type { AgreementLine } from './types.js';

const base = buildAgreement({
  startDate: '2025-01-01',
  lines: [
    buildLine({
      id: 'seats',
      quantity: 20,
      unitPrice: 15_000,
      categories: ['helpdesk'],
      planId: 'essentials',
    }),
    buildLine({ id: 'servers', quantity: 2, unitPrice: 9_000 }),
  ],
});
const line = (id: string) => (a: { lines: AgreementLine[] }) => a.lines.find((l) => l.id === id);

const addFive: Amendment = {
  id: 'a1',
  effectiveOn: '2025-03-01',
  kind: 'set_quantity',
  lineId: 'seats',
  quantity: 25,
};
const raise: Amendment = {
  id: 'a2',
  effectiveOn: '2025-06-01',
  kind: 'set_price',
  lineId: 'seats',
  unitPrice: 16_000,
};
const firewall: Amendment = {
  id: 'a3',
  effectiveOn: '2025-04-15',
  kind: 'add_line',
  line: buildLine({ id: 'firewall', quantity: 1, unitPrice: 4_500, categories: ['network'] }),
};
const dropServers: Amendment = {
  id: 'a4',
  effectiveOn: '2025-09-01',
  kind: 'remove_line',
  lineId: 'servers',
};
const complete: Amendment = {
  id: 'a5',
  effectiveOn: '2025-10-01',
  kind: 'change_plan',
  lineId: 'seats',
  planId: 'complete',
  categories: ['monitoring', 'patching', 'backup', 'helpdesk', 'security'],
  unitPrice: 19_000,
  description: 'Managed IT Complete',
};
const all = [complete, dropServers, firewall, raise, addFive];

describe('agreementOn', () => {
  it.each([
    ['2025-01-15', { seats: [20, 15_000], servers: [2, 9_000] }],
    ['2025-03-01', { seats: [25, 15_000], servers: [2, 9_000] }],
    ['2025-05-01', { seats: [25, 15_000], servers: [2, 9_000], firewall: [1, 4_500] }],
    ['2025-06-01', { seats: [25, 16_000], servers: [2, 9_000], firewall: [1, 4_500] }],
    ['2025-09-01', { seats: [25, 16_000], firewall: [1, 4_500] }],
    ['2025-10-01', { seats: [25, 19_000], firewall: [1, 4_500] }],
  ])('on %s', (date, expected) => {
    const on = agreementOn(base, all, date);
    expect(Object.fromEntries(on.lines.map((l) => [l.id, [l.quantity, l.unitPrice]]))).toEqual(expected);
  });

  it('changes the plan, categories and description with the price', () => {
    const seats = line('seats')(agreementOn(base, all, '2025-12-31'))!;
    expect([seats.planId, seats.description, seats.categories]).toEqual([
      'complete',
      'Managed IT Complete',
      complete.kind === 'change_plan' ? complete.categories : [],
    ]);
  });

  it('never changes the base or the amendments', () => {
    const before = structuredClone(base);
    const records = structuredClone(all);
    agreementOn(base, all, '2026-01-01');
    expect(base).toEqual(before);
    expect(all).toEqual(records);
  });

  it('applies same-day amendments in id order', () => {
    const a: Amendment = {
      id: 'b',
      effectiveOn: '2025-03-01',
      kind: 'set_quantity',
      lineId: 'seats',
      quantity: 30,
    };
    const b: Amendment = {
      id: 'a',
      effectiveOn: '2025-03-01',
      kind: 'set_quantity',
      lineId: 'seats',
      quantity: 40,
    };
    expect(line('seats')(agreementOn(base, [a, b], '2025-03-01'))!.quantity).toBe(30);
  });

  it('voids an amendment reversed on its own date', () => {
    const undo: Amendment = { ...addFive, id: 'r1', reverses: 'a1' };
    for (const date of ['2025-03-01', '2025-12-01']) {
      expect(agreementOn(base, [addFive, undo], date)).toEqual(agreementOn(base, [], date));
    }
  });

  it('undoes an amendment from the reversal date when reversed later', () => {
    const undo: Amendment = {
      id: 'r1',
      effectiveOn: '2025-05-01',
      kind: 'set_quantity',
      lineId: 'seats',
      quantity: 20,
      reverses: 'a1',
    };
    const seats = (date: string) => line('seats')(agreementOn(base, [addFive, raise, undo], date))!;
    expect([seats('2025-04-30').quantity, seats('2025-05-01').quantity]).toEqual([25, 20]);
    expect(seats('2025-07-01')).toMatchObject({ quantity: 20, unitPrice: 16_000 });
  });

  it('skips changes to a line that is not there', () => {
    const ghost: Amendment = {
      id: 'g',
      effectiveOn: '2025-02-01',
      kind: 'set_price',
      lineId: 'ghost',
      unitPrice: 1,
    };
    const twice: Amendment = { ...firewall, id: 'a3b', effectiveOn: '2025-05-01' };
    expect(agreementOn(base, [ghost], '2025-03-01').lines).toEqual(base.lines);
    expect(
      agreementOn(base, [firewall, twice], '2025-06-01').lines.filter((l) => l.id === 'firewall'),
    ).toHaveLength(1);
  });

  it('lists the amendments in force on a date, in replay order', () => {
    const undo: Amendment = { ...firewall, id: 'r', effectiveOn: '2025-08-01', reverses: 'a3' };
    const ids = (date: string) => amendmentsInForce([...all, undo], date).map((a) => a.id);
    expect(ids('2025-07-01')).toEqual(['a1', 'a3', 'a2']);
    expect(ids('2025-10-01')).toEqual(['a1', 'a2', 'a4', 'a5']);
  });
});
