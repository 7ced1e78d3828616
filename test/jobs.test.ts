import { describe, expect, it } from 'vitest';
import { startWorker } from '../src/app.js';
import { createTestApp, testConfig } from './support/app.js';
import { storeKinds } from './support/stores.js';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

describe.each(storeKinds)('background jobs on %s', (kind) => {
  it('runs a queued job in the in-process worker and keeps its cron schedule', async () => {
    const app = await createTestApp(kind, { jobs: { work: true } });
    try {
      const user = await app.keel.identity.service.createUser({
        email: 'j@example.test',
        role: 'admin',
        password: 'long enough password',
      });
      await app.store.executeSql(
        `insert into sessions (id, user_id, token_hash, csrf_token, expires_at) values (gen_random_uuid(), $1, 'h', 'c', now() - interval '1 day')`,
        [user.id],
      );
      const count = async () =>
        Number((await app.store.executeSql('select count(*)::int n from sessions')).rows[0].n);
      expect(await count()).toBe(1);
      await app.jobs!.send('identity.purge-expired-sessions', {});
      await waitFor(async () => (await count()) === 0);
      const schedules = await app.jobs!.boss.getSchedules();
      expect(schedules.map((s) => s.name)).toContain('identity.purge-expired-sessions');
    } finally {
      await app.close();
    }
  });

  it('lets a separate worker work what the API process queued', async () => {
    const app = await createTestApp(kind, { jobs: { work: false } });
    try {
      const user = await app.keel.identity.service.createUser({
        email: 'w@example.test',
        role: 'admin',
        password: 'long enough password',
      });
      await app.store.executeSql(
        `insert into sessions (id, user_id, token_hash, csrf_token, expires_at) values (gen_random_uuid(), $1, 'h2', 'c', now() - interval '1 day')`,
        [user.id],
      );
      await app.jobs!.send('identity.purge-expired-sessions', {});
      const worker = await startWorker(app.store, testConfig(), () => {});
      try {
        await waitFor(
          async () =>
            Number((await app.store.executeSql('select count(*)::int n from sessions')).rows[0].n) === 0,
        );
      } finally {
        await worker.stop();
      }
    } finally {
      await app.close();
    }
  });
});
