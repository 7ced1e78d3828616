import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { clientsRoutes } from './clients.routes.js';
import { createClientsService } from './clients.service.js';

export type { ClientsService } from './clients.service.js';

export function createClientsModule(deps: { db: Db }) {
  const service = createClientsService(deps);
  const module: KeelModule = { name: 'clients', routes: (app) => clientsRoutes(app, service) };
  return { service, module };
}
