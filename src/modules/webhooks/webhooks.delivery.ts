import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/store.js';
import { version } from '../../platform/version.js';
import {
  type AttemptResult,
  type DeliveryPolicy,
  nextAttemptAt,
  urlProblem,
  verdictOf,
} from './webhooks.policy.js';
import type { DeliveryRow } from './webhooks.presenters.js';
import { eventBody } from './webhooks.presenters.js';
import type { DeliveryQueue } from './webhooks.queue.js';
import { signatureHeader } from './webhooks.signature.js';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from './webhooks.tables.js';

export type PostOutcome = { result: AttemptResult; excerpt: string | null; durationMs: number };

/**
 * One POST: no redirects followed (a redirect could lead anywhere, including to a non-http URL),
 * a hard timeout over the whole exchange, and only the start of the response body kept.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: Pick<DeliveryPolicy, 'timeoutMs' | 'responseExcerptBytes'>,
): Promise<PostOutcome> {
  const problem = urlProblem(url);
  if (problem)
    return {
      result: { kind: 'refused', message: `Not sent: the URL ${problem}.` },
      excerpt: null,
      durationMs: 0,
    };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    const excerpt = await readExcerpt(res, policy.responseExcerptBytes);
    return {
      result: { kind: 'response', status: res.status, retryAfter: res.headers.get('retry-after') },
      excerpt,
      durationMs: elapsed(),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return { result: { kind: 'timeout' }, excerpt: null, durationMs: elapsed() };
    const cause = e.cause?.message ?? e.message;
    return {
      result: { kind: 'network', message: cause || 'network error' },
      excerpt: null,
      durationMs: elapsed(),
    };
  }
}

async function readExcerpt(res: Response, limit: number): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // The answer's status is what counts; a body cut short still leaves what was read.
  } finally {
    await reader.cancel().catch(() => {});
  }
  const text = Buffer.concat(chunks).subarray(0, limit).toString('utf8');
  // PostgreSQL text cannot hold NUL; a binary body is kept only as far as it reads as text.
  return text.replaceAll(String.fromCharCode(0), '');
}

export function describeResult(result: AttemptResult, timeoutMs: number): string | null {
  switch (result.kind) {
    case 'timeout':
      return `No complete answer within ${timeoutMs / 1000} s.`;
    case 'network':
      return result.message;
    case 'refused':
      return result.message;
    case 'response': {
      const { status } = result;
      if (status >= 200 && status < 300) return null;
      if (status >= 300 && status < 400) return `HTTP ${status}: redirects are not followed; update the URL.`;
      return `HTTP ${status}`;
    }
  }
}

/** The worker side: one attempt per job, the sweep that re-queues what was lost, and the prune. */
export function createDeliveryWorker(deps: {
  db: Db;
  policy: DeliveryPolicy;
  queue: DeliveryQueue;
  post?: typeof postWebhook;
}) {
  const { db, policy, queue } = deps;
  const post = deps.post ?? postWebhook;
  const leaseMs = policy.timeoutMs + 60_000;

  async function finishWithoutRequest(row: DeliveryRow, message: string): Promise<DeliveryRow | null> {
    const now = new Date();
    const [after] = await db
      .update(webhookDeliveries)
      .set({
        status: 'failed',
        lastError: message,
        nextAttemptAt: null,
        lockedUntil: null,
        completedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(webhookDeliveries.id, row.id),
          eq(webhookDeliveries.status, row.status),
          eq(webhookDeliveries.attempts, row.attempts),
        ),
      )
      .returning();
    return after ?? null;
  }

  return {
    /**
     * Makes the next attempt of a delivery when it is due and nobody else is making it. Safe to
     * call twice for the same delivery (a duplicate job, a sweep): the claim lets one through.
     */
    async deliver(deliveryId: string): Promise<DeliveryRow | null> {
      const [found] = await db
        .select({ d: webhookDeliveries, e: webhookEndpoints, ev: webhookEvents })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
        .where(eq(webhookDeliveries.id, deliveryId));
      if (!found) return null; // endpoint deleted, or the publishing transaction rolled back
      const { d, e, ev } = found;
      const now = new Date();
      const due =
        (d.status === 'pending' && (!d.nextAttemptAt || d.nextAttemptAt.getTime() <= now.getTime() + 5000)) ||
        (d.status === 'sending' && d.lockedUntil !== null && d.lockedUntil < now);
      if (!due) return null;
      if (!e.active) return finishWithoutRequest(d, 'Not sent: the endpoint is inactive.');
      const badUrl = urlProblem(e.url);
      if (badUrl) return finishWithoutRequest(d, `Not sent: the URL ${badUrl}.`);

      const [claimed] = await db
        .update(webhookDeliveries)
        .set({
          status: 'sending',
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lockedUntil: new Date(now.getTime() + leaseMs),
          lastAttemptAt: now,
          updatedAt: now,
        })
        .where(
          and(
            eq(webhookDeliveries.id, d.id),
            eq(webhookDeliveries.status, d.status),
            eq(webhookDeliveries.attempts, d.attempts),
          ),
        )
        .returning();
      if (!claimed) return null;

      const body = JSON.stringify(eventBody(ev));
      const secrets = [e.secret];
      if (e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now)
        secrets.push(e.previousSecret);
      const outcome = await post(
        e.url,
        {
          'content-type': 'application/json',
          'user-agent': `Keel-Webhooks/${version}`,
          'x-keel-event': ev.type,
          'x-keel-delivery': d.id,
          'x-keel-attempt': String(claimed.attempts),
          'x-keel-signature': signatureHeader(secrets, body),
        },
        body,
        policy,
      );

      const verdict = verdictOf(outcome.result);
      const finished = new Date();
      const next =
        verdict === 'retry'
          ? nextAttemptAt(claimed.attempts, claimed.maxAttempts, outcome.result, policy, finished)
          : null;
      const status = verdict === 'succeeded' ? 'succeeded' : next ? 'pending' : 'failed';
      return db.transaction(async (tx) => {
        const [after] = await tx
          .update(webhookDeliveries)
          .set({
            status,
            nextAttemptAt: next,
            lockedUntil: null,
            completedAt: status === 'pending' ? null : finished,
            lastError: describeResult(outcome.result, policy.timeoutMs),
            responseStatus: outcome.result.kind === 'response' ? outcome.result.status : null,
            responseBody: outcome.excerpt,
            durationMs: outcome.durationMs,
            updatedAt: finished,
          })
          .where(
            and(
              eq(webhookDeliveries.id, d.id),
              eq(webhookDeliveries.status, 'sending'),
              eq(webhookDeliveries.attempts, claimed.attempts),
            ),
          )
          .returning();
        if (after && next) await queue.enqueue(tx, [{ deliveryId: d.id, startAfter: next }]);
        return after ?? null;
      });
    },

    /**
     * Queues again what no job is going to pick up: deliveries published where no job queue ran,
     * jobs lost, and attempts whose worker died mid-request. Returns how many were queued.
     */
    async sweep(opts: { staleAfterMs?: number; limit?: number } = {}): Promise<number> {
      const { staleAfterMs = policy.staleAfterMs, limit = 500 } = opts;
      const now = new Date();
      const stale = new Date(now.getTime() - staleAfterMs);
      return db.transaction(async (tx) => {
        const candidates = tx
          .select({ id: webhookDeliveries.id })
          .from(webhookDeliveries)
          .where(
            or(
              and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, stale)),
              and(eq(webhookDeliveries.status, 'sending'), lte(webhookDeliveries.lockedUntil, now)),
            ),
          )
          .orderBy(webhookDeliveries.nextAttemptAt)
          .limit(limit)
          .for('update', { skipLocked: true });
        const rows = await tx
          .update(webhookDeliveries)
          .set({ status: 'pending', lockedUntil: null, nextAttemptAt: now, updatedAt: now })
          .where(inArray(webhookDeliveries.id, candidates))
          .returning({ id: webhookDeliveries.id });
        if (rows.length)
          await queue.enqueue(
            tx,
            rows.map((r) => ({ deliveryId: r.id })),
          );
        return rows.length;
      });
    },

    /** Deletes events past retention whose deliveries are all finished (their deliveries go too). */
    async prune(): Promise<number> {
      const cutoff = new Date(Date.now() - policy.retentionDays * 86_400_000);
      const rows = await db
        .delete(webhookEvents)
        .where(
          and(
            lte(webhookEvents.createdAt, cutoff),
            sql`not exists (select 1 from ${webhookDeliveries} where ${webhookDeliveries.eventId} = ${webhookEvents.id} and ${webhookDeliveries.status} in ('pending', 'sending'))`,
          ),
        )
        .returning({ id: webhookEvents.id });
      return rows.length;
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
