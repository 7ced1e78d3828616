import { describe, expect, it } from 'vitest';
import { decideEntitlement } from './decide.js';
import { type EntitlementErrorCode, EntitlementValidationError } from './errors.js';
import { context, work } from './fixtures.js';
import type { EntitlementContext, WorkUnit } from './types.js';
import { parseInstant } from './validate.js';

describe('instants', () => {
  it.each([
    ['2024-03-12T09:00:00Z', '2024-03-12T09:00:00.000Z'],
    ['2024-03-12T09:00Z', '2024-03-12T09:00:00.000Z'],
    ['2024-03-12T10:00:00+01:00', '2024-03-12T09:00:00.000Z'],
    ['2024-03-12T04:30:00-04:30', '2024-03-12T09:00:00.000Z'],
    ['2024-03-12T09:00:00.123456Z', '2024-03-12T09:00:00.123Z'],
    ['2024-03-12t09:00:00z', '2024-03-12T09:00:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseInstant(text)!).toISOString()).toBe(iso);
  });

  it.each([
    '2024-03-12T09:00:00', // no zone: ambiguous
    '2024-03-12 09:00:00Z',
    '2024-02-30T09:00:00Z',
    '2023-02-29T09:00:00Z',
    '2024-03-12T24:00:00Z',
    '2024-03-12T09:60:00Z',
    '2024-12-31T23:59:60Z',
    '1800-01-01T00:00:00Z',
    '2024-03-12T09:00:00+25:00',
    'yesterday',
    '',
  ])('rejects %s', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('invalid work', () => {
  const table: [
    string,
    Partial<WorkUnit>,
    Partial<EntitlementContext>,
    [field: string, code: EntitlementErrorCode][],
  ][] = [
    ['end equal to start', { end: '2024-03-12T09:00:00Z' }, {}, [['end', 'END_NOT_AFTER_START']]],
    ['end before start', { end: '2024-03-12T08:00:00Z' }, {}, [['end', 'END_NOT_AFTER_START']]],
    [
      'end before start across zones',
      { start: '2024-03-12T11:00:00+01:00', end: '2024-03-12T09:30:00Z' },
      {},
      [['end', 'END_NOT_AFTER_START']],
    ],
    ['a start that is no instant', { start: '12/03/2024 10:00' }, {}, [['start', 'INVALID_INSTANT']]],
    ['over a year long', { end: '2025-03-14T09:00:00Z' }, {}, [['end', 'DURATION_TOO_LONG']]],
    ['an unknown work type', { workType: 'telepathy' }, {}, [['workType', 'UNKNOWN_WORK_TYPE']]],
    ['no client', { clientId: '' }, {}, [['clientId', 'INVALID_CLIENT']]],
    ['an invalid time zone', {}, { timeZone: 'Europe/Atlantis' }, [['timeZone', 'INVALID_TIME_ZONE']]],
    ['a malformed holiday', {}, { holidays: ['2024-13-01'] }, [['holidays[0]', 'INVALID_HOLIDAY']]],
    [
      'malformed hours',
      {},
      { businessHours: { mon: [['9', '17']] } },
      [['businessHours.mon[0]', 'INVALID_BUSINESS_HOURS']],
    ],
    [
      'every problem at once',
      { end: 'soon', workType: 'telepathy' },
      { timeZone: 'Nowhere' },
      [
        ['end', 'INVALID_INSTANT'],
        ['workType', 'UNKNOWN_WORK_TYPE'],
        ['timeZone', 'INVALID_TIME_ZONE'],
      ],
    ],
  ];
  it.each(table)('rejects %s', (_, w, c, expected) => {
    let error: unknown;
    try {
      decideEntitlement(work(w), context(c));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EntitlementValidationError);
    const v = error as EntitlementValidationError;
    expect(v.code).toBe('VALIDATION_FAILED');
    expect(v.fields.map((f) => [f.field, f.code])).toEqual(expected);
    for (const f of v.fields) expect(f.message).not.toBe('');
  });

  it('accepts a second-long entry and counts it as the minutes it crosses', () => {
    const within = decideEntitlement(
      work({ start: '2024-03-12T09:00:10Z', end: '2024-03-12T09:00:50Z' }),
      context(),
    );
    const across = decideEntitlement(
      work({ start: '2024-03-12T09:00:50Z', end: '2024-03-12T09:01:10Z' }),
      context(),
    );
    expect([within.minutes, across.minutes]).toEqual([0, 1]);
  });

  it('rejects a negative rate it would bill at', () => {
    const wt = [{ code: 'remote', billable: true, defaultRate: -100, internal: false }];
    expect(() => decideEntitlement(work(), context({ workTypes: wt }))).toThrow(EntitlementValidationError);
  });
});
