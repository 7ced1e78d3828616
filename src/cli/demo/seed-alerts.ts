/**
 * `keel seed --demo`, monitoring: the demo's alert rules, mapping rules, maintenance windows and
 * availability targets, then two months of notifications from its monitoring tools (./alerts.ts)
 * fed to the alerts intake as received at their own past times, and the tickets they call for
 * carried out dated as the alerts happened. Everything goes through the alerts, agreements and
 * tickets services.
 *
 * Idempotent, and a run cut off is completed. The plan is fixed by its anchor, the moment of the
 * first run, found again from the first story's alert. What a fingerprint has received shows in its
 * alerts' last-seen time, so each story is carried on after the last notification it got; the
 * settings are found by client and description or name, the replies in their ticket's messages.
 * A second run adds nothing.
 *
 * Notifications go in rounds: every story's next notification, oldest first, sent together so
 * intake group-commits them. Stories never share a fingerprint, so only each story's own order
 * matters; new alerts still come in time order, which is the order the alerts list shows.
 */
import type { Keel } from '../../app.js';
import { parseAlertPayload } from '../../domain/monitoring/index.js';
import type { AlertRuleInput } from '../../modules/alerts/alerts.schemas.js';
import type { Alert } from '../../modules/alerts/index.js';
import { staffScope } from '../../platform/auth/principal.js';
import type { Page } from '../../platform/http/pagination.js';
import type { DemoNotice } from './alert-payloads.js';
import type { DemoStory } from './alert-stories.js';
import {
  breachingClient,
  type DemoAlertPlan,
  type DemoWindow,
  demoAlertPlan,
  demoAlertRules,
  demoMappingRules,
  demoTargets,
  previousMonth,
} from './alerts.js';
import type { DemoClientRef } from './seed-agreements.js';
import { type AssetTally, assetLines } from './seed-assets.js';

export type AlertTally = { notifications: number; settings: number };

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const key = (integration: string, fingerprint: string) => `${integration}|${fingerprint}`;
const storyKey = (s: DemoStory) => key(s.source, s.fingerprint);

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

/** The anchor of an earlier run, from the first story's alert; null when there was none. */
async function storedAnchor(keel: Keel): Promise<number | null> {
  // Anchored at 0, the plan gives the first story's first receipt as an offset from the anchor.
  const first = demoAlertPlan(0, []).stories.find((s) => s.shows.includes('anchor'))!;
  const found = await keel.alerts.service.list({
    limit: 200,
    fingerprint: first.fingerprint,
    source: first.source,
  });
  const seen = found.items.filter((a) => a.integration === first.source).map((a) => Date.parse(a.firstSeen));
  return seen.length ? Math.min(...seen) - first.notices[0]!.receivedAt : null;
}

type Survey = {
  plan: DemoAlertPlan;
  fresh: boolean;
  clientIds: Map<string, string>;
  assetIds: Map<string, string>;
  rules: boolean;
  mappingRules: typeof demoMappingRules;
  targets: { agreementId: string; percent: number }[];
  windows: { window: DemoWindow; id: string | null }[];
  /** Per story, the notifications it has not received yet. */
  remaining: Map<string, DemoNotice[]>;
  demoAlerts: Alert[];
};

const assetKey = (clientId: string, name: string) => `${clientId}|${name.trim().toLowerCase()}`;

type StoredSchedule = Awaited<ReturnType<Keel['alerts']['maintenance']['get']>>['schedule'];

function sameSchedule(planned: DemoWindow['schedule'], stored: StoredSchedule): boolean {
  if (planned.kind === 'once')
    return (
      stored.kind === 'once' &&
      Date.parse(planned.from) === Date.parse(stored.from) &&
      Date.parse(planned.to) === Date.parse(stored.to)
    );
  return (
    stored.kind === 'weekly' &&
    planned.timeZone === stored.timeZone &&
    planned.days.join() === stored.days.join() &&
    planned.start === stored.start &&
    planned.end === stored.end &&
    (planned.from ?? null) === stored.from &&
    (planned.until ?? null) === stored.until
  );
}

