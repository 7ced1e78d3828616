import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids: unguessable like v4, but index-friendly and sortable by creation. */
export const newId = (): string => uuidv7();

export const idColumn = () => uuid('id').primaryKey().$defaultFn(newId);

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
