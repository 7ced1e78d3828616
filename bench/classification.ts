// Classification of 10,000 generated clients: Keel's rule beside a naive one written the way it is
// usually first written (same rules, same results, checked), timed in the same run.
import { pathToFileURL } from 'node:url';
import { buildAgreement, buildLine } from '../src/domain/agreements/fixtures.js';
import type { Agreement, AgreementKind } from '../src/domain/agreements/types.js';
import type { Check } from '../src/domain/classification/checks.js';
import {
  type Classification,
  type ClassificationInput,
  type ClientKind,
  classifyClient,
  clientKinds,
} from '../src/domain/classification/classify.js';
import { criterionCodes } from '../src/domain/classification/facts.js';
import { formatMinor } from '../src/domain/classification/money.js';
import { type ClassificationPolicy, defaultPolicy } from '../src/domain/classification/policy.js';
import { median, printTable, type Row } from './lib.js';

export const CLIENTS = 10_000;
const asOf = '2026-03-15';
const stack = ['monitoring', 'patching', 'backup', 'helpdesk', 'security'];
const extras = ['email', 'network', 'vcio', 'licences'];

/** mulberry32: a small seeded generator, so every run classifies the same clients. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

/** 1–4 agreements of 3–10 lines each, shaped after the kind the client is meant to be. */
export function generateClients(count = CLIENTS, seed = 42): ClassificationInput[] {
  const r = rng(seed);
  const shapes: AgreementKind[][] = [
    ['managed'],
    ['managed', 'licence_resale'],
    ['managed', 'time_materials'],
    ['subscription'],
    ['subscription', 'licence_resale'],
    ['licence_resale'],
    ['time_materials'],
    ['block_hours', 'project'],
    ['managed', 'subscription', 'licence_resale', 'time_materials'],
  ];
  return Array.from({ length: count }, (_, c) => {
    const shape = r.next() < 0.08 ? [] : r.pick(shapes);
    const agreements = shape.map((kind, a): Agreement => {
      const recurring = kind !== 'time_materials' && kind !== 'project';
      const flaw = r.int(0, 9);
      const lines = Array.from({ length: r.int(3, 10) }, (_, l) =>
        buildLine({
          id: `c${c}a${a}l${l}`,
          categories:
            kind === 'managed' && flaw > 2 ? [r.pick(stack), r.pick(stack)] : [r.pick([...stack, ...extras])],
          quantity: r.int(1, 30),
          unitPrice: r.int(5, 60) * 100,
          recurring: recurring && r.next() < 0.9,
        }),
      );
      return buildAgreement({
        id: `c${c}a${a}`,
        clientId: `c${c}`,
        kind,
        lines,
        coveredCategories: kind === 'managed' && flaw > 1 ? stack : [],
        status: flaw === 0 ? r.pick(['draft', 'terminated', 'suspended'] as const) : 'active',
        signedOn: flaw === 1 ? null : '2025-01-10',
        startDate: r.pick(['2024-05-01', '2025-02-01', '2026-01-01', '2026-06-01']),
        minimumTermMonths: r.pick([0, 6, 12, 12, 24, 36]),
        slaPolicyId: flaw === 2 || !recurring ? null : 'sla',
        partOfEnvironment:
          kind === 'managed' && shape.includes('time_materials') && r.next() < 0.7 ? 'Servers' : null,
      });
    });
    const billing = {
      oneOffInvoices: r.next() < 0.3 ? r.int(1, 9) : 0,
      billedHours: r.next() < 0.2 ? r.int(1, 80) : 0,
    };
    return { asOf, agreements, billing };
  });
}

// ── The naive version: every check recomputes what it needs from a cloned copy ──────────────────

const recurringKinds = ['managed', 'block_hours', 'subscription', 'licence_resale'];
const labels: Record<string, string> = {
  retainer: 'a retainer',
  time_materials: 'time & materials',
  project: 'a project',
};

