import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupWorkLines, type WorkSubject } from './work-groups.js';
import type { WorkLine } from './work-types.js';

function line(id: string, o: Partial<WorkLine> = {}): WorkLine {
  return {
    kind: 'work',
    key: `work:${id}`,
    description: `remote: task ${id}`,
    quantity: 0.5,
    unitPrice: 9_000,
    amount: 4_500,
    from: '2026-03-10',
    to: '2026-03-10',
    taxable: true,
    entryId: id,
    agreementId: null,
    outcomeKind: 'time_materials',
    ruleCode: 'BREAK_FIX',
    workType: 'remote',
    workedMinutes: 25,
    billedMinutes: 30,
    afterHoursMinutes: 0,
    afterHoursMultiplier: 1,
    rate: 9_000,
    drawnMinutes: 0,
    drawnAmount: 0,
    overageMinutes: 0,
    note: 'Break-fix at the work type rate',
    ...o,
  };
}

const onTicket =
  (key = 'ticket:1'): ((id: string) => WorkSubject) =>
  () => ({ key, label: 'Ticket #1' });

describe('groupWorkLines', () => {
  it('keeps a single entry as its own line reads', () => {
    const [g] = groupWorkLines([line('a')], onTicket());
    expect(g).toMatchObject({
      key: 'work:a',
      description: 'remote: task a',
      quantity: 0.5,
      amount: 4_500,
      entryIds: ['a'],
      note: 'Break-fix at the work type rate',
      draws: [],
    });
  });

  it('adds up the entries of one ticket at one rate: hours, amount and dates', () => {
    const lines = [
      line('a', { from: '2026-03-02', to: '2026-03-02' }),
      line('b', { from: '2026-03-20', to: '2026-03-20', billedMinutes: 45, quantity: 0.75, amount: 6_750 }),
      line('c', { from: '2026-03-09', to: '2026-03-09', billedMinutes: 20, quantity: 0.33, amount: 3_000 }),
    ];
    const [g, ...rest] = groupWorkLines(lines, onTicket());
    expect(rest).toEqual([]);
    expect(g).toMatchObject({
      key: 'work:a',
      description: 'remote: Ticket #1 (3 entries)',
      // 30 + 45 + 20 = 95 min = 1.583 h (not 0.5 + 0.75 + 0.33)
      quantity: 1.583,
      amount: 14_250,
      billedMinutes: 95,
      workedMinutes: 75,
      from: '2026-03-02',
      to: '2026-03-20',
      entryIds: ['a', 'b', 'c'],
    });
  });

  it.each<[string, Partial<WorkLine>]>([
    ['another subject', {}],
    ['another work type', { workType: 'onsite' }],
    ['another rate', { rate: 12_000, unitPrice: 12_000 }],
    ['another outcome', { outcomeKind: 'out_of_scope', ruleCode: 'OUTSIDE_MANAGED_SCOPE' }],
    ['another agreement', { agreementId: 'agr-2' }],
    ['another after-hours multiplier', { afterHoursMultiplier: 1.5 }],
    ['work after hours', { afterHoursMinutes: 30, amount: 6_750 }],
    ['another month', { from: '2026-02-27', to: '2026-02-27' }],
  ])('keeps apart entries with %s', (what, o) => {
    const subjects = (id: string) => ({
      key: what === 'another subject' && id === 'b' ? 'ticket:2' : 'ticket:1',
      label: 'T',
    });
    expect(groupWorkLines([line('a'), line('b', o)], subjects)).toHaveLength(2);
  });

  it('names a line of after-hours work as such', () => {
    const late = { afterHoursMinutes: 30, amount: 6_750 };
    const [g] = groupWorkLines([line('a', late), line('b', late)], onTicket());
    expect(g).toMatchObject({
      description: 'remote: Ticket #1 (2 entries, after hours)',
      afterHoursMinutes: 60,
      amount: 13_500,
    });
  });

  it('keeps each date’s block draws and sums a varying note into one', () => {
    const block = {
      outcomeKind: 'block' as const,
      ruleCode: 'DRAWN_FROM_BLOCK',
      agreementId: 'blk',
      rate: 11_000,
    };
    const lines = [
      line('a', {
        ...block,
        from: '2026-03-03',
        billedMinutes: 60,
        drawnMinutes: 60,
        amount: 0,
        note: 'Drew 60 of 60 min from the block (90 → 30 min left).',
      }),
      line('b', {
        ...block,
        from: '2026-03-03',
        billedMinutes: 30,
        drawnMinutes: 30,
        amount: 0,
        note: 'Drew 30 of 30 min from the block (30 → 0 min left).',
      }),
      line('c', {
        ...block,
        from: '2026-03-05',
        billedMinutes: 45,
        drawnMinutes: 0,
        overageMinutes: 45,
        amount: 8_250,
        note: 'Drew 0 of 45 min from the block (0 → 0 min left); overage 45 min at 11000/h.',
      }),
    ];
    const [g] = groupWorkLines(lines, onTicket());
    expect(g!.draws).toEqual([{ date: '2026-03-03', minutes: 90, amount: 0 }]);
    expect(g).toMatchObject({
      drawnMinutes: 90,
      overageMinutes: 45,
      amount: 8_250,
      from: '2026-03-03',
      to: '2026-03-10',
    });
    expect(g!.note).toBe('Drew 90 of 135 min from the block; overage 45 min at 11000/h.');
  });

  it('counts the hours worked on a line that bills none of them', () => {
    const off = {
      billedMinutes: 0,
      afterHoursMinutes: 0,
      amount: 0,
      quantity: 0.42,
      note: 'Not billed: overridden to non-billable.',
    };
    const [g] = groupWorkLines([line('a', off), line('b', off)], onTicket());
    expect(g).toMatchObject({ quantity: 0.833, amount: 0, billedMinutes: 0, workedMinutes: 50 });
  });

  it('never loses or invents an entry, a minute or a cent (property)', () => {
    const arbLine = fc.record({
      id: fc.uuid(),
      subject: fc.constantFrom('ticket:1', 'ticket:2', 'activity:Admin'),
      workType: fc.constantFrom('remote', 'onsite'),
      rate: fc.constantFrom(9_000, 12_000),
      day: fc.integer({ min: 1, max: 59 }),
      billed: fc.integer({ min: 1, max: 600 }),
      amount: fc.integer({ min: 0, max: 100_000 }),
      drawn: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbLine, { selector: (l) => l.id, maxLength: 40 }), (specs) => {
        const subjects = new Map(specs.map((s) => [s.id, s.subject]));
        const lines = specs.map((s) => {
          const date = new Date(Date.UTC(2026, 1, s.day)).toISOString().slice(0, 10);
          return line(s.id, {
            workType: s.workType,
            rate: s.rate,
            from: date,
            to: date,
            billedMinutes: s.billed,
            workedMinutes: s.billed,
            amount: s.amount,
            drawnMinutes: s.drawn,
          });
        });
        const groups = groupWorkLines(lines, (id) => ({ key: subjects.get(id)!, label: subjects.get(id)! }));
        const sum = (xs: readonly { amount: number }[]) => xs.reduce((t, x) => t + x.amount, 0);
        expect(sum(groups)).toBe(sum(lines));
        expect(groups.flatMap((g) => g.entryIds).sort()).toEqual(specs.map((s) => s.id).sort());
        expect(groups.reduce((t, g) => t + g.billedMinutes, 0)).toBe(specs.reduce((t, s) => t + s.billed, 0));
        const drawn = groups.flatMap((g) => g.draws).reduce((t, d) => t + d.minutes, 0);
        expect(drawn).toBe(specs.reduce((t, s) => t + s.drawn, 0));
        expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
        for (const g of groups) expect(g.from! <= g.to!).toBe(true);
      }),
    );
  });
});
