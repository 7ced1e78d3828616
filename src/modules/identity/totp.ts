/** Two-factor sign-in with TOTP: enrol, confirm with a code, turn off with the password. */
import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { recordAudit } from '../../platform/audit/audit.js';
import { verifyPassword } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/store.js';
import { AppError } from '../../platform/errors.js';
import { users } from './identity.tables.js';

type User = typeof users.$inferSelect;

export function totpFor(user: User) {
  return new OTPAuth.TOTP({
    issuer: 'Keel',
    label: user.email,
    secret: OTPAuth.Secret.fromBase32(user.totpSecret ?? ''),
  });
}

export function createTotpOps(db: Db, getUser: (id: string) => Promise<User>) {
  return {
    /** Starts TOTP enrolment: a new secret, not yet enforced until confirmed with a valid code. */
    async beginTotp(userId: string) {
      const user = await getUser(userId);
      if (user.totpEnabled)
        throw new AppError('CONFLICT', 'Two-factor sign-in is already on; turn it off first.');
      const secret = new OTPAuth.Secret({ size: 20 });
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpSecret: secret.base32, updatedAt: new Date() })
          .where(eq(users.id, userId));
        await recordAudit(tx, { action: 'totp.begin', entityType: 'user', entityId: userId });
      });
      const totp = new OTPAuth.TOTP({ issuer: 'Keel', label: user.email, secret });
      return { secret: secret.base32, otpauthUrl: totp.toString() };
    },

    async confirmTotp(userId: string, code: string) {
      const user = await getUser(userId);
      if (!user.totpSecret)
        throw new AppError('UNPROCESSABLE', 'Start enrolment first (POST /api/v1/me/totp).');
      if (totpFor(user).validate({ token: code, window: 1 }) === null)
        throw new AppError('VALIDATION_FAILED', 'The code is wrong or expired.', [
          { field: 'body.code', message: 'does not match' },
        ]);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: true, updatedAt: new Date() }).where(eq(users.id, userId));
        await recordAudit(tx, { action: 'totp.enable', entityType: 'user', entityId: userId });
      });
    },

    async disableTotp(userId: string, password: string) {
      const user = await getUser(userId);
      if (!(await verifyPassword(password, user.passwordHash)))
        throw new AppError('INVALID_CREDENTIALS', 'The password is wrong.');
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpEnabled: false, totpSecret: null, updatedAt: new Date() })
          .where(eq(users.id, userId));
        await recordAudit(tx, { action: 'totp.disable', entityType: 'user', entityId: userId });
      });
    },
  };
}
