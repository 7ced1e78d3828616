/**
 * The one row of billing settings (seeded by the migration): who the seller is on an invoice, its
 * currency and default payment terms, how far back runs correct billed cycles, reminders, schedule.
 */
import { eq } from 'drizzle-orm';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { Db, DbOrTx } from '../../platform/db/store.js';
import { billingSettings } from './billing.tables.js';

export type BillingSettingsRow = typeof billingSettings.$inferSelect;
export type BillingSettingsPatch = Partial<Omit<BillingSettingsRow, 'id' | 'createdAt' | 'updatedAt'>>;

export async function readSettings(tx: DbOrTx): Promise<BillingSettingsRow> {
  const [row] = await tx.select().from(billingSettings).where(eq(billingSettings.id, 1));
  if (row) return row;
  // A database restored from before the seed: the defaults are the table's.
  const [created] = await tx.insert(billingSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await readSettings(tx));
}

export function createSettingsService(db: Db) {
  return {
    getSettings: () => readSettings(db),

    async updateSettings(patch: BillingSettingsPatch, now = new Date()): Promise<BillingSettingsRow> {
      return db.transaction(async (tx) => {
        const before = await readSettings(tx);
        const [after] = await tx
          .update(billingSettings)
          .set({ ...patch, updatedAt: now })
          .where(eq(billingSettings.id, 1))
          .returning();
        await recordAudit(tx, {
          action: 'update',
          entityType: 'billing_settings',
          entityId: null,
          changes: diff(before as Record<string, unknown>, after as Record<string, unknown>),
        });
        return after!;
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
