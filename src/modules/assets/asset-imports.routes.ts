import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { principalOf } from '../../platform/http/access.js';
import { typed } from '../../platform/http/server.js';
import type { AssetImports } from './asset-imports.service.js';

const tags = ['assets'];
/** A CSV of 50,000 assets with long notes stays well under this. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const csvTypes = ['text/csv', 'application/csv', 'text/plain'];

const ImportRowError = z.object({
  row: z.number().int().nullable().describe('File row (the header is row 1); null: the whole import'),
  field: z.string().nullable(),
  message: z.string(),
});
export const ImportStatusResponse = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  dryRun: z.boolean(),
  filename: z.string().nullable(),
  total: z.number().int().describe('Data rows in the file'),
  done: z.number().int().describe('Rows dealt with so far (written or rejected): progress is done / total'),
  failed: z.number().int().describe('Rows rejected, by validation or when written'),
  created: z.number().int().describe('Assets created (dry run: would be created)'),
  updated: z.number().int().describe('Assets updated (dry run: existing assets the file describes)'),
  unchanged: z.number().int().describe('Rows that matched an asset already as the file says'),
  errors: z.array(ImportRowError).describe('Row errors, the first 1,000'),
  createdAt: z.date(),
  updatedAt: z.date(),
  finishedAt: z.date().nullable(),
});
const ImportQuery = z.strictObject({
  dry_run: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Check every row and report, writing no asset'),
  filename: z.string().trim().max(255).optional().describe('Name to show for a text/csv body'),
});
const ImportParams = z.strictObject({ importId: z.uuid() });

type Upload = { csv: string; filename: string | null; dryRun: boolean | undefined };

/** The CSV of a multipart form: a field "file", optionally a field "dryRun" (true/false). */
async function fromMultipart(req: FastifyRequest): Promise<Upload> {
  let csv: string | null = null;
  let filename: string | null = null;
  let dryRun: boolean | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname !== 'file') continue;
        csv = data.toString('utf8');
        filename = part.filename || null;
      } else if (part.fieldname === 'dryRun') {
        if (part.value !== 'true' && part.value !== 'false')
          throw new AppError('VALIDATION_FAILED', 'dryRun must be true or false.', [
            { field: 'body.dryRun', message: 'must be true or false' },
          ]);
        dryRun = part.value === 'true';
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `An import file may have at most ${MAX_IMPORT_BYTES} bytes.`);
    throw err;
  }
  if (csv === null)
    throw new AppError('VALIDATION_FAILED', 'No file: send the CSV in a field named "file".', [
      { field: 'body.file', message: 'is required' },
    ]);
  return { csv, filename, dryRun };
}

/** Multipart and CSV bodies are accepted only here, in this plugin's own scope. */
export async function assetImportRoutes(app: FastifyInstance, imports: AssetImports) {
  await app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, fieldSize: 100, parts: 3 },
    });
    scoped.addContentTypeParser(
      csvTypes,
      { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = typed(scoped);
    const write = { access: { permission: 'assets:write' as const, staffOnly: true } };
    const read = { access: { permission: 'assets:read' as const, staffOnly: true } };

    r.post(
      '/api/v1/assets/imports',
      {
        config: write,
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Import assets from CSV (text/csv body, or multipart/form-data with a field "file")',
          description:
            'Columns: client (name or id), type, name and/or hostname; optional site, address (IP/FQDN), os, serial, ' +
            'manufacturer, model, purchase_date and warranty_end (YYYY-MM-DD), managed (yes/no), owner (contact email or name), ' +
            'notes, identities ("key=value; key=value"). Every row is checked first; valid rows are then written in chunks: ' +
            'poll GET /api/v1/assets/imports/{id} for progress. A row describing an existing asset (same client and serial, ' +
            'else hostname) updates it, so importing the same file twice creates nothing new. `dry_run=true` only reports.',
          querystring: ImportQuery,
          response: { 202: ImportStatusResponse },
        },
      },
      async (req, reply) => {
        let upload: Upload;
        if (req.isMultipart()) upload = await fromMultipart(req);
        else if (typeof req.body === 'string')
          upload = { csv: req.body, filename: req.query.filename ?? null, dryRun: undefined };
        else
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the CSV as a text/csv body or as multipart/form-data in a field named "file".',
          );
        const dryRun = upload.dryRun ?? req.query.dry_run ?? false;
        const status = await imports.start(
          { csv: upload.csv, filename: upload.filename ?? req.query.filename ?? null, dryRun },
          principalOf(req).userId,
        );
        return reply.status(202).send(status);
      },
    );
    r.get(
      '/api/v1/assets/imports',
      {
        config: read,
        schema: {
          tags,
          summary: 'The latest asset imports, newest first',
          response: { 200: z.object({ items: z.array(ImportStatusResponse) }) },
        },
      },
      async () => ({ items: await imports.recent() }),
    );
    r.get(
      '/api/v1/assets/imports/:importId',
      {
        config: read,
        schema: {
          tags,
          summary: 'Progress and row errors of an import',
          params: ImportParams,
          response: { 200: ImportStatusResponse },
        },
      },
      (req) => imports.status(req.params.importId),
    );
  });
}
