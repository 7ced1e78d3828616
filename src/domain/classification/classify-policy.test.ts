import { describe, expect, it } from 'vitest';
import { buildAgreement, buildLine } from '../agreements/fixtures.js';
import type { Agreement } from '../agreements/types.js';
import { type ClientKind, classifyClient } from './classify.js';
import { type ClassificationPolicy, defaultPolicy, resolvePolicy } from './policy.js';

const asOf = '2026-03-15';
const none = { oneOffInvoices: 0, billedHours: 0 };
const seats = (quantity: number, unitPrice: number, categories: string[]) => [
  buildLine({ id: 'seats', categories, quantity, unitPrice, unit: 'per_user' }),
];
const stack = ['monitoring', 'patching', 'backup', 'helpdesk', 'security'];
const managed = (o: Partial<Agreement> = {}) =>
  buildAgreement({ id: 'managed', lines: seats(20, 15_000, stack), ...o });

describe('policy settings', () => {
  const rows: [string, Partial<ClassificationPolicy>, Partial<Agreement>, ClientKind, string][] = [
    [
      'no SLA required',
      { slaRequired: false },
      { slaPolicyId: null },
      'contract',
      'no SLA required by policy',
    ],
    ['24-month minimum term', { minimumTermMonths: 24 }, {}, 'single_service', 'term 12 months < policy 24'],
    [
      'higher minimum value',
      { minimumMonthlyValue: 1_000_000 },
      {},
      'single_service',
      'MRR 3,000.00 < minimum 10,000.00',
    ],
    [
      'a smaller stack',
      { requiredCategories: ['helpdesk'] },
      { lines: seats(20, 15_000, ['helpdesk']) },
      'contract',
      'covers helpdesk',
    ],
    [
      'no stack at all',
      { requiredCategories: [] },
      { lines: seats(20, 15_000, []) },
      'contract',
      'no stack required by policy',
    ],
  ];
  it.each(rows)('%s', (_, settings, agreement, kind, message) => {
    const r = classifyClient(
      { asOf, agreements: [managed(agreement)], billing: none },
      resolvePolicy(settings),
    );
    expect(r.kind).toBe(kind);
    expect(r.checks.map((c) => c.message)).toContain(message);
  });

  it('keeps the defaults for settings left out', () => {
    expect(resolvePolicy({ minimumTermMonths: undefined })).toEqual(defaultPolicy);
    expect(defaultPolicy).toEqual({
      minimumTermMonths: 12,
      minimumMonthlyValue: 200_000,
      requiredCategories: ['monitoring', 'patching', 'backup', 'helpdesk', 'security'],
      slaRequired: true,
    });
  });
});
