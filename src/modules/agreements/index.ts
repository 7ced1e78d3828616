import type { KeelModule } from '../../platform/module.js';
import { agreementsRoutes } from './agreements.routes.js';
import { type AgreementDeps, createAgreementsService } from './agreements.service.js';

export type { AgreementsService } from './agreements.service.js';

export function createAgreementsModule(deps: AgreementDeps) {
  const service = createAgreementsService(deps);
  const module: KeelModule = { name: 'agreements', routes: (app) => agreementsRoutes(app, service) };
  return { service, module };
}
