import { describe, expect, it } from 'vitest';
import { workDateOf } from './work-date.js';

describe('work date', () => {
  it.each([
    ['2026-03-02T23:30:00Z', 'UTC', '2026-03-02'],
    // Paris is an hour ahead in winter: 23:30 UTC is already the next day there.
    ['2026-03-02T23:30:00Z', 'Europe/Paris', '2026-03-03'],
    ['2026-03-03T03:00:00Z', 'America/New_York', '2026-03-02'],
    // The last minute of a month in Paris in summer (UTC+2) is the month's last day there.
    ['2026-06-30T21:59:00Z', 'Europe/Paris', '2026-06-30'],
    ['2026-06-30T22:00:00Z', 'Europe/Paris', '2026-07-01'],
    ['2026-01-01T10:00:00Z', 'Pacific/Kiritimati', '2026-01-02'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(workDateOf(zone, Date.parse(instant))).toBe(date);
  });
});
