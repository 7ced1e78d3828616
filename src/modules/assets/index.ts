import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import type { AssetsPorts } from './assets.ports.js';
import { assetsRoutes } from './assets.routes.js';
import { createAssetsService } from './assets.service.js';

export type { IdentityLabel, IdentityQuery } from '../../domain/assets/types.js';
export type { AssetsPorts } from './assets.ports.js';
export type { Asset, AssetRef } from './assets.presenters.js';
export type { AssetsService } from './assets.service.js';

export function createAssetsModule(deps: { db: Db; ports: AssetsPorts }) {
  const service = createAssetsService(deps.db, deps.ports);
  const module: KeelModule = { name: 'assets', routes: (app) => assetsRoutes(app, service) };
  return { service, module };
}
