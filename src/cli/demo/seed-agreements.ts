/**
 * `keel seed --demo`, second half: the demo catalog and every demo client's agreements, written
 * through the catalog and agreements services so each row is validated and audited like any other.
 *
 * Idempotent, and a run that was interrupted is completed: catalog items are found by name (work
 * types by code), agreements by client and name; an agreement found is brought forward along its
 * lifecycle (signed, amended, ended) where it stopped, never back. One still naming a fixed SLA id
 * of the days before SLA policies existed is pointed at the real policy of its tier.
 */
import type { Keel } from '../../app.js';
import { transition } from '../../domain/agreements/lifecycle.js';
import type { AgreementStatus } from '../../domain/agreements/types.js';
import { staffScope } from '../../platform/auth/principal.js';
import {
  activateBody,
  agreementBody,
  amendmentBody,
  type CatalogIds,
  endingActions,
  endingBody,
  lineHistory,
  slaPolicyOf,
} from './agreement-bodies.js';
import type { IntendedAgreement } from './agreements.js';
import { demoPlans, demoProducts, demoServices, demoWorkTypes } from './catalog.js';
import type { DemoClientSpec } from './clients.js';
import { legacySlaPolicyIds, type SlaIds } from './sla.js';

const key = (text: string) => text.trim().toLowerCase();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type DemoClientRef = { spec: DemoClientSpec; id: string };
export type AgreementTally = { catalog: number; agreements: number; amendments: number; events: number };

export type CatalogCounts = { services: number; plans: number; products: number; workTypes: number };

/**
 * The demo catalog: what is missing is created when `apply`, else only counted. Returns the ids of
 * catalog items by name, whoever created them.
 */
export async function ensureCatalog(
  keel: Keel,
  apply: boolean,
): Promise<{ missing: CatalogCounts; ids: CatalogIds }> {
  const catalog = keel.catalog.service;
  const ids = new Map<string, string>();
  const remember = (items: { id: string; name: string }[]) => {
    for (const i of items) if (!ids.has(key(i.name))) ids.set(key(i.name), i.id);
  };
  const [services, plans, products, workTypes] = await Promise.all([
    catalog.listServices(),
    catalog.listPlans(),
    catalog.listProducts(),
    catalog.listWorkTypes(),
  ]);
  remember(services);
  remember(plans);
  remember(products);
  const codes = new Set(workTypes.map((w) => w.code));
  const missing: CatalogCounts = { services: 0, plans: 0, products: 0, workTypes: 0 };

  for (const s of demoServices) {
    if (ids.has(key(s.name))) continue;
    missing.services++;
    if (apply) remember([await catalog.createService({ ...s, active: true })]);
  }
  for (const p of demoPlans) {
    if (ids.has(key(p.name))) continue;
    missing.plans++;
    if (!apply) continue;
    const { services: names, ...plan } = p;
    const serviceIds = names.map((n) => ids.get(key(n))!);
    remember([await catalog.createPlan({ ...plan, active: true, serviceIds })]);
  }
  for (const p of demoProducts) {
    if (ids.has(key(p.name))) continue;
    missing.products++;
    if (apply) remember([await catalog.createProduct({ ...p, active: true })]);
  }
  for (const w of demoWorkTypes) {
    if (codes.has(w.code)) continue;
    missing.workTypes++;
    if (apply) await catalog.createWorkType({ ...w, active: true });
  }
  return { missing, ids: (name) => ids.get(key(name)) ?? null };
}

export const catalogTotal = (c: CatalogCounts) => c.services + c.plans + c.products + c.workTypes;

type Found = { id: string; status: AgreementStatus; startDate: string; slaPolicyId: string | null };

const legacyIds = new Set(Object.values(legacySlaPolicyIds));
/** Ended agreements keep what they were signed with; the service refuses to change them. */
const closed = new Set<AgreementStatus>(['expired', 'terminated']);
type Outcome = { pending: boolean; done: string[]; tally: Omit<AgreementTally, 'catalog'> };

/**
 * Brings one intended agreement as far as the data says: created as signed, activated with its
 * signature, its amendments recorded, ended. With `apply` false it stops at the first step to do.
 */
