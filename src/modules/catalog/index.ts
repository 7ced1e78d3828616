import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { catalogRoutes } from './catalog.routes.js';
import { createCatalogService } from './catalog.service.js';

export type { CatalogService } from './catalog.service.js';

export function createCatalogModule(deps: { db: Db }) {
  const service = createCatalogService(deps);
  const module: KeelModule = { name: 'catalog', routes: (app) => catalogRoutes(app, service) };
  return { service, module };
}