function naiveChecks(a: Agreement, asOf: string, p: ClassificationPolicy, hourly: boolean): Check[] {
  const mrr = () =>
    a.lines.filter((l) => l.recurring).reduce((s, l) => s + Math.round(l.quantity * l.unitPrice), 0);
  const categories = () =>
    [...a.coveredCategories, ...a.lines.flatMap((l) => l.categories)].filter(
      (c, i, all) => all.indexOf(c) === i,
    );
  const missing = () => p.requiredCategories.filter((c) => !categories().includes(c));
  const inForce = a.status === 'active' && a.startDate <= asOf && (a.endDate === null || a.endDate >= asOf);
  const partial = typeof a.partOfEnvironment === 'string' && a.partOfEnvironment.trim() !== '';
  const ok = (code: Check['code'], passed: boolean, message: string, fix: string): Check =>
    passed ? { code, passed, message, fix: null } : { code, passed, message, fix };
  const ended = a.endDate ? ` on ${a.endDate}` : '';
  const notActive: Record<string, [string, string]> = {
    draft: ['draft, not active', 'activate the agreement once signed'],
    suspended: ['suspended', 'resume the agreement'],
    expired: [`expired${ended}`, 'renew the agreement'],
    terminated: [`terminated${ended}`, 'sign a new agreement'],
    active:
      a.startDate > asOf
        ? [`not started: starts on ${a.startDate}`, `wait for ${a.startDate} or start earlier`]
        : [`ended${ended}`, 'renew the agreement'],
  };
  const recurringKind = recurringKinds.includes(a.kind);
  return [
    a.signedOn !== null && a.signedOn <= asOf
      ? ok('SIGNED', true, `signed on ${a.signedOn}${a.signedBy ? ` by ${a.signedBy}` : ''}`, '')
      : a.signedOn === null
        ? ok('SIGNED', false, 'not signed', 'record the signature (signed on, signed by)')
        : ok(
            'SIGNED',
            false,
            `not signed yet: signed on ${a.signedOn}, after ${asOf}`,
            'record the signature',
          ),
    inForce
      ? ok('ACTIVE', true, `in force since ${a.startDate}${a.endDate ? ` until ${a.endDate}` : ''}`, '')
      : ok('ACTIVE', false, ...notActive[a.status]!),
    recurringKind && mrr() > 0
      ? ok('RECURRING_FEE', true, `fixed recurring fee of ${formatMinor(mrr())} per month`, '')
      : recurringKind
        ? ok('RECURRING_FEE', false, 'no fixed recurring fee', 'add a recurring line with a monthly price')
        : ok(
            'RECURRING_FEE',
            false,
            `no fixed recurring fee: ${labels[a.kind]} is billed per intervention`,
            'offer a managed-services agreement with a fixed monthly fee',
          ),
    ok(
      'MINIMUM_TERM',
      a.minimumTermMonths >= p.minimumTermMonths,
      `term ${a.minimumTermMonths} months ${a.minimumTermMonths >= p.minimumTermMonths ? '≥' : '<'} policy ${p.minimumTermMonths}`,
      `set a minimum term of at least ${p.minimumTermMonths} months`,
    ),
    !p.slaRequired || a.slaPolicyId
      ? ok('SLA', true, a.slaPolicyId ? 'SLA attached' : 'no SLA required by policy', '')
      : ok('SLA', false, 'no SLA', 'attach an SLA'),
    missing().length === 0
      ? ok('FULL_STACK', true, `covers ${p.requiredCategories.join(', ')}`, '')
      : ok(
          'FULL_STACK',
          false,
          `${categories().length ? `covers ${categories().join(', ')} only` : 'covers no service'}: add ${missing().join(', ')}`,
          `add ${missing().join(', ')}`,
        ),
    ok(
      'MINIMUM_MRR',
      mrr() >= p.minimumMonthlyValue,
      `MRR ${formatMinor(mrr())} ${mrr() >= p.minimumMonthlyValue ? '≥' : '<'} minimum ${formatMinor(p.minimumMonthlyValue)}`,
      `raise the monthly value by ${formatMinor(p.minimumMonthlyValue - mrr())} (more seats or a higher plan)`,
    ),
    !partial
      ? ok('WHOLE_ENVIRONMENT', true, 'covers the whole environment', '')
      : !hourly
        ? ok(
            'WHOLE_ENVIRONMENT',
            true,
            `covers ${a.partOfEnvironment}; no pay-per-hour work for the rest`,
            '',
          )
        : ok(
            'WHOLE_ENVIRONMENT',
            false,
            `covers part of the environment (${a.partOfEnvironment}); the rest is billed by the hour`,
            'extend the agreement to the whole environment',
          ),
  ];
}

