import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { scopeOfRequest } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import { contentDisposition } from './attachments.content.js';
import { AttachmentFileParams, AttachmentParams, AttachmentResponse } from './attachments.schemas.js';
import type { AttachmentsService } from './attachments.service.js';

const read = { access: { permission: 'tickets:read' as const } };
const write = { access: { permission: 'tickets:write' as const } };
const tags = ['tickets'];
const Uuid = z.uuid();

/** Multipart is parsed only here, in its own plugin scope, so no other route accepts it. */
export async function attachmentsRoutes(app: FastifyInstance, service: AttachmentsService) {
  await app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      limits: { fileSize: service.maxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 },
    });
    const r = typed(scoped);

    r.post(
      '/api/v1/tickets/:ticketId/attachments',
      {
        config: write,
        schema: {
          tags,
          summary: 'Attach a file (multipart/form-data: a field "file", optionally "messageId")',
          description:
            'The file is checked by its content, not its declared type: 413 when larger than the limit, 415 when not an accepted kind.',
          params: AttachmentParams,
          response: { 201: AttachmentResponse },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the file as multipart/form-data, in a field named "file".',
          );
        let file: { filename: string; declaredType: string; data: Buffer } | null = null;
        let messageId: string | null = null;
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file') {
                await part.toBuffer();
                continue;
              }
              file = { filename: part.filename, declaredType: part.mimetype, data: await part.toBuffer() };
            } else if (part.fieldname === 'messageId') {
              const parsed = Uuid.safeParse(part.value);
              if (!parsed.success)
                throw new AppError('VALIDATION_FAILED', 'messageId is not a message id.', [
                  { field: 'body.messageId', message: 'is not a UUID' },
                ]);
              messageId = parsed.data;
            }
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `The file is larger than the ${service.maxBytes} bytes an attachment may have.`,
            );
          throw err;
        }
        if (!file)
          throw new AppError('VALIDATION_FAILED', 'No file: send it in a field named "file".', [
            { field: 'body.file', message: 'is required' },
          ]);
        const stored = await service.upload(scopeOfRequest(req), req.params.ticketId, file, messageId);
        return reply.status(201).send(stored);
      },
    );

    r.get(
      '/api/v1/tickets/:ticketId/attachments',
      {
        config: read,
        schema: {
          tags,
          summary: 'The files on a ticket (portal users: not those on internal notes)',
          params: AttachmentParams,
          response: { 200: z.object({ items: z.array(AttachmentResponse) }) },
        },
      },
      async (req) => ({ items: await service.list(scopeOfRequest(req), req.params.ticketId) }),
    );

    r.get(
      '/api/v1/tickets/:ticketId/attachments/:attachmentId',
      {
        config: read,
        schema: { tags, summary: 'Download one file', params: AttachmentFileParams },
      },
      async (req, reply) => {
        const file = await service.download(
          scopeOfRequest(req),
          req.params.ticketId,
          req.params.attachmentId,
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
  });
}