async function reconcile(
  keel: Keel,
  ref: DemoClientRef,
  a: IntendedAgreement,
  found: Found | undefined,
  ids: CatalogIds,
  slaIds: SlaIds,
  apply: boolean,
): Promise<Outcome> {
  const service = keel.agreements.service;
  const out: Outcome = { pending: false, done: [], tally: { agreements: 0, amendments: 0, events: 0 } };
  const todo = () => {
    out.pending = true;
    return !apply;
  };
  let current = found;
  if (!current) {
    if (todo()) return out;
    const created = await service.create(staffScope, agreementBody(ref.spec, a, ref.id, ids, slaIds));
    current = {
      id: created.id,
      status: created.status,
      startDate: created.startDate,
      slaPolicyId: created.slaPolicyId,
    };
    out.tally.agreements++;
    out.done.push('created');
  }
  const id = current.id;
  if (a.slaTier && current.slaPolicyId && legacyIds.has(current.slaPolicyId) && !closed.has(current.status)) {
    if (todo()) return out;
    await service.update(staffScope, id, { slaPolicyId: slaPolicyOf(a, slaIds) });
    current.slaPolicyId = slaPolicyOf(a, slaIds);
    out.done.push('SLA policy');
  }
  if (a.status === 'active' && current.status === 'draft') {
    if (todo()) return out;
    await service.act(staffScope, id, 'activate', activateBody(ref.spec, a));
    current.status = 'active';
    out.tally.events++;
    out.done.push(`signed ${a.signedOn}`);
  }
  if (a.amendments.length && (current.status === 'active' || current.status === 'suspended')) {
    const recorded = await service.amendments.list(staffScope, id);
    const { signed, steps } = lineHistory(a);
    const missing = steps.filter(
      ({ amendment: m }) =>
        !recorded.some((r) => r.kind === m.kind && r.effectiveOn === m.effectiveOn && r.note === m.note),
    );
    if (missing.length) {
      if (todo()) return out;
      // The lines as signed: amendments take effect after the start date, so none applies yet.
      const asSigned = await service.get(staffScope, id, current.startDate);
      const lineIds = new Map(signed.map((l, position) => [l.index, asSigned.lines[position]!.id]));
      for (const step of missing) {
        await service.amendments.amend(staffScope, id, amendmentBody(ref.spec, step, lineIds, ids));
        out.tally.amendments++;
      }
      out.done.push(plural(missing.length, 'amendment'));
    }
  }
  if (a.ending && current.status !== a.ending.status) {
    const action = endingActions[a.ending.status];
    if (transition(current.status, action).ok) {
      if (todo()) return out;
      await service.act(staffScope, id, action, endingBody(a.ending));
      out.tally.events++;
      out.done.push(`${a.ending.status} ${a.ending.on}`);
    }
  }
  return out;
}

/** Each client's agreements found by name (the first of a name wins: agreements list in start order). */
async function agreementsOf(keel: Keel, clientId: string): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  for (const a of await keel.agreements.service.list(staffScope, { client_id: clientId })) {
    if (!found.has(key(a.name)))
      found.set(key(a.name), {
        id: a.id,
        status: a.status,
        startDate: a.startDate,
        slaPolicyId: a.slaPolicyId,
      });
  }
  return found;
}

/** Whether any demo client lacks an agreement, or one has not come as far as the data says. */
export async function agreementsPending(keel: Keel, clients: readonly DemoClientRef[]): Promise<boolean> {
  const none = () => null;
  for (const ref of clients) {
    if (!ref.spec.intendedAgreements.length) continue;
    const found = await agreementsOf(keel, ref.id);
    for (const a of ref.spec.intendedAgreements) {
      if ((await reconcile(keel, ref, a, found.get(key(a.name)), none, none, false)).pending) return true;
    }
  }
  return false;
}

/**
 * Creates the demo catalog and brings every demo client's agreements as far as the data says; the
 * agreements name the demo's SLA policies, which must exist by now.
 */
export async function seedAgreements(
  keel: Keel,
  clients: readonly DemoClientRef[],
  slaIds: SlaIds,
  log: (line: string) => void,
): Promise<AgreementTally> {
  const catalog = await ensureCatalog(keel, true);
  const added = catalog.missing;
  const tally: AgreementTally = { catalog: catalogTotal(added), agreements: 0, amendments: 0, events: 0 };
  if (tally.catalog) {
    log(
      `Catalog: added ${plural(added.services, 'service')}, ${plural(added.plans, 'plan')}, ` +
        `${plural(added.products, 'product')}, ${plural(added.workTypes, 'work type')}`,
    );
  }
  for (const [i, ref] of clients.entries()) {
    if (!ref.spec.intendedAgreements.length) continue;
    const found = await agreementsOf(keel, ref.id);
    const lines: string[] = [];
    for (const a of ref.spec.intendedAgreements) {
      const out = await reconcile(keel, ref, a, found.get(key(a.name)), catalog.ids, slaIds, true);
      tally.agreements += out.tally.agreements;
      tally.amendments += out.tally.amendments;
      tally.events += out.tally.events;
      if (out.done.length) lines.push(`${a.name} (${out.done.join(', ')})`);
    }
    if (lines.length) {
      const step = `[${String(i + 1).padStart(2)}/${clients.length}]`;
      log(`${step} ${ref.spec.name}: ${lines.join('; ')}`);
    }
  }
  return tally;
}
