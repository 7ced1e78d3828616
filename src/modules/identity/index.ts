import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/store.js';
import type { Authenticator } from '../../platform/http/access.js';
import type { KeelModule } from '../../platform/module.js';
import { identityRoutes, SESSION_COOKIE } from './identity.routes.js';
import { type ClientDirectory, createIdentityService, type IdentityService } from './identity.service.js';

export type { IdentityService, NewUser, PublicUser, User } from './identity.service.js';
export { presentUser } from './identity.service.js';

export function createIdentityModule(deps: { db: Db; config: Config; clients: ClientDirectory }) {
  const service = createIdentityService(deps);
  const authenticator: Authenticator = {
    cookieName: SESSION_COOKIE,
    fromSession: service.fromSession,
    fromBearer: service.fromBearer,
  };
  const module: KeelModule = {
    name: 'identity',
    routes: (app) => identityRoutes(app, service, deps.config),
    jobs: (jobs) =>
      jobs.define(
        'identity.purge-expired-sessions',
        async () => void (await service.purgeExpiredSessions()),
        {
          cron: '17 * * * *',
        },
      ),
  };
  return { service, authenticator, module };
}

export type IdentityModule = { service: IdentityService };
