import type { KeelModule } from '../../platform/module.js';
import { agreementsRoutes, amendmentRoutes } from './agreements.routes.js';
import { type AgreementDeps, createAgreementsService } from './agreements.service.js';
import { classificationRoutes } from './classification.routes.js';
import { type ClassificationDeps, createClassificationService } from './classification.service.js';
import { createEntitlementService, type EntitlementDeps, entitlementRoutes } from './entitlement.routes.js';

export type { AgreementsService } from './agreements.service.js';
export type { ClassificationService } from './classification.service.js';
export type { EntitlementService } from './entitlement.routes.js';

export function createAgreementsModule(
  deps: AgreementDeps & Pick<ClassificationDeps, 'listClients' | 'billingFacts'> & EntitlementDeps,
) {
  const service = createAgreementsService(deps);
  const classification = createClassificationService({ ...deps, agreements: service });
  const entitlement = createEntitlementService(service, deps);
  const module: KeelModule = {
    name: 'agreements',
    routes: (app) => {
      agreementsRoutes(app, service);
      amendmentRoutes(app, service);
      classificationRoutes(app, classification, deps.clientVisible);
      entitlementRoutes(app, entitlement);
    },
  };
  return { service, classification, entitlement, module };
}
