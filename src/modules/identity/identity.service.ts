import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { isStaffRole, permissionsOf, type Role } from '../../domain/access/roles.js';
import { diff, recordAudit } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/principal.js';
import { createPrincipalCache } from '../../platform/auth/principal-cache.js';
import {
  decoyHash,
  hashPassword,
  hashSecret,
  newSecret,
  verifyPassword,
} from '../../platform/auth/secrets.js';
import type { Config } from '../../platform/config.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Db } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { createTokenOps } from './api-tokens.js';
import { apiTokens, sessions, users } from './identity.tables.js';
import { createTotpOps, totpFor } from './totp.js';

export type User = typeof users.$inferSelect;

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  clientId: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const presentUser = (u: User): PublicUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  clientId: u.clientId,
  totpEnabled: u.totpEnabled,
  disabled: u.disabledAt !== null,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

/** What identity needs from the clients area: whether a client exists (for portal users). */
export type ClientDirectory = { clientExists(clientId: string): Promise<boolean> };

export type NewUser = {
  email: string;
  name?: string;
  role: Role;
  password: string;
  clientId?: string | null;
};

const SESSION_TOUCH_MS = 5 * 60_000;

export function createIdentityService(deps: { db: Db; config: Config; clients: ClientDirectory }) {
  const { db, config, clients } = deps;
  const principals = createPrincipalCache(config.authCacheMs);

  async function checkClientBinding(role: Role, clientId: string | null | undefined) {
    if (role === 'portal') {
      if (!clientId)
        throw new AppError('VALIDATION_FAILED', 'A portal user belongs to one client.', [
          { field: 'body.clientId', message: 'is required for portal users' },
        ]);
      if (!(await clients.clientExists(clientId))) throw notFound('CLIENT_NOT_FOUND', 'Client', clientId);
    } else if (clientId) {
      throw new AppError('VALIDATION_FAILED', 'Staff users do not belong to a client.', [
        { field: 'body.clientId', message: 'is only allowed for portal users' },
      ]);
    }
  }

  async function findUserByEmail(email: string): Promise<User | null> {
    const [row] = await db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    return row ?? null;
  }

  async function getUser(id: string): Promise<User> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    if (!row) throw notFound('USER_NOT_FOUND', 'User', id);
    return row;
  }

  function principalFor(
    user: User,
    via: Principal['via'],
    extra: Partial<Principal>,
    scopes?: string[],
  ): Principal {
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      clientId: user.clientId,
      permissions: permissionsOf(user.role, scopes),
      via,
      sessionId: null,
      tokenId: null,
      csrfToken: null,
      ...extra,
    };
  }

  const tokenOps = createTokenOps(db, getUser, (userId) => principals.forgetUser(userId));
  const totpOps = createTotpOps(db, getUser);

  return {
    findUserByEmail,
    getUser,

    async countUsers(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return Number(row?.n ?? 0);
    },

    async createUser(input: NewUser): Promise<User> {
      await checkClientBinding(input.role, input.clientId);
      const passwordHash = await hashPassword(input.password, config.passwordCost);
      try {
        return await db.transaction(async (tx) => {
          const [user] = await tx
            .insert(users)
            .values({
              email: input.email.trim(),
              name: input.name?.trim() || input.email.split('@')[0]!,
              role: input.role,
              clientId: input.role === 'portal' ? input.clientId! : null,
              passwordHash,
            })
            .returning();
          await recordAudit(tx, {
            action: 'create',
            entityType: 'user',
            entityId: user!.id,
            clientId: user!.clientId,
            changes: { email: user!.email, role: user!.role },
          });
          return user!;
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('EMAIL_TAKEN', `A user with the email ${input.email} already exists.`);
        throw err;
      }
    },

    async listUsers(): Promise<User[]> {
      return db.select().from(users).orderBy(asc(users.email));
    },

    async updateUser(
      id: string,
      patch: { name?: string; role?: Role; clientId?: string | null; password?: string; disabled?: boolean },
      actor: Principal,
    ): Promise<User> {
      const before = await getUser(id);
      const role = patch.role ?? before.role;
      const clientId = patch.clientId !== undefined ? patch.clientId : before.clientId;
      if (patch.role !== undefined || patch.clientId !== undefined)
        await checkClientBinding(role, isStaffRole(role) ? null : clientId);
      if (
        id === actor.userId &&
        (patch.disabled || (patch.role && patch.role !== 'admin' && before.role === 'admin'))
      ) {
        throw new AppError('UNPROCESSABLE', 'You cannot disable yourself or give up your own admin role.');
      }
      const values: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.role !== undefined) values.role = role;
      if (patch.role !== undefined || patch.clientId !== undefined)
        values.clientId = isStaffRole(role) ? null : clientId;
      if (patch.password !== undefined)
        values.passwordHash = await hashPassword(patch.password, config.passwordCost);
      if (patch.disabled !== undefined)
        values.disabledAt = patch.disabled ? (before.disabledAt ?? new Date()) : null;
      const updated = await db.transaction(async (tx) => {
        const [after] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
        // A disabled user, a new password or a new role ends every open session.
        if (patch.disabled || patch.password !== undefined || patch.role !== undefined) {
          await tx.delete(sessions).where(eq(sessions.userId, id));
        }
        const changes = diff(presentUser(before), presentUser(after!));
        if (patch.password !== undefined) changes.password = 'changed';
        await recordAudit(tx, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          clientId: after!.clientId,
          changes,
        });
        return after!;
      });
      principals.forgetUser(id);
      return updated;
    },

    /** Checks a password (and TOTP code when enrolled) and opens a session. */
    async login(
      input: { email: string; password: string; totp?: string },
      meta: { ip: string | null; userAgent: string | null },
    ) {
      const user = await findUserByEmail(input.email);
      if (!user) {
        await verifyPassword(input.password, await decoyHash(config.passwordCost));
        throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong.');
      }
      const ok = await verifyPassword(input.password, user.passwordHash);
      if (!ok || user.disabledAt)
        throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong.');
      if (user.totpEnabled) {
        if (!input.totp)
          throw new AppError('TOTP_REQUIRED', 'Enter the code from your authenticator app.', [
            { field: 'body.totp', message: 'is required for this account' },
          ]);
        if (totpFor(user).validate({ token: input.totp, window: 1 }) === null) {
          throw new AppError('INVALID_CREDENTIALS', 'The authenticator code is wrong or expired.');
        }
      }
      const secret = newSecret('ks');
      const csrfToken = newSecret('csrf');
      const expiresAt = new Date(Date.now() + config.sessionDays * 86_400_000);
      const session = await db.transaction(async (tx) => {
        const [s] = await tx
          .insert(sessions)
          .values({
            userId: user.id,
            tokenHash: hashSecret(secret),
            csrfToken,
            expiresAt,
            ip: meta.ip,
            userAgent: meta.userAgent?.slice(0, 500) ?? null,
          })
          .returning();
        await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
        await recordAudit(tx, {
          action: 'login',
          entityType: 'user',
          entityId: user.id,
          clientId: user.clientId,
        });
        return s!;
      });
      return { secret, csrfToken, expiresAt, user, sessionId: session.id };
    },

    async logout(principal: Principal) {
      if (!principal.sessionId) return;
      principals.forgetUser(principal.userId);
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.id, principal.sessionId!));
        await recordAudit(tx, {
          action: 'logout',
          entityType: 'user',
          entityId: principal.userId,
          clientId: principal.clientId,
        });
      });
    },

    async fromSession(secret: string): Promise<Principal | null> {
      const key = hashSecret(secret);
      const cached = principals.get(key);
      if (cached) return cached;
      const [row] = await db
        .select({ user: users, session: sessions })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.tokenHash, key), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)),
        );
      if (!row) return null;
      if (Date.now() - row.session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
        await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session.id));
      }
      const principal = principalFor(row.user, 'session', {
        sessionId: row.session.id,
        csrfToken: row.session.csrfToken,
      });
      principals.set(key, principal);
      return principal;
    },

    async fromBearer(secret: string): Promise<Principal | null> {
      const key = hashSecret(secret);
      const cached = principals.get(key);
      if (cached) return cached;
      const now = new Date();
      const [row] = await db
        .select({ user: users, token: apiTokens })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          and(
            eq(apiTokens.tokenHash, key),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
            isNull(users.disabledAt),
          ),
        );
      if (!row) return null;
      if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
      }
      const principal = principalFor(row.user, 'token', { tokenId: row.token.id }, row.token.scopes);
      principals.set(key, principal);
      return principal;
    },

    ...tokenOps,
    ...totpOps,

    async purgeExpiredSessions(): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(sql`${sessions.expiresAt} < now()`)
        .returning({ id: sessions.id });
      return rows.length;
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
