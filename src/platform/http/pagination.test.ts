import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './pagination.js';

const Shape = z.tuple([z.string(), z.uuid()]);

describe('cursors', () => {
  it('round-trip any (name, uuid) pair (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (name, id) => {
        expect(decodeCursor(encodeCursor([name, id]), Shape)).toEqual([name, id]);
      }),
    );
  });

  it.each([
    ['not base64 JSON', 'garbage!!'],
    ['JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['wrong arity', Buffer.from('["a"]').toString('base64url')],
    ['a non-uuid id', Buffer.from('["a","b"]').toString('base64url')],
    ['empty', ''],
  ])('rejects %s with INVALID_CURSOR', (_label, cursor) => {
    expect(() => decodeCursor(cursor, Shape)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
