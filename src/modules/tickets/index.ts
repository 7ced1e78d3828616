import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import type { TicketPorts } from './tickets.ports.js';
import { ticketsRoutes } from './tickets.routes.js';
import { createTicketsService } from './tickets.service.js';

export type { ResolvedSla, TicketPorts } from './tickets.ports.js';
export type { TicketsService } from './tickets.service.js';

export function createTicketsModule(deps: { db: Db; ports: TicketPorts }) {
  const service = createTicketsService(deps.db, deps.ports);
  const module: KeelModule = { name: 'tickets', routes: (app) => ticketsRoutes(app, service) };
  return { service, module };
}
