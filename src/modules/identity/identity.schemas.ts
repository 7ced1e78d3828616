import { z } from 'zod';
import { permissions, roles } from '../../domain/access/roles.js';

export const Email = z.email().max(254).describe('Email address');
export const Password = z.string().min(12, 'must be at least 12 characters').max(200);

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .optional(),
});

export const UserResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  clientId: z.uuid().nullable(),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const MeResponse = z.object({
  user: UserResponse,
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable().describe('Send as x-csrf-token on every cookie-authenticated write.'),
  via: z.enum(['session', 'token']),
});

export const CreateUserBody = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles),
  password: Password,
  clientId: z.uuid().nullable().optional().describe('Required for portal users: the client they belong to.'),
});

export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  clientId: z.uuid().nullable().optional(),
  password: Password.optional(),
  disabled: z.boolean().optional(),
});

export const UserParams = z.strictObject({ userId: z.uuid() });
export const TokenParams = z.strictObject({ tokenId: z.uuid() });

export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(permissions))
    .max(permissions.length)
    .optional()
    .describe('Defaults to every permission of your role.'),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const TokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const CreatedTokenResponse = TokenResponse.extend({
  token: z.string().describe('The secret. Shown once: store it now.'),
});

export const TotpBeginResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const TotpDisableBody = z.strictObject({ password: z.string().min(1).max(200) });
