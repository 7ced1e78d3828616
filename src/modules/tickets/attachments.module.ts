import type { Db } from '../../platform/db/store.js';
import type { KeelModule } from '../../platform/module.js';
import { attachmentsRoutes } from './attachments.routes.js';
import { createAttachmentsService } from './attachments.service.js';

export type { CheckedFile, IncomingFile } from './attachments.content.js';
export type { AttachmentsService } from './attachments.service.js';

/** Ticket attachments: part of the helpdesk, with its own size limit and routes. */
export function createAttachmentsModule(deps: { db: Db; maxBytes: number }) {
  const service = createAttachmentsService(deps.db, { maxBytes: deps.maxBytes });
  const module: KeelModule = { name: 'ticket-attachments', routes: (app) => attachmentsRoutes(app, service) };
  return { service, module };
}
