import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullStack } from '../../../test/support/agreements.js';
import type { Caller } from '../../../test/support/app.js';
import { buildClient, buildUser, call, expectProblem, useTestApp } from '../../../test/support/app.js';
import { storeKinds } from '../../../test/support/stores.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { timeEntries, timeTimers } from './time.tables.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe.each(storeKinds)('running timers on %s', (kind) => {
  const t = useTestApp(kind);
  let manager: Caller;
  let client: string;
  let ticketId: string;
  const api = (method: string, url: string, payload: unknown, who: Caller) =>
    call(t.current, { method, url, payload, headers: who.headers });
  const entriesOf = (userId: string) =>
    t.current.store.db.select().from(timeEntries).where(eq(timeEntries.technicianId, userId));

  beforeAll(async () => {
    manager = await buildUser(t.current, 'manager');
    client = (await buildClient(t.current)).id;
    const a = await api('POST', '/api/v1/agreements', { clientId: client, ...fullStack() }, manager);
    await api(
      'POST',
      `/api/v1/agreements/${a.data.id}/activate`,
      { signedOn: '2025-12-15', signedBy: 'CEO' },
      manager,
    );
    ticketId = (
      await api(
        'POST',
        '/api/v1/tickets',
        { clientId: client, subject: 'VPN down', category: 'helpdesk' },
        manager,
      )
    ).data.id;
  });

  it('starts on a ticket, refuses a second, and stops into a draft entry decided by entitlement', async () => {
    const tech = await buildUser(t.current, 'technician');
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data).toEqual({ timer: null });
    const startedAt = minutesAgo(30);
    const started = await api('POST', '/api/v1/timer', { ticketId, workType: 'remote', startedAt }, tech);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.data).toMatchObject({
      userId: tech.userId,
      ticketId,
      clientId: client,
      workType: 'remote',
    });
    const second = expectProblem(
      await api('POST', '/api/v1/timer', { activity: 'Something else', workType: 'remote' }, tech),
      409,
    );
    expect(second.detail).toContain('already running');
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data.timer.startedAt).toBe(
      new Date(startedAt).toISOString(),
    );

    const stopped = await api('DELETE', '/api/v1/timer', undefined, tech);
    expect(stopped.statusCode, stopped.body).toBe(200);
    const entry = stopped.data.entry;
    expect(entry).toMatchObject({
      technicianId: tech.userId,
      ticketId,
      clientId: client,
      status: 'draft',
      startedAt: new Date(startedAt).toISOString(),
      entitlement: { kind: 'covered', rule: { code: 'COVERED_BY_MANAGED' } },
    });
    expect(entry.minutes).toBeGreaterThanOrEqual(29);
    expect(entry.minutes).toBeLessThanOrEqual(31);
    expect(Date.now() - Date.parse(entry.endedAt)).toBeLessThan(60_000);
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data).toEqual({ timer: null });
    expectProblem(await api('DELETE', '/api/v1/timer', undefined, tech), 404);
  });

  it('one running timer per user is the database’s rule, even for two starts at once', async () => {
    const tech = await buildUser(t.current, 'technician');
    const start = () => api('POST', '/api/v1/timer', { activity: 'Admin', workType: 'remote' }, tech);
    const answers = await Promise.all([start(), start(), start()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    const db = t.current.store.db;
    const err = await db
      .insert(timeTimers)
      .values({ userId: tech.userId, startedAt: new Date(), activity: 'Sneaky', workType: 'remote' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(err)).toBe(true);
    expect(await db.select().from(timeTimers).where(eq(timeTimers.userId, tech.userId))).toHaveLength(1);
  });

  it('a discarded timer logs nothing; a timer under a minute cannot be stopped into an entry', async () => {
    const tech = await buildUser(t.current, 'technician');
    await api('POST', '/api/v1/timer', { activity: 'Oops', workType: 'remote' }, tech);
    const short = expectProblem(await api('DELETE', '/api/v1/timer', undefined, tech), 422);
    expect(short.detail).toContain('less than a minute');
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data.timer).not.toBeNull();
    const discarded = await api('DELETE', '/api/v1/timer?discard=true', undefined, tech);
    expect(discarded.data).toEqual({ entry: null });
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data.timer).toBeNull();
    expect(await entriesOf(tech.userId)).toEqual([]);
    expectProblem(await api('DELETE', '/api/v1/timer?discard=true', undefined, tech), 404);
  });

  it('a stop that would overlap the technician’s own entry keeps the timer and writes nothing', async () => {
    const tech = await buildUser(t.current, 'technician');
    await api(
      'POST',
      '/api/v1/timer',
      { activity: 'Long job', workType: 'remote', startedAt: minutesAgo(60) },
      tech,
    );
    const logged = await api(
      'POST',
      '/api/v1/time-entries',
      { activity: 'Call', workType: 'remote', startedAt: minutesAgo(30), durationMinutes: 10 },
      tech,
    );
    expect(logged.statusCode, logged.body).toBe(201);
    expectProblem(await api('DELETE', '/api/v1/timer', undefined, tech), 409);
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data.timer).not.toBeNull();
    expect(await entriesOf(tech.userId)).toHaveLength(1);
  });

  it.each([
    ['a start in the future', { activity: 'x', workType: 'remote', startedAt: '2999-01-01T00:00:00Z' }, 422],
    [
      'a start more than a day ago',
      { activity: 'x', workType: 'remote', startedAt: minutesAgo(25 * 60) },
      422,
    ],
    ['an unknown work type', { activity: 'x', workType: 'juggling' }, 422],
    ['no subject', { workType: 'remote' }, 422],
    [
      'a ticket that does not exist',
      { ticketId: '01900000-0000-7000-8000-0000000000ee', workType: 'remote' },
      422,
    ],
    ['an unknown field', { activity: 'x', workType: 'remote', minutes: 3 }, 400],
  ])('refuses %s and starts nothing', async (_, body, status) => {
    const tech = await buildUser(t.current, 'technician');
    expectProblem(await api('POST', '/api/v1/timer', body, tech), status);
    expect((await api('GET', '/api/v1/timer', undefined, tech)).data.timer).toBeNull();
  });
});