/** What the demo's monitoring needs that is not there yet; writes nothing. */
async function survey(keel: Keel, refs: readonly DemoClientRef[], now: number): Promise<Survey> {
  const clientIds = new Map(refs.map((r) => [r.spec.name, r.id]));
  const assetIds = new Map<string, string>();
  for (const a of await everyPage((cursor) => keel.assets.service.list(staffScope, { limit: 200, cursor })))
    assetIds.set(assetKey(a.clientId, a.name), a.id);
  const assetOf = (client: string, name: string | null) =>
    name === null ? null : (assetIds.get(assetKey(clientIds.get(client)!, name)) ?? null);

  const stored = await storedAnchor(keel);
  const anchor = stored ?? Math.floor(now / 60_000) * 60_000;
  const plan = demoAlertPlan(
    anchor,
    refs.map((r) => r.spec),
  );

  const settings = await keel.alerts.settings.read();
  const ruleIds = new Set(settings.rules.map((r) => r.id));
  const rules = demoAlertRules.every((r) => ruleIds.has(r.id));

  const mapping = await everyPage((cursor) => keel.alerts.mappingRules.list({ limit: 200, cursor }));
  const mappingRules = demoMappingRules.filter(
    (m) =>
      clientIds.has(m.client) &&
      (m.asset === null || assetOf(m.client, m.asset) !== null) &&
      !mapping.some((r) => r.clientId === clientIds.get(m.client) && r.description === m.description),
  );

  const targets: Survey['targets'] = [];
  for (const t of demoTargets) {
    const clientId = clientIds.get(t.client);
    if (!clientId) continue;
    const agreement = (await keel.agreements.service.list(staffScope, { client_id: clientId })).find(
      (a) => a.name === t.agreement && a.status === 'active',
    );
    if (agreement && agreement.availabilityTargetPercent !== t.percent)
      targets.push({ agreementId: agreement.id, percent: t.percent });
  }

  const existing = await everyPage((cursor) => keel.alerts.maintenance.list({ limit: 200, cursor }));
  const windows = plan.windows.flatMap((w) => {
    const found = existing.find((e) => e.clientId === clientIds.get(w.client) && e.name === w.name);
    if (found && sameSchedule(w.schedule, found.schedule)) return [];
    if (w.asset !== null && assetOf(w.client, w.asset) === null) return [];
    return [{ window: w, id: found?.id ?? null }];
  });

  const planned = new Set(plan.stories.map(storyKey));
  const alerts = await everyPage((cursor) => keel.alerts.service.list({ limit: 200, cursor }));
  const demoAlerts = alerts.filter((a) => planned.has(key(a.integration, a.fingerprint)));
  const lastSeen = new Map<string, number>();
  for (const a of demoAlerts) {
    const k = key(a.integration, a.fingerprint);
    lastSeen.set(k, Math.max(lastSeen.get(k) ?? 0, Date.parse(a.lastSeen)));
  }
  const remaining = new Map<string, DemoNotice[]>();
  for (const s of plan.stories) {
    const seen = lastSeen.get(storyKey(s)) ?? Number.NEGATIVE_INFINITY;
    const left = s.notices.filter((n) => n.receivedAt > seen);
    if (left.length) remaining.set(s.key, left);
  }
  return {
    plan,
    fresh: stored === null,
    clientIds,
    assetIds,
    rules,
    mappingRules,
    targets,
    windows,
    remaining,
    demoAlerts,
  };
}

