import { sql } from 'drizzle-orm';
import { bigint, boolean, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { idColumn } from './columns.js';
import { rawRows, recordsetInsert, recordsetInsertReturning } from './recordset.js';

const notes = pgTable('recordset_notes', {
  id: idColumn(),
  number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  title: text('title').notNull(),
  status: text('status').notNull().default('open'),
  tags: text('tags').array().notNull().default(sql`'{}'`),
  data: jsonb('data').$type<Record<string, unknown>>(),
  pinned: boolean('pinned').notNull().default(false),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

describe.each(storeKinds)('JSON recordset inserts on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await store.executeSql(`create table recordset_notes (
      id uuid primary key, number bigint generated always as identity, title text not null,
      status text not null default 'open', tags text[] not null default '{}', data jsonb,
      pinned boolean not null default false, due_at timestamptz, created_at timestamptz not null default now())`);
  });
  afterAll(() => store.drop());

  const rows = [
    {
      title: 'Quotes " and, commas\nand lines',
      tags: ['a', 'b c'],
      data: { nested: { n: 1 }, list: [1, 'two'] },
      dueAt: new Date('2026-03-29T01:30:00.123Z'),
    },
    { title: 'Explicit nulls', tags: [], data: null, dueAt: null },
  ];

  it('returns what Drizzle would, sending only what the rows set and reading back what the database decided', async () => {
    const insert = recordsetInsertReturning(notes, rows, 'id');
    const written = insert.rows(await rawRows(store.db, insert.query));
    const read = await store.db.select().from(notes).orderBy(notes.number);
    expect(written).toEqual(read);
    expect(read.map((r) => [r.title, r.status, r.tags, r.pinned, r.data, r.dueAt])).toEqual([
      [rows[0]!.title, 'open', ['a', 'b c'], false, rows[0]!.data, rows[0]!.dueAt],
      ['Explicit nulls', 'open', [], false, null, null],
    ]);
    expect(new Set(read.map((r) => r.id)).size).toBe(2);
    expect(read.every((r) => r.createdAt instanceof Date)).toBe(true);
  });

  it('refuses rows that set different columns, where null and the default would differ', () => {
    expect(() => recordsetInsert(notes, [{ title: 'a', pinned: true }, { title: 'b' }])).toThrow(
      /differ in the columns they set: pinned/,
    );
  });

  it('runs inside a larger statement as a data-modifying CTE, all or nothing', async () => {
    const before = await store.db.$count(notes);
    const failing = sql`with first as (${recordsetInsert(notes, [{ title: 'kept?' }])}) ${recordsetInsert(
      notes,
      // A null in a NOT NULL column fails the whole statement, the CTE's row included.
      [{ title: null as unknown as string }],
    )}`;
    await expect(store.db.execute(failing)).rejects.toThrow();
    expect(await store.db.$count(notes)).toBe(before);
  });
});
