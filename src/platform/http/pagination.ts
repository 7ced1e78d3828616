import { z } from 'zod';
import { AppError } from '../errors.js';

/** Opaque keyset cursors: base64url of the sort values of the last row of the previous page. */
export const encodeCursor = (values: readonly (string | number | null)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not base64url JSON: fall through
  }
  throw new AppError('INVALID_CURSOR', 'The cursor is not one this server issued. Start again without it.', [
    { field: 'querystring.cursor', message: 'is not a valid cursor' },
  ]);
}

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200.'),
  cursor: z.string().max(500).optional().describe('`nextCursor` of the previous page.'),
  q: z.string().trim().max(200).optional().describe('Search text.'),
  updated_since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only records changed at or after this instant.'),
  include_archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Include archived records.'),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });

export type Page<T> = { items: T[]; nextCursor: string | null };
