import { describe, expect, it } from 'vitest';
import { buildAgreement, buildLine } from '../agreements/fixtures.js';
import type { Agreement } from '../agreements/types.js';
import { type BillingFacts, type ClientKind, classifyClient } from './classify.js';
import type { CriterionCode } from './facts.js';

const asOf = '2026-03-15';
const stack = ['monitoring', 'patching', 'backup', 'helpdesk', 'security'];
const none: BillingFacts = { oneOffInvoices: 0, billedHours: 0 };
const seats = (quantity: number, unitPrice: number, categories = stack) => [
  buildLine({ id: 'seats', categories, quantity, unitPrice, unit: 'per_user' }),
];
const managed = (o: Partial<Agreement> = {}) =>
  buildAgreement({ id: 'managed', lines: seats(20, 15_000), ...o });
const hours: BillingFacts = { oneOffInvoices: 0, billedHours: 6 };

type Row = [
  name: string,
  agreements: Agreement[],
  billing: BillingFacts,
  kind: ClientKind,
  failing: CriterionCode[],
  deciding: string | null,
  active?: string,
];

describe('agreement lifecycle', () => {
  const rows: Row[] = [
    [
      'unsigned draft',
      [managed({ status: 'draft', signedOn: null })],
      none,
      'prospect',
      ['SIGNED', 'ACTIVE'],
      'managed',
      'draft, not active',
    ],
    [
      'unsigned draft, billed hours',
      [managed({ status: 'draft', signedOn: null })],
      hours,
      'break_fix',
      ['SIGNED', 'ACTIVE'],
      'managed',
    ],
    [
      'terminated agreement',
      [managed({ status: 'terminated', endDate: '2026-01-31' })],
      none,
      'prospect',
      ['ACTIVE'],
      'managed',
      'terminated on 2026-01-31',
    ],
    [
      'terminated agreement, one-off invoices since',
      [managed({ status: 'terminated', endDate: '2026-01-31' })],
      { oneOffInvoices: 1, billedHours: 0 },
      'break_fix',
      ['ACTIVE'],
      'managed',
    ],
    [
      'agreement not yet started',
      [managed({ startDate: '2026-04-01' })],
      none,
      'prospect',
      ['ACTIVE'],
      'managed',
      'not started: starts on 2026-04-01',
    ],
    [
      'suspended agreement',
      [managed({ status: 'suspended' })],
      none,
      'prospect',
      ['ACTIVE'],
      'managed',
      'suspended',
    ],
    [
      'expired agreement',
      [managed({ status: 'expired', endDate: '2026-01-31' })],
      none,
      'prospect',
      ['ACTIVE'],
      'managed',
      'expired on 2026-01-31',
    ],
    [
      'active but past its end date',
      [managed({ endDate: '2026-03-14' })],
      none,
      'prospect',
      ['ACTIVE'],
      'managed',
      'ended on 2026-03-14',
    ],
    [
      'ends on the day: still in force',
      [managed({ endDate: asOf })],
      none,
      'contract',
      [],
      'managed',
      'in force since 2025-02-01 until 2026-03-15',
    ],
    ['starts on the day: in force', [managed({ startDate: asOf })], none, 'contract', [], 'managed'],
    [
      'in force but never signed: paid monthly',
      [managed({ signedOn: null })],
      none,
      'subscription',
      ['SIGNED'],
      'managed',
    ],
    [
      'signature dated after asOf',
      [managed({ signedOn: '2026-04-01' })],
      none,
      'subscription',
      ['SIGNED'],
      'managed',
    ],
    [
      'managed with only a one-off setup line',
      [managed({ lines: [buildLine({ categories: stack, unitPrice: 50_000, recurring: false })] })],
      none,
      'prospect',
      ['RECURRING_FEE', 'MINIMUM_MRR'],
      'managed',
    ],
    [
      'project in force',
      [buildAgreement({ id: 'p', kind: 'project', minimumTermMonths: 0 })],
      none,
      'break_fix',
      ['RECURRING_FEE', 'MINIMUM_TERM', 'FULL_STACK', 'MINIMUM_MRR'],
      'p',
    ],
  ];
  it.each(rows)('%s', (_, agreements, billing, kind, failing, deciding, active) => {
    const r = classifyClient({ asOf, agreements, billing });
    expect([r.kind, r.decidingAgreementId]).toEqual([kind, deciding]);
    expect(r.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(failing);
    if (active) expect(r.checks.find((c) => c.code === 'ACTIVE')!.message).toBe(active);
  });
});

describe('precedence between agreements', () => {
  const licences = buildAgreement({
    id: 'lic',
    kind: 'licence_resale',
    lines: seats(20, 2_500, ['licences']),
  });
  const backup = buildAgreement({ id: 'bak', kind: 'subscription', lines: seats(1, 9_900, ['backup']) });
  const hourly = buildAgreement({ id: 'tm', kind: 'time_materials' });
  const rows: Row[] = [
    [
      'contract beats a terminated older contract',
      [managed({ id: 'old', status: 'terminated', endDate: '2025-01-31' }), managed({ id: 'new' })],
      none,
      'contract',
      [],
      'new',
    ],
    [
      'the higher-value contract decides',
      [managed({ id: 'a', lines: seats(20, 15_000) }), managed({ id: 'b', lines: seats(30, 15_000) })],
      none,
      'contract',
      [],
      'b',
    ],
    [
      'equal agreements: the smaller id decides',
      [managed({ id: 'b' }), managed({ id: 'a' })],
      none,
      'contract',
      [],
      'a',
    ],
    ['contract plus licences', [licences, managed()], none, 'contract', [], 'managed'],
    [
      'value is judged per agreement, not with the licences',
      [licences, managed({ lines: seats(19, 10_000) })],
      none,
      'single_service',
      ['MINIMUM_MRR'],
      'managed',
    ],
    [
      'two agreements splitting the stack are not one contract',
      [
        managed({ id: 'a', lines: seats(20, 12_000, ['monitoring', 'patching']) }),
        managed({ id: 'b', lines: seats(20, 13_000, ['backup', 'helpdesk', 'security']) }),
      ],
      none,
      'single_service',
      ['FULL_STACK'],
      'b',
    ],
    [
      'hybrid beats single service',
      [managed({ partOfEnvironment: 'Servers', slaPolicyId: null }), hourly],
      none,
      'hybrid',
      ['SLA', 'WHOLE_ENVIRONMENT'],
      'managed',
    ],
    [
      'a whole-environment contract beats a partial one',
      [managed({ id: 'part', partOfEnvironment: 'Servers' }), managed({ id: 'whole' }), hourly],
      none,
      'contract',
      [],
      'whole',
    ],
    [
      'an unsigned partial agreement is no hybrid',
      [managed({ partOfEnvironment: 'Servers', signedOn: null }), hourly],
      none,
      'subscription',
      ['SIGNED', 'WHOLE_ENVIRONMENT'],
      'managed',
    ],
    [
      'a blank part is the whole environment',
      [managed({ partOfEnvironment: '  ' }), hourly],
      none,
      'contract',
      [],
      'managed',
    ],
    [
      'an ended hourly agreement is no hourly work',
      [
        managed({ partOfEnvironment: 'Servers' }),
        buildAgreement({ id: 'tm', kind: 'time_materials', status: 'terminated', endDate: '2025-12-31' }),
      ],
      none,
      'contract',
      [],
      'managed',
    ],
    [
      'single service beats subscription',
      [backup, managed({ lines: seats(5, 5_000, ['helpdesk']) })],
      none,
      'single_service',
      ['FULL_STACK', 'MINIMUM_MRR'],
      'managed',
    ],
    [
      'subscription beats reseller',
      [licences, backup],
      none,
      'subscription',
      ['FULL_STACK', 'MINIMUM_MRR'],
      'bak',
    ],
    [
      'a subscription meeting every criterion is a contract',
      [buildAgreement({ id: 'sub', kind: 'subscription', lines: seats(20, 15_000) })],
      none,
      'contract',
      [],
      'sub',
    ],
  ];
  it.each(rows)('%s', (_, agreements, billing, kind, failing, deciding) => {
    const r = classifyClient({ asOf, agreements, billing });
    expect([r.kind, r.decidingAgreementId]).toEqual([kind, deciding]);
    expect(r.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual(failing);
  });

  it('adds the MRR of every in-force recurring agreement, whatever decided the kind', () => {
    const r = classifyClient({ asOf, agreements: [licences, backup, managed(), hourly], billing: none });
    expect(r.mrr).toBe(50_000 + 9_900 + 300_000);
  });
});