/** The technicians' replies not written yet, each with its story's ticket. */
async function pendingReplies(keel: Keel, s: Survey) {
  const out: { ticketId: string; reply: DemoAlertPlan['replies'][number] }[] = [];
  for (const reply of s.plan.replies) {
    const story = s.plan.stories.find((x) => x.key === reply.story)!;
    const alert = s.demoAlerts.find(
      (a) => a.integration === story.source && a.fingerprint === story.fingerprint && a.ticketId,
    );
    if (!alert) {
      out.push({ ticketId: '', reply });
      continue;
    }
    const messages = await keel.tickets.service.messages(staffScope, alert.ticketId!);
    if (!messages.some((m) => m.body === reply.body)) out.push({ ticketId: alert.ticketId!, reply });
  }
  return out;
}

/** Whether the breaching client's month has its breach recorded (or the client is not in the plan). */
async function breachRecorded(keel: Keel, s: Survey): Promise<boolean> {
  const clientId = s.clientIds.get(breachingClient);
  if (!clientId) return true;
  const zone = (await keel.clients.service.getClient(staffScope, clientId)).timeZone;
  const month = previousMonth(s.plan.anchor, zone);
  return (await keel.alerts.availability.forClient(clientId, month, month)).breaches.length > 0;
}

/** Whether anything of the demo's monitoring is missing. */
export async function alertsPending(keel: Keel, refs: readonly DemoClientRef[]): Promise<boolean> {
  const s = await survey(keel, refs, Date.now());
  if (s.fresh || !s.rules || s.mappingRules.length || s.targets.length || s.windows.length) return true;
  if (s.remaining.size) return true;
  const waiting = new Set(await keel.alerts.tickets.waiting(10_000));
  if (s.demoAlerts.some((a) => waiting.has(a.id))) return true;
  if ((await pendingReplies(keel, s)).length) return true;
  return !(await breachRecorded(keel, s));
}

