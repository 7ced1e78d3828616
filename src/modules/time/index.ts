import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import type { TimePorts } from './time.ports.js';
import { timeRoutes } from './time.routes.js';
import { createTimeService } from './time.service.js';
import { createTimeImport } from './time-import.js';
import { createTimerService } from './timer.service.js';

export type { TimePorts } from './time.ports.js';
export type { TimeEntry } from './time.presenters.js';
export type { Caller, TimeService } from './time.service.js';
export type { BillableEntry, Claim, StartRange } from './time-billing.js';
export type { ImportedEntry, TimeImport } from './time-import.js';
export type { TimerService } from './timer.service.js';

export function createTimeModule(deps: { db: Db; ports: TimePorts }) {
  const service = createTimeService(deps.db, deps.ports);
  const timer = createTimerService(deps.db, deps.ports, service);
  const imports = createTimeImport(deps.db, deps.ports);
  const module: KeelModule = { name: 'time', routes: (app) => timeRoutes(app, service, timer) };
  return { service, timer, imports, module };
}
