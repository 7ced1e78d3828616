import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../platform/http/access.js';
import { pageOf } from '../../platform/http/pagination.js';
import { typed } from '../../platform/http/server.js';
import {
  CreateTimeEntryBody,
  IdsBody,
  RejectBody,
  StartTimerBody,
  StopTimerQuery,
  TimeEntryListQuery,
  TimeEntryResponse,
  TimerResponse,
  UpdateTimeEntryBody,
} from './time.schemas.js';
import type { Caller, TimeService } from './time.service.js';
import type { TimerService } from './timer.service.js';

// Time is staff work: portal users hold none of these permissions, and staffOnly says so twice.
const read = { access: { permission: 'time:read' as const, staffOnly: true } };
const write = { access: { permission: 'time:write' as const, staffOnly: true } };
const approve = { access: { permission: 'time:approve' as const, staffOnly: true } };
const tags = ['time'];
const Params = z.strictObject({ entryId: z.uuid() });
const Items = z.object({ items: z.array(TimeEntryResponse) });

const callerOf = (req: FastifyRequest): Caller => {
  const p = principalOf(req);
  return { userId: p.userId, canApprove: p.permissions.has('time:approve') };
};

export function timeRoutes(app: FastifyInstance, time: TimeService, timer: TimerService) {
  const r = typed(app);

  r.get(
    '/api/v1/time-entries',
    {
      config: read,
      schema: {
        tags,
        summary: 'Time entries by start time, with filters (a time sheet, the approval queue)',
        querystring: TimeEntryListQuery,
        response: { 200: pageOf(TimeEntryResponse) },
      },
    },
    (req) => time.list(req.query, callerOf(req)),
  );
  r.post(
    '/api/v1/time-entries',
    {
      config: write,
      schema: {
        tags,
        summary: 'Log work; entitlement decides at once whether it bills, at what rate, and why',
        body: CreateTimeEntryBody,
        response: { 201: TimeEntryResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await time.create(callerOf(req), req.body)),
  );
  r.get(
    '/api/v1/time-entries/:entryId',
    {
      config: read,
      schema: { tags, summary: 'One time entry', params: Params, response: { 200: TimeEntryResponse } },
    },
    (req) => time.get(req.params.entryId),
  );
  r.patch(
    '/api/v1/time-entries/:entryId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit an entry that is not approved; entitlement decides again and it returns to draft',
        params: Params,
        body: UpdateTimeEntryBody,
        response: { 200: TimeEntryResponse },
      },
    },
    (req) => time.update(callerOf(req), req.params.entryId, req.body),
  );
  r.delete(
    '/api/v1/time-entries/:entryId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an entry that is not approved',
        params: Params,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await time.remove(callerOf(req), req.params.entryId);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/time-entries/submit',
    {
      config: write,
      schema: {
        tags,
        summary: 'Submit draft or rejected entries for approval (all or none)',
        body: IdsBody,
        response: { 200: Items },
      },
    },
    async (req) => ({ items: await time.submit(callerOf(req), req.body.ids) }),
  );
  r.post(
    '/api/v1/time-entries/approve',
    {
      config: approve,
      schema: {
        tags,
        summary: 'Approve submitted entries (all or none); approved entries are locked',
        body: IdsBody,
        response: { 200: Items },
      },
    },
    async (req) => ({ items: await time.approve(callerOf(req), req.body.ids) }),
  );
  r.post(
    '/api/v1/time-entries/reject',
    {
      config: approve,
      schema: {
        tags,
        summary: 'Reject submitted entries with a reason (all or none); they can be edited and resubmitted',
        body: RejectBody,
        response: { 200: Items },
      },
    },
    async (req) => ({ items: await time.reject(callerOf(req), req.body.ids, req.body.reason) }),
  );

  r.get(
    '/api/v1/timer',
    {
      config: write,
      schema: {
        tags,
        summary: 'Your running timer, if any',
        response: { 200: z.object({ timer: TimerResponse.nullable() }) },
      },
    },
    async (req) => ({ timer: await timer.get(principalOf(req).userId) }),
  );
  r.post(
    '/api/v1/timer',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start your timer on a ticket, a project or an activity (one per person)',
        body: StartTimerBody,
        response: { 201: TimerResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await timer.start(principalOf(req).userId, req.body)),
  );
  r.delete(
    '/api/v1/timer',
    {
      config: write,
      schema: {
        tags,
        summary: 'Stop your timer into a draft time entry, or discard it',
        querystring: StopTimerQuery,
        response: { 200: z.object({ entry: TimeEntryResponse.nullable() }) },
      },
    },
    async (req) => {
      const userId = principalOf(req).userId;
      if (req.query.discard) {
        await timer.discard(userId);
        return { entry: null };
      }
      return { entry: await timer.stop(userId) };
    },
  );
}
