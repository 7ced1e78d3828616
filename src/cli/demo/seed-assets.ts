/**
 * `keel seed --demo`, assets: each demo client's register (./assets.ts) written through the assets
 * service, so every asset is validated, audited and counted toward per-device billing like any other.
 *
 * Idempotent, and a run cut off is completed: assets are found by client and name (archived ones
 * count as present: someone removed them on purpose) and left as they are; only missing ones are
 * created. A second run adds nothing.
 */
import type { Keel } from '../../app.js';
import type { Asset } from '../../modules/assets/index.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { Page } from '../../platform/http/pagination.js';
import { type DemoAsset, demoAssetsOf } from './assets.js';
import type { DemoClientRef } from './seed-agreements.js';

export type AssetTally = { assets: number };

/** Assets written side by side: the store answers one statement at a time, the rest overlaps. */
const LANES = 4;
const DAY = 86_400_000;
const key = (text: string) => text.trim().toLowerCase();

/** Every item of a paged listing. */
async function everyPage<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await list(cursor);
    out.push(...res.items);
    if (!res.nextCursor) return out;
    cursor = res.nextCursor;
  }
  throw new Error('Too many rows to list.');
}

/** Every asset, archived ones too, by client. */
async function storedAssets(keel: Keel): Promise<Map<string, Asset[]>> {
  const all = await everyPage((cursor) =>
    keel.assets.service.list(staffScope, { limit: 200, cursor, include_archived: true }),
  );
  const byClient = new Map<string, Asset[]>();
  for (const a of all) byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a]);
  return byClient;
}

type Missing = { ref: DemoClientRef; assets: DemoAsset[] };

function missingAssets(
  refs: readonly DemoClientRef[],
  stored: Map<string, Asset[]>,
  today: string,
): Missing[] {
  return refs.flatMap((ref) => {
    const have = new Set((stored.get(ref.id) ?? []).map((a) => key(a.name)));
    const assets = demoAssetsOf(ref.spec, today).filter((a) => !have.has(key(a.name)));
    return assets.length ? [{ ref, assets }] : [];
  });
}

/** Whether a demo client lacks an asset of its register. */
export async function assetsPending(keel: Keel, refs: readonly DemoClientRef[]): Promise<boolean> {
  return missingAssets(refs, await storedAssets(keel), new Date().toISOString().slice(0, 10)).length > 0;
}

/** Creates the assets the demo clients' registers hold and they do not have yet. */
export async function seedAssets(
  keel: Keel,
  refs: readonly DemoClientRef[],
  log: (line: string) => void,
  now = new Date(),
): Promise<AssetTally> {
  const missing = missingAssets(refs, await storedAssets(keel), now.toISOString().slice(0, 10));
  const total = missing.reduce((n, m) => n + m.assets.length, 0);
  if (!total) return { assets: 0 };
  log(`Assets: ${total} to create for ${missing.length} clients…`);
  const clients = keel.clients.service;
  const work: (() => Promise<unknown>)[] = [];
  for (const { ref, assets } of missing) {
    const sites = new Map(
      (await everyPage((cursor) => clients.listSites(staffScope, ref.id, { limit: 200, cursor }))).map(
        (s) => [key(s.name), s.id],
      ),
    );
    const contacts = new Map(
      (await everyPage((cursor) => clients.listContacts(staffScope, ref.id, { limit: 200, cursor })))
        .filter((c) => c.email)
        .map((c) => [key(c.email!), c.id]),
    );
    for (const a of assets)
      work.push(() =>
        keel.assets.service.create(staffScope, {
          clientId: ref.id,
          // A site or contact someone removed leaves the asset without one.
          siteId: sites.get(key(a.site)) ?? null,
          type: a.type,
          name: a.name,
          hostname: a.hostname,
          address: a.address,
          os: a.os,
          serialNumber: a.serialNumber,
          manufacturer: a.manufacturer,
          model: a.model,
          purchaseDate: a.purchaseDate,
          warrantyEnd: a.warrantyEnd,
          managed: a.managed,
          ownerContactId: a.owner ? (contacts.get(key(a.owner)) ?? null) : null,
          notes: a.notes,
          identities: a.identities,
        }),
      );
  }
  let done = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let next = work.shift(); next; next = work.shift()) {
        await next();
        if (++done % 100 === 0) log(`Assets: ${done} of ${total} created…`);
      }
    }),
  );
  return { assets: total };
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * The register as stored, for the seed's summary: assets by type, managed ones, the per-device
 * agreements whose quantity the managed count matches, and warranties running out.
 */
export async function assetLines(
  keel: Keel,
  refs: readonly DemoClientRef[],
  created: AssetTally | null,
  now = new Date(),
): Promise<string[]> {
  const stored = await storedAssets(keel);
  const live = refs.flatMap((r) => (stored.get(r.id) ?? []).filter((a) => !a.archived));
  if (!live.length) return [];
  const count = (p: (a: Asset) => boolean) => live.filter(p).length;
  const today = now.toISOString().slice(0, 10);
  const soon = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
  const perDevice = refs.flatMap((r) =>
    r.spec.intendedAgreements
      .filter((a) => a.status === 'active' && !a.ending)
      .flatMap((a) => a.lines.filter((l) => l.per === 'device'))
      .map((l) => ({
        client: r.spec.name,
        quantity: l.quantity,
        managed: (stored.get(r.id) ?? []).filter((a) => a.managed && !a.archived).length,
      })),
  );
  const matching = perDevice.filter((p) => p.quantity === p.managed).length;
  const clients = new Set(live.map((a) => a.clientId)).size;
  const out = [
    `Assets (GET /api/v1/assets): ${live.length} for ${clients} clients — ` +
      `${count((a) => a.type === 'server')} servers, ${count((a) => a.type === 'network_device')} network devices, ` +
      `${count((a) => a.type === 'laptop' || a.type === 'workstation')} computers, ` +
      `${count((a) => a.type === 'cloud_service')} cloud services, ${count((a) => !['server', 'network_device', 'laptop', 'workstation', 'cloud_service'].includes(a.type))} printers and tills; ` +
      `${count((a) => a.managed)} managed (${matching} of ${plural(perDevice.length, 'per-device agreement')} ` +
      `billing exactly the managed devices); warranties ending within 60 days: ` +
      `${count((a) => a.warrantyEnd !== null && a.warrantyEnd >= today && a.warrantyEnd <= soon)}, ` +
      `already ended: ${count((a) => a.warrantyEnd !== null && a.warrantyEnd < today)}.`,
  ];
  if (created?.assets) out.push(`Created now: ${plural(created.assets, 'asset')}.`);
  return out;
}
