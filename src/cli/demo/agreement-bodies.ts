/**
 * The demo's intended agreements as the agreements API's bodies: the agreement as signed (today's
 * lines with every amendment undone), its signature, its dated amendments and how it ended. Pure:
 * catalog and SLA policy ids come in as look-ups, so the same bodies are built for a check and for a
 * seed.
 */
import type { LifecycleAction } from '../../domain/agreements/lifecycle.js';
import type { AgreementKind as ApiKind, LineUnit } from '../../domain/agreements/types.js';
import {
  ActivateBody,
  CreateAgreementBody,
  type CreateAgreementInput,
  LifecycleBody,
  type LineInput,
} from '../../modules/agreements/agreements.schemas.js';
import { AmendmentBody, type AmendmentInput } from '../../modules/agreements/amendments.schemas.js';
import type {
  AgreementKind,
  AgreementLine,
  Ending,
  IntendedAgreement,
  IntendedAmendment,
  PricedPer,
} from './agreements.js';
import { catalogItem, categoryOf } from './catalog.js';
import type { DemoClientSpec } from './clients.js';
import { demoSlaPolicies, type SlaIds } from './sla.js';

/** The id of a catalog service, plan or product by its name; null when it is not there (yet). */
export type CatalogIds = (name: string) => string | null;

export const apiKinds: Record<AgreementKind, ApiKind> = {
  'managed-services': 'managed',
  'block-hours': 'block_hours',
  retainer: 'retainer',
  'time-and-materials': 'time_materials',
  subscription: 'subscription',
  'licence-resale': 'licence_resale',
  project: 'project',
};

const units: Record<Exclude<PricedPer, 'licence'>, LineUnit> = {
  user: 'per_user',
  device: 'per_device',
  site: 'per_site',
  flat: 'flat',
};

/** Licences are counted the way their product is sold (Microsoft 365 per user, antivirus per device). */
export const unitOf = (line: AgreementLine): LineUnit =>
  line.per === 'licence' ? catalogItem(line.item).unit : units[line.per];

/** One recurring line; a per-site line for every site the client has is counted from its sites. */
export function lineBody(line: AgreementLine, ids: CatalogIds, siteCount: number): LineInput {
  const item = catalogItem(line.item);
  const id = ids(line.item);
  const unit = unitOf(line);
  return {
    description: line.description,
    serviceId: item.type === 'service' ? id : null,
    planId: item.type === 'plan' ? id : null,
    productId: item.type === 'product' ? id : null,
    categories: [...item.categories],
    quantity: line.quantity,
    unitPrice: line.unitPriceMinor,
    unit,
    quantitySource: unit === 'per_site' && line.quantity === siteCount ? 'sites' : 'entered',
    recurring: true,
  };
}

export type HistoryStep = { amendment: IntendedAmendment; after: AgreementLine };

/**
 * The agreement's recurring lines as signed, each with its index in `a.lines`, and each amendment
 * in date order with the line as it left it: today's lines with the amendments undone, latest first.
 */
export function lineHistory(a: IntendedAgreement): {
  signed: { index: number; line: AgreementLine }[];
  steps: HistoryStep[];
} {
  const lines = a.lines.map((line, index) => ({ index, line }));
  const steps: HistoryStep[] = [];
  const latestFirst = [...a.amendments].sort((x, y) => (x.effectiveOn < y.effectiveOn ? 1 : -1));
  for (const am of latestFirst) {
    const at = lines.findIndex((l) => l.index === am.line);
    const current = lines[at];
    if (!current) throw new Error(`${a.name}: amendment "${am.note}" names line ${am.line}, not there then.`);
    steps.unshift({ amendment: am, after: current.line });
    switch (am.kind) {
      case 'set_quantity':
        current.line = { ...current.line, quantity: am.from };
        break;
      case 'set_price':
        current.line = { ...current.line, unitPriceMinor: am.fromMinor };
        break;
      case 'change_plan':
        current.line = { ...current.line, ...am.from };
        break;
      case 'add_line':
        lines.splice(at, 1);
        break;
    }
  }
  return { signed: lines, steps };
}

/** Lines that are no recurring fee: the hourly rate of time & materials and retainers, a block's price. */
function oneOffLines(a: IntendedAgreement): LineInput[] {
  const line = (description: string, unitPrice: number): LineInput => ({
    description,
    serviceId: null,
    planId: null,
    productId: null,
    categories: [],
    quantity: 1,
    unitPrice,
    unit: 'flat',
    quantitySource: 'entered',
    recurring: false,
  });
  // Entitlement prices time & materials and retainer work at the first one-off line's unit price.
  if (a.kind === 'time-and-materials' && a.hourlyRateMinor !== null)
    return [line('Labour per hour, remote or on site', a.hourlyRateMinor)];
  if (a.kind === 'retainer' && a.hourlyRateMinor !== null)
    return [line('Engineer time drawn from the retainer, per hour', a.hourlyRateMinor)];
  if (a.kind === 'block-hours' && a.prepaidMinor !== null)
    return [line(`${a.blockHours} hours of support, prepaid`, a.prepaidMinor)];
  return [];
}