/** Sends each story's remaining notifications in rounds; returns how many were sent. */
async function sendRounds(keel: Keel, plan: DemoAlertPlan, remaining: Map<string, DemoNotice[]>) {
  const triage = new Set(plan.stories.filter((s) => s.client === null).map((s) => s.key));
  const queues = [...remaining].map(([story, notices]) => ({ story, notices: [...notices] }));
  let sent = 0;
  const send = async (batch: { story: string; notice: DemoNotice }[]) => {
    const results = await Promise.allSettled(
      batch.map(({ notice }) => {
        const { events } = parseAlertPayload(notice.source, notice.body, { receivedAt: notice.receivedAt });
        return keel.alerts.intake.ingest({
          integration: notice.source,
          source: notice.source,
          events,
          receivedAt: notice.receivedAt,
        });
      }),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    sent += batch.length;
  };
  while (queues.some((q) => q.notices.length)) {
    const round = queues
      .filter((q) => q.notices.length)
      .map((q) => ({ story: q.story, notice: q.notices.shift()! }))
      .sort((a, b) => a.notice.receivedAt - b.notice.receivedAt);
    // Intake looks a triage alert's host up before queueing it: sent alone, it keeps its place.
    let batch: typeof round = [];
    for (const item of round) {
      if (!triage.has(item.story)) {
        batch.push(item);
        continue;
      }
      if (batch.length) await send(batch);
      batch = [];
      await send([item]);
    }
    if (batch.length) await send(batch);
  }
  return sent;
}

/** The ticket work intake recorded for the demo's alerts, alert by alert in time order, dated when decided. */
async function carryOutTickets(keel: Keel, plan: DemoAlertPlan) {
  const planned = new Set(plan.stories.map(storyKey));
  const waiting = new Set(await keel.alerts.tickets.waiting(10_000));
  const alerts = (await everyPage((cursor) => keel.alerts.service.list({ limit: 200, cursor })))
    .filter((a) => planned.has(key(a.integration, a.fingerprint)) && waiting.has(a.id))
    .sort((a, b) => Date.parse(a.firstSeen) - Date.parse(b.firstSeen));
  for (const a of alerts) await keel.alerts.tickets.processAlert(a.id, 'decision');
  return alerts;
}

/**
 * Writes what the demo's monitoring lacks: settings first, then the notifications (held back after
 * a technician's reply until the reply is written), the ticket work, and the month that breached.
 */
export async function seedAlerts(
  keel: Keel,
  refs: readonly DemoClientRef[],
  log: (line: string) => void,
  now = Date.now(),
): Promise<AlertTally> {
  const tally: AlertTally = { notifications: 0, settings: 0 };
  let s = await survey(keel, refs, now);
  const { plan } = s;
  const wrote: string[] = [];
  if (!s.rules) {
    const current = await keel.alerts.settings.read();
    const ours = new Set(demoAlertRules.map((r) => r.id));
    // Rules someone added stay, after the demo's (read-only arrays in, the same rules out).
    const others = current.rules.filter((r) => !ours.has(r.id)) as AlertRuleInput[];
    await keel.alerts.settings.putRules([...demoAlertRules, ...others]);
    tally.settings++;
    wrote.push(plural(demoAlertRules.length, 'alert rule'));
  }
  for (const m of s.mappingRules) {
    const clientId = s.clientIds.get(m.client)!;
    await keel.alerts.mappingRules.create({
      clientId,
      assetId: m.asset === null ? null : s.assetIds.get(assetKey(clientId, m.asset))!,
      matchers: m.matchers,
      description: m.description,
    });
    tally.settings++;
  }
  if (s.mappingRules.length) wrote.push(plural(s.mappingRules.length, 'mapping rule'));
  for (const t of s.targets) {
    await keel.agreements.service.update(staffScope, t.agreementId, { availabilityTargetPercent: t.percent });
    tally.settings++;
  }
  if (s.targets.length) wrote.push(plural(s.targets.length, 'availability target'));
  for (const { window: w, id } of s.windows) {
    const clientId = s.clientIds.get(w.client)!;
    const input = {
      clientId,
      assetId: w.asset === null ? null : s.assetIds.get(assetKey(clientId, w.asset))!,
      name: w.name,
      schedule: w.schedule,
    };
    if (id) await keel.alerts.maintenance.update(id, input);
    else await keel.alerts.maintenance.create(input);
    tally.settings++;
  }
  if (s.windows.length) wrote.push(plural(s.windows.length, 'maintenance window'));
  if (wrote.length) log(`Monitoring: wrote ${wrote.join(', ')}`);
  // Assets created a moment ago map alerts only once intake reads their identities again.
  keel.alerts.settings.forgetSnapshot();

  const total = [...s.remaining.values()].reduce((n, l) => n + l.length, 0);
  if (total) log(`Alerts: ${total} notifications to receive from ${s.remaining.size} monitored things…`);
  // A story with a technician's reply is held at the reply: its ticket must exist, and the reply
  // be written, before the notifications after it decide what the recovery does.
  const held = new Map<string, DemoNotice[]>();
  const first = new Map(s.remaining);
  for (const r of plan.replies) {
    const left = first.get(r.story);
    if (!left) continue;
    first.set(
      r.story,
      left.filter((n) => n.receivedAt <= r.at),
    );
    held.set(
      r.story,
      left.filter((n) => n.receivedAt > r.at),
    );
  }
  tally.notifications += await sendRounds(keel, plan, first);
  const ticketed = new Set((await carryOutTickets(keel, plan)).map((a) => a.id));

  s = await survey(keel, refs, now);
  for (const { ticketId, reply } of await pendingReplies(keel, s)) {
    if (!ticketId) continue;
    const user = await keel.identity.service.findUserByEmail(reply.by);
    await keel.tickets.service.reply(
      staffScope,
      ticketId,
      { body: reply.body, public: false },
      { userId: user?.id ?? null, contactId: null, staff: true, channel: 'web' },
      new Date(reply.at),
    );
  }
  tally.notifications += await sendRounds(keel, plan, held);
  for (const a of await carryOutTickets(keel, plan)) ticketed.add(a.id);
  if (total)
    log(
      `Alerts: ${tally.notifications} notifications received; the tickets of ${ticketed.size} alerts written`,
    );

  s = await survey(keel, refs, now);
  if (!(await breachRecorded(keel, s))) await keel.alerts.availability.recordBreaches(plan.anchor);
  return tally;
}

/**
 * The demo's monitoring as stored, for the seed's summary: alerts by status, triage and tickets,
 * the rules and windows, and availability against the targets, with the month that breached.
 */
export async function alertLines(
  keel: Keel,
  refs: readonly DemoClientRef[],
  created: AlertTally | null,
): Promise<string[]> {
  const s = await survey(keel, refs, Date.now());
  const alerts = s.demoAlerts;
  if (!alerts.length) return [];
  const count = (p: (a: Alert) => boolean) => alerts.filter(p).length;
  const notifications = s.plan.stories.reduce((n, story) => n + story.notices.length, 0);
  const [mapping, windows, settings] = await Promise.all([
    everyPage((cursor) => keel.alerts.mappingRules.list({ limit: 200, cursor })),
    everyPage((cursor) => keel.alerts.maintenance.list({ limit: 200, cursor })),
    keel.alerts.settings.read(),
  ]);
  const days = Math.round(
    (Date.now() - Math.min(...alerts.map((a) => Date.parse(a.firstSeen)))) / 86_400_000,
  );
  const out = [
    `Alerts (GET /api/v1/alerts): ${alerts.length} from Alertmanager, Uptime Kuma, Zabbix and the backup ` +
      `console over the last ${days} days, from ${notifications} notifications (repeats counted on their alert); ` +
      `${count((a) => a.status === 'open')} open (${count((a) => a.flapping)} flapping), ` +
      `${count((a) => a.status === 'silenced')} silenced, ${count((a) => a.status === 'resolved')} resolved; ` +
      `${count((a) => a.clientId === null)} in triage; ${count((a) => a.ticketId !== null)} opened a ticket ` +
      `(${count((a) => a.ticketState === 'review')} recovered — review). ` +
      `${plural(settings.rules.length, 'alert rule')}, ${plural(mapping.length, 'mapping rule')}, ` +
      `${plural(windows.length, 'maintenance window')}.`,
  ];
  const clientId = s.clientIds.get(breachingClient);
  const targets = demoTargets.filter((t) => s.clientIds.has(t.client)).length;
  if (clientId) {
    const zone = (await keel.clients.service.getClient(staffScope, clientId)).timeZone;
    const month = previousMonth(s.plan.anchor, zone);
    const a = await keel.alerts.availability.forClient(clientId, month, month);
    const m = a.overall[0];
    if (m)
      out.push(
        `Availability (GET /api/v1/clients/{id}/availability): ${plural(targets, 'client')} with a target; ` +
          `${breachingClient} ${m.availabilityPercent}% in ${month} against ${m.targetPercent}% (${m.status}, ` +
          `${m.downtimeMinutes} minutes down of ${m.allowedDowntimeMinutes} allowed).`,
      );
  }
  if (created && created.notifications + created.settings)
    out.push(
      `Created now: ${plural(created.notifications, 'notification')} received, ` +
        `${plural(created.settings, 'setting')} written (alert rules, mapping rules, maintenance windows, ` +
        'availability targets).',
    );
  return out;
}

/** The seed summary's assets and monitoring paragraph (empty when the demo has neither). */
export async function monitoringLines(
  keel: Keel,
  refs: readonly DemoClientRef[],
  created: { assets: AssetTally; alerts: AlertTally } | null,
): Promise<string[]> {
  const paragraphs = [
    await assetLines(keel, refs, created?.assets ?? null),
    await alertLines(keel, refs, created?.alerts ?? null),
  ];
  return paragraphs.flatMap((lines) => (lines.length ? ['', ...lines] : []));
}
