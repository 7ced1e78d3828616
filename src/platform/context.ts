import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from './auth/principal.js';

/** Who is acting and from where; carried implicitly so the audit log never depends on callers passing it. */
export type RequestContext = {
  requestId: string;
  ip: string | null;
  principal: Principal | null;
  /** e.g. "cli" or "job:send-mail" when there is no HTTP request. */
  channel: string;
  audited: number;
};

const storage = new AsyncLocalStorage<RequestContext>();

export const runWithContext = <T>(ctx: RequestContext, fn: () => T): T => storage.run(ctx, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();
export const enterContext = (ctx: RequestContext): void => storage.enterWith(ctx);
