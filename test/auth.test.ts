import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { buildClient, call, createTestApp, expectProblem, useTestApp } from './support/app.js';
import { storeKinds } from './support/stores.js';

const password = 'correct horse battery staple';

function sessionCookie(res: { headers: Record<string, unknown> }): { header: string; raw: string } {
  const raw = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('keel_session='));
  if (!raw) throw new Error('no session cookie');
  return { raw: String(raw), header: String(raw).split(';')[0]! };
}

describe.each(storeKinds)('sign-in and sessions on %s', (kind) => {
  const t = useTestApp(kind, { env: { KEEL_LOGIN_RATE_LIMIT: '8' } });
  let n = 0;
  const newUser = async (role: 'admin' | 'technician' = 'admin') => {
    const email = `u${++n}-${kind}@example.test`;
    await t.current.keel.identity.service.createUser({ email, role, password });
    return email;
  };
  const login = (email: string, body: Record<string, unknown> = {}, ip = `10.0.${n}.1`) =>
    t.current.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...body },
      remoteAddress: ip,
    });

  it('signs in with a session cookie that is HttpOnly and SameSite, and needs the CSRF token to write', async () => {
    const email = await newUser();
    const res = await login(email);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const cookie = sessionCookie(res);
    expect(cookie.raw).toMatch(/HttpOnly/i);
    expect(cookie.raw).toMatch(/SameSite=Lax/i);
    expect(cookie.raw).not.toMatch(/Secure/i);
    expect(body.csrfToken).toBeTruthy();
    expect(body.user.email).toBe(email);

    const me = await call(t.current, {
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookie.header },
    });
    expect(me.data.user.email).toBe(email);
    expect(me.data.csrfToken).toBe(body.csrfToken);

    const payload = { name: `Acme ${kind}` };
    const noCsrf = await call(t.current, {
      method: 'POST',
      url: '/api/v1/clients',
      headers: { cookie: cookie.header },
      payload,
    });
    expect(expectProblem(noCsrf, 403).code).toBe('CSRF_TOKEN_INVALID');
    const wrongCsrf = await call(t.current, {
      method: 'POST',
      url: '/api/v1/clients',
      headers: { cookie: cookie.header, 'x-csrf-token': 'x' },
      payload,
    });
    expectProblem(wrongCsrf, 403);
    const ok = await call(t.current, {
      method: 'POST',
      url: '/api/v1/clients',
      headers: { cookie: cookie.header, 'x-csrf-token': body.csrfToken },
      payload,
    });
    expect(ok.statusCode).toBe(201);

    const out = await call(t.current, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: cookie.header, 'x-csrf-token': body.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expectProblem(
      await call(t.current, { method: 'GET', url: '/api/v1/me', headers: { cookie: cookie.header } }),
      401,
    );
  });

  it('marks the cookie Secure when the request came over TLS (through a trusted proxy)', async () => {
    const email = await newUser();
    const plain = await login(email);
    expect(sessionCookie(plain).raw).not.toMatch(/Secure/);
    const proxied = await createTestApp(kind, { env: { KEEL_TRUST_PROXY: 'true' } });
    try {
      await proxied.keel.identity.service.createUser({ email, role: 'admin', password });
      const res = await proxied.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(sessionCookie(res).raw).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password and an unknown email alike, and refuses disabled users', async () => {
    const email = await newUser('technician');
    const wrong = await t.current.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'nope' },
    });
    const unknown = await t.current.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@example.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const user = (await t.current.keel.identity.service.findUserByEmail(email))!;
    const admin = (await t.current.keel.identity.service.listUsers()).find((u) => u.role === 'admin')!;
    await t.current.keel.identity.service.updateUser(user.id, { disabled: true }, {
      userId: admin.id,
    } as never);
    expect((await login(email)).statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const email = await newUser();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await t.current.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong' },
        remoteAddress: '10.66.0.1',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const limited = await t.current.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: '10.66.0.1',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect((await login(email, {}, '10.66.0.2')).statusCode).toBe(200);
  });

  it('enrols TOTP and then requires the code at sign-in', async () => {
    const email = await newUser();
    const first = await login(email);
    const cookie = sessionCookie(first).header;
    const csrf = first.json().csrfToken;
    const h = { cookie, 'x-csrf-token': csrf };
    const begin = await call(t.current, { method: 'POST', url: '/api/v1/me/totp', headers: h });
    expect(begin.statusCode).toBe(200);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(begin.data.secret) });
    expectProblem(
      await call(t.current, {
        method: 'POST',
        url: '/api/v1/me/totp/confirm',
        headers: h,
        payload: { code: '000000' === totp.generate() ? '111111' : '000000' },
      }),
      400,
    );
    expect(
      (
        await call(t.current, {
          method: 'POST',
          url: '/api/v1/me/totp/confirm',
          headers: h,
          payload: { code: totp.generate() },
        })
      ).statusCode,
    ).toBe(204);

    const without = await login(email);
    expect(without.statusCode).toBe(401);
    expect(without.json().code).toBe('TOTP_REQUIRED');
    expect(
      (await login(email, { totp: totp.generate() === '123456' ? '654321' : '123456' })).statusCode,
    ).toBe(401);
    expect((await login(email, { totp: totp.generate() })).statusCode).toBe(200);
  });

  it('records who did what, from where, in the audit log', async () => {
    const email = await newUser();
    const res = await login(email, {}, '10.77.0.1');
    const h = { cookie: sessionCookie(res).header, 'x-csrf-token': res.json().csrfToken };
    const client = await buildClient(t.current);
    const patch = await t.current.http.inject({
      method: 'PATCH',
      url: `/api/v1/clients/${client.id}`,
      headers: h,
      payload: { notes: 'VIP' },
      remoteAddress: '10.77.0.1',
    });
    expect(patch.statusCode).toBe(200);
    const rows = await t.current.store.executeSql(
      `select actor, ip, action, entity_type, changes from audit_log where entity_id = $1 order by at`,
      [client.id],
    );
    const update = rows.rows.find((r) => r.action === 'update');
    expect(update).toMatchObject({ actor: email, ip: '10.77.0.1', entity_type: 'client' });
    expect(update.changes).toEqual({ notes: ['', 'VIP'] });
  });
});