export const DEMO_AGREEMENT_NOTES = 'Demo data.';

function notesOf(a: IntendedAgreement): string {
  const sla = a.slaTier ? ` SLA: ${demoSlaPolicies[a.slaTier].name}.` : '';
  const covers = a.services.length ? ` Covers ${a.services.join(', ')}.` : '';
  return `${DEMO_AGREEMENT_NOTES}${covers}${sla}`;
}

/** The SLA policy an agreement names: the real policy of its tier, which must exist by now. */
export function slaPolicyOf(a: IntendedAgreement, slaIds: SlaIds): string | null {
  if (!a.slaTier) return null;
  const id = slaIds(a.slaTier);
  if (!id) throw new Error(`${a.name}: the ${a.slaTier} SLA policy does not exist yet.`);
  return id;
}

/** The agreement as signed (a draft: signature and status follow through the lifecycle). */
export function agreementBody(
  client: Pick<DemoClientSpec, 'sites'>,
  a: IntendedAgreement,
  clientId: string,
  ids: CatalogIds,
  slaIds: SlaIds,
): CreateAgreementInput {
  const kind = apiKinds[a.kind];
  const signed = lineHistory(a).signed.map((l) => lineBody(l.line, ids, client.sites.length));
  // Paid-for work (time & materials, blocks, retainers) lists no categories: any work may be drawn.
  const covered = new Set(signed.flatMap((l) => l.categories));
  return CreateAgreementBody.parse({
    clientId,
    kind,
    name: a.name,
    startDate: a.startsOn,
    endDate: null,
    minimumTermMonths: a.termMonths,
    autoRenew: a.autoRenew,
    renewalTermMonths: a.termMonths === 0 ? 1 : Math.min(a.termMonths, 12),
    noticeDays: a.noticeDays,
    billing: a.billing,
    partOfEnvironment: a.coverage,
    coveredCategories: [...covered].sort(),
    coveredWorkTypes: a.workTypes,
    exclusions: a.exclusions.map((x) => ({
      category: x.category ? categoryOf[x.category] : null,
      workType: x.workType,
      description: x.description,
      hourlyRate: x.rateMinor ?? a.hourlyRateMinor ?? 0,
    })),
    outOfScopeRate: kind === 'managed' ? a.hourlyRateMinor : null,
    afterHoursMultiplier: a.afterHoursMultiplier,
    blockHours:
      a.blockHours === null
        ? null
        : { hoursPerPeriod: a.blockHours, rollover: a.rollover, overageRate: a.hourlyRateMinor ?? 0 },
    retainerAmount: kind === 'retainer' ? a.prepaidMinor : null,
    slaPolicyId: slaPolicyOf(a, slaIds),
    complianceFrameworks: a.compliance,
    termination: { noticeDays: a.noticeDays, earlyTerminationFee: a.earlyTerminationFeeMinor },
    notes: notesOf(a),
    lines: [...signed, ...oneOffLines(a)],
  });
}

/** The signature: signed on the intended day by the client's main contact. */
export function activateBody(client: Pick<DemoClientSpec, 'contacts'>, a: IntendedAgreement) {
  if (a.signedOn === null) throw new Error(`${a.name} is a proposal: nobody signed it.`);
  return ActivateBody.parse({ signedOn: a.signedOn, signedBy: client.contacts[0]!.name });
}

/**
 * One amendment as the API takes it. `lineIds` holds the stored id of each line as signed, by its
 * index in `a.lines`.
 */
export function amendmentBody(
  client: Pick<DemoClientSpec, 'sites'>,
  step: HistoryStep,
  lineIds: ReadonlyMap<number, string>,
  ids: CatalogIds,
): AmendmentInput {
  const { amendment: am, after } = step;
  const dated = { effectiveOn: am.effectiveOn, note: am.note };
  const lineId = () => {
    const id = lineIds.get(am.line);
    if (!id) throw new Error(`No stored line for line ${am.line} ("${after.description}").`);
    return id;
  };
  switch (am.kind) {
    case 'set_quantity':
      return AmendmentBody.parse({ kind: am.kind, lineId: lineId(), quantity: after.quantity, ...dated });
    case 'set_price':
      return AmendmentBody.parse({
        kind: am.kind,
        lineId: lineId(),
        unitPrice: after.unitPriceMinor,
        ...dated,
      });
    case 'add_line':
      return AmendmentBody.parse({
        kind: am.kind,
        line: lineBody(after, ids, client.sites.length),
        ...dated,
      });
    case 'change_plan': {
      const item = catalogItem(after.item);
      return AmendmentBody.parse({
        kind: am.kind,
        lineId: lineId(),
        planId: item.type === 'plan' ? ids(after.item) : null,
        categories: item.categories,
        unitPrice: after.unitPriceMinor,
        description: after.description,
        ...dated,
      });
    }
  }
}

export const endingActions: Record<Ending['status'], LifecycleAction> = {
  suspended: 'suspend',
  expired: 'expire',
  terminated: 'terminate',
};

export const endingBody = (ending: Ending) => LifecycleBody.parse({ on: ending.on, reason: ending.reason });
