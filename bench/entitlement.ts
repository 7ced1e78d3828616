// 1,000,000 entitlement checks over generated clients, beside a naive version of the same rule.
import { pathToFileURL } from 'node:url';
import { deliveredCategories, type Exclusion, inForce } from '../src/domain/agreements/types.js';
import {
  agreement,
  blockAgreement,
  context,
  exclusion,
  retainerAgreement,
  timeMaterialsAgreement,
} from '../src/domain/entitlement/fixtures.js';
import {
  decideEntitlement,
  defaultBusinessHours,
  type EntitlementAgreement,
  type EntitlementContext,
  type WorkUnit,
} from '../src/domain/entitlement/index.js';
import type { Row } from './lib.js';

export const CHECKS = 1_000_000;
const CLIENTS = 2_000;
const POOL = 20_000;
const NAIVE_CHECKS = 10_000;
const NAIVE_BUDGET_MS = 20_000;

/** mulberry32: the same clients and work on every run. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  return { next, int, pick };
}

const zones = ['Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata'];
const categories = ['helpdesk', 'monitoring', 'patching', 'backup', 'network', 'email', null];
const kinds = ['remote', 'remote', 'remote', 'onsite', 'project', 'training', 'warranty'];

/** Clients of every relationship: contract, hybrid, block, retainer, hourly, break-fix, with old agreements. */
export function generate(seed = 42): { contexts: Map<string, EntitlementContext>; work: WorkUnit[] } {
  const r = random(seed);
  const contexts = new Map<string, EntitlementContext>();
  for (let c = 0; c < CLIENTS; c++) {
    const clientId = `client-${c}`;
    const own = (a: EntitlementAgreement) => ({ ...a, id: `${clientId}-${a.id}`, clientId });
    const managed = () => agreement({ exclusions: r.int(3) ? [] : [exclusion('patching', null, 14_000)] });
    // contract, hybrid, block hours, retainer, hourly for some categories, break-fix
    const shapes = [
      () => [managed()],
      () => [managed(), timeMaterialsAgreement()],
      () => [blockAgreement()],
      () => [retainerAgreement()],
      () => [timeMaterialsAgreement({ coveredCategories: ['helpdesk', 'backup'] })],
      () => [],
    ];
    const agreements: EntitlementAgreement[] = r.pick(shapes)().map(own);
    const old = { id: 'old', status: 'expired', startDate: '2022-01-01', endDate: '2023-12-31' } as const;
    if (r.int(4) === 0) agreements.push(own(agreement(old)));
    const blockBalances: Record<string, number> = {};
    const retainerBalances: Record<string, number> = {};
    for (const a of agreements) {
      blockBalances[a.id] = r.int(700) - 50;
      retainerBalances[a.id] = r.int(60_000);
    }
    const hours = r.int(5)
      ? defaultBusinessHours
      : { ...defaultBusinessHours, sat: [['09:00', '13:00']] as const };
    const holidays = ['2024-01-01', '2024-05-01', '2024-07-14', '2024-12-25', '2024-12-26'];
    contexts.set(
      clientId,
      context({
        timeZone: r.pick(zones),
        businessHours: hours,
        holidays,
        agreements,
        blockBalances,
        retainerBalances,
      }),
    );
  }
  const work: WorkUnit[] = [];
  const year = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < POOL; i++) {
    const clientId = `client-${r.int(CLIENTS)}`;
    const start = year + r.int(365 * 1440) * 60_000 + r.int(60) * 1000;
    const minutes = r.next() < 0.9 ? 5 + r.int(115) : 120 + r.int(600);
    const ids = contexts.get(clientId)!.agreements.map((a) => a.id);
    work.push({
      clientId,
      category: r.pick(categories),
      workType: r.pick(kinds),
      start: new Date(start).toISOString(),
      end: new Date(start + minutes * 60_000).toISOString(),
      agreementHint: ids.length && r.int(10) === 0 ? r.pick(ids) : null,
      internal: r.int(50) === 0,
    });
  }
  return { contexts, work };
}

