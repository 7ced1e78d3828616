/** API tokens: scoped to at most the user's role, shown once, kept only as a hash. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { permissions as allPermissions, permissionsOf, scopesBeyondRole } from '../../domain/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashSecret, newSecret } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/store.js';
import { AppError, notFound } from '../../platform/errors.js';
import { apiTokens, type users } from './identity.tables.js';

type User = typeof users.$inferSelect;

export function createTokenOps(
  db: Db,
  getUser: (id: string) => Promise<User>,
  forgetUser: (id: string) => void,
) {
  return {
    /** Creates an API token for a user; the secret is returned once and only its hash is kept. */
    async createToken(userId: string, input: { name: string; scopes?: string[]; expiresAt?: Date | null }) {
      const user = await getUser(userId);
      const scopes = input.scopes ?? [...permissionsOf(user.role)];
      const unknown = scopes.filter((s) => !(allPermissions as readonly string[]).includes(s));
      if (unknown.length)
        throw new AppError(
          'VALIDATION_FAILED',
          `Unknown scopes: ${unknown.join(', ')}.`,
          unknown.map((s) => ({ field: 'body.scopes', message: `unknown scope ${s}` })),
        );
      const beyond = scopesBeyondRole(user.role, scopes);
      if (beyond.length)
        throw new AppError('FORBIDDEN', `A ${user.role} cannot grant: ${beyond.join(', ')}.`);
      const secret = newSecret('keel');
      return db.transaction(async (tx) => {
        const [token] = await tx
          .insert(apiTokens)
          .values({
            userId,
            name: input.name,
            prefix: secret.slice(0, 12),
            tokenHash: hashSecret(secret),
            scopes,
            expiresAt: input.expiresAt ?? null,
          })
          .returning();
        await recordAudit(tx, {
          action: 'create',
          entityType: 'api_token',
          entityId: token!.id,
          clientId: user.clientId,
          changes: { name: input.name, scopes },
        });
        return { token: secret, record: token! };
      });
    },

    async listTokens(userId: string) {
      return db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(asc(apiTokens.createdAt));
    },

    async revokeToken(userId: string, tokenId: string) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
          .returning();
        if (!row) throw notFound('TOKEN_NOT_FOUND', 'API token', tokenId);
        await recordAudit(tx, { action: 'revoke', entityType: 'api_token', entityId: tokenId });
      });
      forgetUser(userId);
    },
  };
}