describe.each(storeKinds)('audit log API on %s', (kind) => {
  const t = useTestApp(kind);

  it('lists entries newest first, filtered by client, paged; staff with audit:read only', async () => {
    const { buildUser } = await import('./support/app.js');
    const manager = await buildUser(t.current, 'manager');
    const client = await buildClient(t.current);
    for (const notes of ['a', 'b', 'c']) {
      await call(t.current, {
        method: 'PATCH',
        url: `/api/v1/clients/${client.id}`,
        headers: manager.headers,
        payload: { notes },
      });
    }
    const first = await call(t.current, {
      method: 'GET',
      url: `/api/v1/audit?client_id=${client.id}&limit=2`,
      headers: manager.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.data.items.map((e: { changes: { notes: string[] } }) => e.changes.notes[1])).toEqual([
      'c',
      'b',
    ]);
    expect(first.data.items[0]).toMatchObject({
      actor: `${manager.email} (api token)`,
      action: 'update',
      entityType: 'client',
      channel: 'http',
    });
    const second = await call(t.current, {
      method: 'GET',
      url: `/api/v1/audit?client_id=${client.id}&limit=2&cursor=${first.data.nextCursor}`,
      headers: manager.headers,
    });
    expect(second.data.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(second.data.nextCursor).toBeNull();
    const tech = await buildUser(t.current, 'technician');
    expectProblem(await call(t.current, { method: 'GET', url: '/api/v1/audit', headers: tech.headers }), 403);
  });
});
