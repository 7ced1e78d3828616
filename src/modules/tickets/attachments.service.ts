import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AccessScope } from '../../platform/auth/principal.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type CheckedFile, checkFile, type IncomingFile } from './attachments.content.js';
import { findTicket } from './tickets.queries.js';
import { ticketAttachments, ticketMessages, tickets } from './tickets.tables.js';

type AttachmentRow = typeof ticketAttachments.$inferSelect;

export function presentAttachment(a: Omit<AttachmentRow, 'data'>) {
  return {
    id: a.id,
    ticketId: a.ticketId,
    messageId: a.messageId,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  };
}

const listed = {
  id: ticketAttachments.id,
  ticketId: ticketAttachments.ticketId,
  messageId: ticketAttachments.messageId,
  filename: ticketAttachments.filename,
  contentType: ticketAttachments.contentType,
  size: ticketAttachments.size,
  sha256: ticketAttachments.sha256,
  createdAt: ticketAttachments.createdAt,
};

/** Portal users see files on public messages and files not tied to a message, never those on internal notes. */
const visibleTo = (scope: AccessScope) =>
  scope.kind === 'staff'
    ? undefined
    : or(isNull(ticketAttachments.messageId), eq(ticketMessages.public, true));

/** Files on tickets, kept in the database (bytea) with their size, SHA-256 and checked content type. */
export function createAttachmentsService(db: Db, opts: { maxBytes: number }) {
  async function insert(tx: DbOrTx, ticketId: string, messageId: string | null, file: CheckedFile) {
    const [ticket] = await tx
      .select({ clientId: tickets.clientId })
      .from(tickets)
      .where(eq(tickets.id, ticketId));
    const [row] = await tx
      .insert(ticketAttachments)
      .values({
        ticketId,
        messageId,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        data: file.data,
      })
      .returning(listed);
    await recordAudit(tx, {
      action: 'attach',
      entityType: 'ticket',
      entityId: ticketId,
      clientId: ticket?.clientId ?? null,
      changes: {
        attachmentId: row!.id,
        messageId,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
      },
    });
    return presentAttachment(row!);
  }

  return {
    maxBytes: opts.maxBytes,

    /** Size and content checks only, before anything is written: 413 or 415 with the reason. */
    check: (file: IncomingFile) => checkFile(file, opts.maxBytes),

    /** Stores checked files inside a caller's transaction (mail: with the message that carried them). */
    async storeChecked(
      tx: DbOrTx,
      ticketId: string,
      messageId: string | null,
      files: readonly CheckedFile[],
    ) {
      const stored = [];
      for (const file of files) stored.push(await insert(tx, ticketId, messageId, file));
      return stored;
    },

    /** An upload through the API, optionally tied to one of the ticket's messages. */
    async upload(scope: AccessScope, ticketId: string, file: IncomingFile, messageId: string | null = null) {
      await findTicket(db, scope, ticketId);
      const checked = await checkFile(file, opts.maxBytes);
      return db.transaction(async (tx) => {
        await findTicket(tx, scope, ticketId, true);
        if (messageId) {
          const [message] = await tx
            .select({ public: ticketMessages.public })
            .from(ticketMessages)
            .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId)));
          if (!message || (scope.kind !== 'staff' && !message.public))
            throw new AppError('UNPROCESSABLE', `Message ${messageId} is not a message of this ticket.`, [
              { field: 'body.messageId', message: 'is not a message of this ticket' },
            ]);
        }
        return insert(tx, ticketId, messageId, checked);
      });
    },

    async list(scope: AccessScope, ticketId: string) {
      await findTicket(db, scope, ticketId);
      const rows = await db
        .select(listed)
        .from(ticketAttachments)
        .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
        .where(and(eq(ticketAttachments.ticketId, ticketId), visibleTo(scope)))
        .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.id));
      return rows.map(presentAttachment);
    },

    /** One file with its bytes; one the caller may not see does not exist. */
    async download(scope: AccessScope, ticketId: string, attachmentId: string) {
      await findTicket(db, scope, ticketId);
      const [row] = await db
        .select({ attachment: ticketAttachments })
        .from(ticketAttachments)
        .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
        .where(
          and(
            eq(ticketAttachments.id, attachmentId),
            eq(ticketAttachments.ticketId, ticketId),
            visibleTo(scope),
          ),
        );
      if (!row) throw notFound('NOT_FOUND', 'Attachment', attachmentId);
      return row.attachment;
    },

    /** The files of one message, bytes included: what a mailed reply carries. */
    async ofMessage(messageId: string) {
      return db
        .select()
        .from(ticketAttachments)
        .where(eq(ticketAttachments.messageId, messageId))
        .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.id));
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
