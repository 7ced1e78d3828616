import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { slaRoutes } from './sla.routes.js';
import { createSlaService, type SlaPorts } from './sla.service.js';

export type { SlaService } from './sla.service.js';

export function createSlaModule(deps: { db: Db; ports: SlaPorts }) {
  const service = createSlaService(deps.db, deps.ports);
  const module: KeelModule = { name: 'sla', routes: (app) => slaRoutes(app, service) };
  return { service, module };
}
