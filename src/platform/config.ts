import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  KEEL_DATA_DIR: z.string().default('./data'),
  KEEL_ADMIN_EMAIL: z.string().email().optional(),
  KEEL_ADMIN_PASSWORD: z.string().min(12).optional(),
  KEEL_SECURE_COOKIES: bool.optional(),
  KEEL_TRUST_PROXY: bool.default(false),
  KEEL_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  KEEL_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  KEEL_SESSION_DAYS: z.coerce.number().positive().default(14),
  KEEL_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(15),
  KEEL_WORKER: bool.default(true),
  KEEL_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  SMTP_IN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_IN_HOST: z.string().default('127.0.0.1'),
  SMTP_IN_MAX_BYTES: z.coerce.number().int().positive().default(26_214_400),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z
    .string()
    .regex(/[^\s<>@"]+@[^\s<>@"]+/, 'must hold a mail address, e.g. Helpdesk <help@example.com>')
    .default('Keel Helpdesk <helpdesk@keel.local>'),
  KEEL_ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(10_485_760),
  KEEL_PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** undefined: decide per request (Secure when the request came over TLS). */
  secureCookies: boolean | undefined;
  trustProxy: boolean;
  bodyLimit: number;
  loginRateLimit: number;
  sessionDays: number;
  /** scrypt cost as a power of two (15 → N = 32768, 32 MiB per hash). */
  passwordCost: number;
  inProcessWorker: boolean;
  /** How long a looked-up session or API token is trusted before it is checked again. */
  authCacheMs: number;
  logLevel: string;
  /** Inbound mail: `keel serve` listens for SMTP on this port when it is set. */
  smtpInPort: number | undefined;
  smtpInHost: string;
  /** The largest mail the SMTP listener takes, in bytes. */
  smtpInMaxBytes: number;
  /** Outgoing mail relay (nodemailer URL, e.g. smtp://user:pass@mail.example.com:587); unset: no mail out. */
  smtpUrl: string | undefined;
  /** The sender of acknowledgements, replies and notices, e.g. `Acme Helpdesk <help@acme.example>`. */
  mailFrom: string;
  /** The largest attachment kept, by upload or by mail, in bytes. */
  attachmentMaxBytes: number;
  /** Where people reach Keel, for links in mail (e.g. the CSAT survey): default http://localhost:PORT. */
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.KEEL_DATA_DIR,
    adminEmail: e.KEEL_ADMIN_EMAIL,
    adminPassword: e.KEEL_ADMIN_PASSWORD,
    secureCookies: e.KEEL_SECURE_COOKIES,
    trustProxy: e.KEEL_TRUST_PROXY,
    bodyLimit: e.KEEL_BODY_LIMIT,
    loginRateLimit: e.KEEL_LOGIN_RATE_LIMIT,
    sessionDays: e.KEEL_SESSION_DAYS,
    passwordCost: e.KEEL_PASSWORD_COST,
    inProcessWorker: e.KEEL_WORKER,
    authCacheMs: e.KEEL_AUTH_CACHE_MS,
    logLevel: e.LOG_LEVEL,
    smtpInPort: e.SMTP_IN_PORT,
    smtpInHost: e.SMTP_IN_HOST,
    smtpInMaxBytes: e.SMTP_IN_MAX_BYTES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    attachmentMaxBytes: e.KEEL_ATTACHMENT_MAX_BYTES,
    publicUrl: (e.KEEL_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  };
}
