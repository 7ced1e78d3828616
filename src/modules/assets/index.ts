import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { assetImportRoutes } from './asset-imports.routes.js';
import { createAssetImports } from './asset-imports.service.js';
import type { AssetsPorts } from './assets.ports.js';
import { assetsRoutes } from './assets.routes.js';
import { createAssetsService } from './assets.service.js';

export type { IdentityLabel, IdentityQuery } from '../../domain/assets/types.js';
export type { AssetImports, ImportStatus } from './asset-imports.service.js';
export type { AssetsPorts } from './assets.ports.js';
export type { Asset, AssetRef } from './assets.presenters.js';
export type { AssetsService } from './assets.service.js';

export function createAssetsModule(deps: { db: Db; ports: AssetsPorts }) {
  const service = createAssetsService(deps.db, deps.ports);
  const imports = createAssetImports(deps.db, deps.ports);
  const module: KeelModule = {
    name: 'assets',
    async routes(app) {
      assetsRoutes(app, service);
      await assetImportRoutes(app, imports);
    },
    jobs: (jobs) => imports.useJobs(jobs),
  };
  return { service, imports, module };
}