export function naiveClassify(
  input: ClassificationInput,
  p: ClassificationPolicy = defaultPolicy,
): Classification {
  const agreements: Agreement[] = JSON.parse(JSON.stringify(input.agreements));
  const inForce = (a: Agreement) =>
    a.status === 'active' && a.startDate <= input.asOf && (a.endDate === null || a.endDate >= input.asOf);
  const mrrOf = (a: Agreement) =>
    a.lines.filter((l) => l.recurring).reduce((s, l) => s + Math.round(l.quantity * l.unitPrice), 0);
  const hourly =
    input.billing.billedHours > 0 || agreements.filter((a) => a.kind === 'time_materials').some(inForce);
  const judged = agreements.map((a) => ({ a, checks: naiveChecks(a, input.asOf, p, hourly) }));
  type Judged = (typeof judged)[number];
  const score = (j: Judged) => j.checks.filter((c) => c.passed).length;
  const vector = (j: Judged) => j.checks.map((c) => (c.passed ? '1' : '0')).join('');
  const byRank = (x: Judged, y: Judged) =>
    score(y) - score(x) ||
    vector(y).localeCompare(vector(x)) ||
    mrrOf(y.a) - mrrOf(x.a) ||
    (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0);
  const recurring = (a: Agreement) => recurringKinds.includes(a.kind) && mrrOf(a) > 0;
  const signed = (a: Agreement) => a.signedOn !== null && a.signedOn <= input.asOf;
  const partial = (a: Agreement) =>
    typeof a.partOfEnvironment === 'string' && a.partOfEnvironment.trim() !== '';
  const rules: [ClientKind, (j: Judged) => boolean][] = [
    ['contract', (j) => j.checks.every((c) => c.passed)],
    [
      'hybrid',
      (j) =>
        hourly && j.a.kind === 'managed' && partial(j.a) && signed(j.a) && inForce(j.a) && recurring(j.a),
    ],
    [
      'single_service',
      (j) => ['managed', 'block_hours'].includes(j.a.kind) && signed(j.a) && inForce(j.a) && recurring(j.a),
    ],
    ['subscription', (j) => inForce(j.a) && recurring(j.a) && j.a.kind !== 'licence_resale'],
    ['reseller', (j) => inForce(j.a) && recurring(j.a)],
  ];
  const mrr = agreements
    .filter((a) => inForce(a) && recurringKinds.includes(a.kind))
    .reduce((s, a) => s + mrrOf(a), 0);
  const result = (kind: ClientKind, j: Judged | undefined): Classification => ({
    kind,
    mrr,
    checks: j
      ? j.checks
      : criterionCodes.map((code) => ({
          code,
          passed: false,
          message: 'no agreement',
          fix: 'offer a managed-services agreement',
        })),
    decidingAgreementId: j ? j.a.id : null,
  });
  for (const [kind, when] of rules) {
    const found = judged.filter(when).sort(byRank);
    if (found.length > 0) return result(kind, found[0]);
  }
  const billed =
    input.billing.oneOffInvoices > 0 ||
    input.billing.billedHours > 0 ||
    agreements.some(
      (a) => inForce(a) && ['time_materials', 'block_hours', 'retainer', 'project'].includes(a.kind),
    );
  return result(billed ? 'break_fix' : 'prospect', [...judged].sort(byRank)[0]);
}

function rate(clients: ClassificationInput[], classify: (i: ClassificationInput) => Classification): number {
  const t0 = performance.now();
  for (const c of clients) classify(c);
  return clients.length / ((performance.now() - t0) / 1000);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Keel's classification beside the naive one on the same 10,000 clients, medians of `rounds` runs. */
export async function classificationBench(rounds = 7): Promise<Row[]> {
  const clients = generateClients();
  const counts = Object.fromEntries(clientKinds.map((k) => [k, 0])) as Record<ClientKind, number>;
  for (const c of clients) {
    const fast = classifyClient(c);
    counts[fast.kind]++;
    if (JSON.stringify(fast) !== JSON.stringify(naiveClassify(c))) {
      throw new Error(`naive and Keel classifications differ for ${c.agreements[0]?.clientId}`);
    }
  }
  const missing = clientKinds.filter((k) => counts[k] === 0);
  if (missing.length) throw new Error(`generated clients lack kinds: ${missing.join(', ')}`);
  const keel: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < rounds; i++) {
    keel.push(rate(clients, (c) => classifyClient(c)));
    naive.push(rate(clients, (c) => naiveClassify(c)));
  }
  const shares = clientKinds.map((k) => counts[k] / clients.length);
  const mix = `all 7 kinds, ${pct(Math.min(...shares))}–${pct(Math.max(...shares))} each`;
  return [
    {
      figure: `classification, ${CLIENTS.toLocaleString('en')} clients`,
      value: median(keel),
      unit: 'clients/s',
      baseline: median(naive),
      note: `naive rule (clones, rescans per check, sorts), same results; ${mix}`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await classificationBench());
}