/** The rule as a straightforward first version would write it: minute by minute, nothing kept. */
export function naiveDecide(w: WorkUnit, ctx: EntitlementContext) {
  const start = Date.parse(w.start);
  const end = Date.parse(w.end);
  const workType = ctx.workTypes.find((t) => t.code === w.workType);
  if (!(end > start) || !workType) throw new Error('invalid work');
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: ctx.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const hours = ctx.businessHours ?? defaultBusinessHours;
  const afterHours: boolean[] = [];
  let startDate = '';
  for (let m = Math.floor(start / 60_000); m < Math.floor(end / 60_000); m++) {
    const p = Object.fromEntries(f.formatToParts(m * 60_000).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    startDate ||= date;
    const clock = `${p.hour}:${p.minute}`;
    const day = hours[p.weekday!.toLowerCase().slice(0, 3) as keyof typeof hours] ?? [];
    afterHours.push((ctx.holidays ?? []).includes(date) || !day.some(([a, b]) => a <= clock && clock < b));
  }
  startDate ||= new Date(start).toISOString().slice(0, 10);
  const minutes = afterHours.length;
  const ah = (from: number) => afterHours.slice(from).filter(Boolean).length;
  const bill = (rate: number, mins: number, ahMins: number, mult: number) =>
    Math.round((rate * (mins - ahMins + (ahMins * Math.round(mult * 1000)) / 1000)) / 60);
  const out = (kind: string, code: string, billableAmount: number, agreementId: string | null = null) => ({
    kind,
    code,
    billableAmount,
    agreementId,
    minutes,
  });
  if (w.internal) return out('internal', 'INTERNAL_WORK', 0);
  if (workType.internal) return out('internal', 'INTERNAL_WORK_TYPE', 0);
  if (!workType.billable) return out('internal', 'NON_BILLABLE_WORK_TYPE', 0);
  const live = ctx.agreements
    .filter(
      (a) =>
        a.clientId === w.clientId &&
        inForce(a, startDate) &&
        ['managed', 'block_hours', 'retainer', 'time_materials'].includes(a.kind),
    )
    .sort((a, b) =>
      a.startDate === b.startDate ? (a.id < b.id ? -1 : 1) : a.startDate < b.startDate ? -1 : 1,
    );
  const covers = (a: EntitlementAgreement) => {
    const cats = deliveredCategories(a);
    if (a.kind === 'managed')
      return w.category !== null && cats.has(w.category) && a.coveredWorkTypes.includes(w.workType);
    return (
      (cats.size === 0 || (w.category !== null && cats.has(w.category))) &&
      (a.coveredWorkTypes.length === 0 || a.coveredWorkTypes.includes(w.workType))
    );
  };
  const matches = (x: Exclusion) =>
    (x.category !== null || x.workType !== null) &&
    (x.category ?? w.category) === w.category &&
    (x.workType ?? w.workType) === w.workType;
  const fields = (x: Exclusion) => Number(x.category !== null) + Number(x.workType !== null);
  const excl = (a: EntitlementAgreement) =>
    a.exclusions.filter(matches).sort((x, y) => fields(y) - fields(x))[0];
  const hourly = (a: EntitlementAgreement) =>
    a.hourlyRate ?? a.lines.find((l) => !l.recurring)?.unitPrice ?? workType.defaultRate;
  const apply = (a: EntitlementAgreement, code: string) => {
    if (!covers(a) || excl(a)) return null;
    if (a.kind === 'managed') return out('covered', code, 0, a.id);
    if (a.kind === 'block_hours') {
      const drawn = Math.min(Math.max(0, Math.floor(ctx.blockBalances[a.id] ?? 0)), minutes);
      return out(
        'block',
        code,
        bill(
          a.blockHours?.overageRate ?? workType.defaultRate,
          minutes - drawn,
          ah(drawn),
          a.afterHoursMultiplier,
        ),
        a.id,
      );
    }
    if (a.kind === 'retainer') {
      const balance = Math.max(0, Math.floor(ctx.retainerBalances[a.id] ?? 0));
      const value = bill(hourly(a), minutes, ah(0), a.afterHoursMultiplier);
      return balance > 0 ? out('retainer', code, value - Math.min(balance, value), a.id) : null;
    }
    return out('time_materials', code, bill(hourly(a), minutes, ah(0), a.afterHoursMultiplier), a.id);
  };
  const hinted = live.find((a) => a.id === w.agreementHint);
  const viaHint = hinted && apply(hinted, 'HINTED_AGREEMENT');
  if (viaHint) return viaHint;
  for (const kind of ['managed', 'block_hours', 'retainer', 'time_materials']) {
    const a = live.find((x) => x.kind === kind && covers(x) && excl(x));
    if (a)
      return out(
        'out_of_scope',
        'EXCLUDED_BY_AGREEMENT',
        bill(excl(a)!.hourlyRate, minutes, ah(0), a.afterHoursMultiplier),
        a.id,
      );
  }
  const covering = (kind: string) => live.filter((x) => x.kind === kind && covers(x));
  const managedCover = covering('managed')[0];
  if (managedCover) return apply(managedCover, 'COVERED_BY_MANAGED')!;
  const block = covering('block_hours')[0];
  if (block) return apply(block, 'DRAWN_FROM_BLOCK')!;
  for (const retainer of covering('retainer')) {
    const drawn = apply(retainer, 'DRAWN_FROM_RETAINER');
    if (drawn) return drawn;
  }
  const managed = live.find((a) => a.kind === 'managed');
  if (managed)
    return out(
      'out_of_scope',
      'OUTSIDE_MANAGED_SCOPE',
      bill(managed.outOfScopeRate ?? workType.defaultRate, minutes, ah(0), managed.afterHoursMultiplier),
      managed.id,
    );
  const tm = live.find((a) => a.kind === 'time_materials' && covers(a));
  if (tm) return apply(tm, 'TIME_AND_MATERIALS_AGREEMENT')!;
  return out(
    'time_materials',
    'BREAK_FIX',
    bill(workType.defaultRate, minutes, ah(0), ctx.breakFixAfterHoursMultiplier ?? 1),
  );
}

export async function entitlementBench(): Promise<Row[]> {
  const { contexts, work } = generate();
  const ctx = (w: WorkUnit) => contexts.get(w.clientId)!;
  for (const w of work) decideEntitlement(w, ctx(w)); // warm-up: JIT and per-client caches

  let checksum = 0;
  const t0 = performance.now();
  for (let i = 0; i < CHECKS; i++) {
    const w = work[i % POOL]!;
    checksum += decideEntitlement(w, ctx(w)).billableAmount;
  }
  const fastPerSec = CHECKS / ((performance.now() - t0) / 1000);

  // The naive rule alone in the timed loop; its answers are compared with Keel's afterwards.
  const naive: ReturnType<typeof naiveDecide>[] = [];
  const t1 = performance.now();
  while (naive.length < NAIVE_CHECKS && performance.now() - t1 < NAIVE_BUDGET_MS) {
    const w = work[naive.length]!;
    naive.push(naiveDecide(w, ctx(w)));
  }
  const naivePerSec = naive.length / ((performance.now() - t1) / 1000);
  const naiveDone = naive.length;
  const disagree = naive.filter((n, i) => {
    const o = decideEntitlement(work[i]!, ctx(work[i]!));
    const id = 'agreementId' in o ? o.agreementId : null;
    return (
      n.code !== o.rule.code ||
      n.kind !== o.kind ||
      n.billableAmount !== o.billableAmount ||
      n.agreementId !== id
    );
  }).length;
  if (checksum < 0) throw new Error('unreachable');
  console.log(
    `  ${CHECKS.toLocaleString('en')} checks over ${CLIENTS.toLocaleString('en')} clients; naive ${naiveDone.toLocaleString('en')}, ${disagree} disagreements`,
  );
  return [
    {
      figure: 'entitlement checks',
      value: fastPerSec,
      unit: 'checks/s',
      baseline: naivePerSec,
      note: `naive rule: minute-by-minute Intl, agreements re-filtered each call (${naiveDone.toLocaleString('en')} checks, ${disagree} disagree)`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printTable } = await import('./lib.js');
  printTable(await entitlementBench());
}
