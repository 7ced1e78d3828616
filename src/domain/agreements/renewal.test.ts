import { describe, expect, it } from 'vitest';
import { buildAgreement } from './fixtures.js';
import { noticeDeadline, renewalDate } from './renewal.js';
import type { Agreement } from './types.js';

type Row = [
  name: string,
  terms: Partial<Agreement>,
  asOf: string,
  renewal: string | null,
  notice: string | null,
];

describe('renewal and notice', () => {
  const rows: Row[] = [
    ['in the first term', {}, '2025-06-01', '2026-02-01', '2025-12-03'],
    ['the day before the first renewal', {}, '2026-01-31', '2026-02-01', '2025-12-03'],
    ['on the renewal day: the next one', {}, '2026-02-01', '2027-02-01', '2026-12-03'],
    ['years later', {}, '2029-07-10', '2030-02-01', '2029-12-03'],
    ['before the start', {}, '2024-12-01', '2026-02-01', '2025-12-03'],
    ['36-month term, then yearly', { minimumTermMonths: 36 }, '2028-03-01', '2029-02-01', '2028-12-03'],
    ['monthly renewal after 12 months', { renewalTermMonths: 1 }, '2026-05-20', '2026-06-01', '2026-04-02'],
    [
      'month to month',
      { minimumTermMonths: 0, renewalTermMonths: 1, noticeDays: 30 },
      '2025-02-01',
      '2025-03-01',
      '2025-01-30',
    ],
    [
      'month to month, later',
      { minimumTermMonths: 0, renewalTermMonths: 1, noticeDays: 0 },
      '2025-09-15',
      '2025-10-01',
      '2025-10-01',
    ],
    [
      'a 31st start stays at month ends',
      { startDate: '2025-01-31', minimumTermMonths: 1, renewalTermMonths: 1, noticeDays: 0 },
      '2025-03-15',
      '2025-03-31',
      '2025-03-31',
    ],
    [
      'a 31st start in February',
      { startDate: '2025-01-31', minimumTermMonths: 1, renewalTermMonths: 1, noticeDays: 0 },
      '2025-02-10',
      '2025-02-28',
      '2025-02-28',
    ],
    [
      'no auto-renewal: end of the first term',
      { autoRenew: false },
      '2025-06-01',
      '2026-02-01',
      '2025-12-03',
    ],
    ['no auto-renewal, term over', { autoRenew: false }, '2026-02-01', null, null],
    ['no minimum term, no renewal', { minimumTermMonths: 0, autoRenew: false }, '2025-06-01', null, null],
    ['renewal term 0: no renewal after the first term', { renewalTermMonths: 0 }, '2026-03-01', null, null],
    ['ends before it renews', { endDate: '2026-01-31' }, '2025-06-01', null, null],
    ['ends on the renewal day', { endDate: '2026-02-01' }, '2025-06-01', '2026-02-01', '2025-12-03'],
  ];
  it.each(rows)('%s', (_, terms, asOf, renewal, notice) => {
    const agreement = buildAgreement({ startDate: '2025-02-01', ...terms });
    expect(renewalDate(agreement, asOf)).toBe(renewal);
    expect(noticeDeadline(agreement, asOf)).toBe(notice);
  });

  it('always gives a date after asOf, on a term boundary', () => {
    const a = buildAgreement({ startDate: '2024-08-31', minimumTermMonths: 24, renewalTermMonths: 6 });
    const boundaries = ['2026-08-31', '2027-02-28', '2027-08-31', '2028-02-29', '2028-08-31'];
    for (let d = new Date('2024-01-01'); d < new Date('2028-08-01'); d.setUTCDate(d.getUTCDate() + 11)) {
      const asOf = d.toISOString().slice(0, 10);
      const r = renewalDate(a, asOf)!;
      expect(r > asOf).toBe(true);
      expect(boundaries).toContain(r);
      expect(boundaries.filter((b) => b > asOf)[0]).toBe(r);
    }
  });
});
