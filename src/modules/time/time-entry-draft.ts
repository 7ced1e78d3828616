/**
 * Checks a piece of work as a person gave it (new entry, edit, stopped timer) against the other
 * modules, and reads what entitlement will need, before any transaction opens: on the embedded store
 * a transaction holds the only connection, so nothing outside this module is read inside one.
 */
import type { WorkTypeRate } from '../../domain/entitlement/types.js';
import { resolveSpan, type Span } from '../../domain/time/span.js';
import { workDateOf } from '../../domain/time/work-date.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { TimePorts } from './time.ports.js';
import type { CreateTimeEntryInput } from './time.schemas.js';

export type WorkInput = {
  technicianId: string;
  ticketId: string | null;
  projectRef: string | null;
  activity: string | null;
  clientId: string | null;
  category: string | null;
  workType: string;
  agreementHint: string | null;
  start: number;
  end: number | null;
  durationMinutes: number | null;
};

export type Draft = Omit<WorkInput, 'workType' | 'start' | 'end' | 'durationMinutes'> & {
  workType: WorkTypeRate;
  span: Span;
  /** The start's date in the client's zone (UTC for internal work). */
  workDate: string;
  timeZone: string;
  deciding: Awaited<ReturnType<TimePorts['decidingContext']>> | null;
};

export type Subject = Pick<WorkInput, 'ticketId' | 'projectRef' | 'activity' | 'clientId' | 'category'>;

export const unprocessable = (fields: FieldError[]) =>
  new AppError(
    'UNPROCESSABLE',
    fields.map((f) => `${f.field.replace(/^body\./, '')} ${f.message}`).join('; '),
    fields,
  );

/**
 * The subject's client and category: a ticket's own (an uncategorised ticket is helpdesk work, as
 * entitlement reads tickets), otherwise the ones given. Exactly one of ticket, project and activity.
 */
export async function resolveSubject(ports: TimePorts, s: Subject, fields: FieldError[]): Promise<Subject> {
  const given = [s.ticketId, s.projectRef, s.activity].filter((v) => v !== null).length;
  if (given !== 1) {
    fields.push({ field: 'body.ticketId', message: 'give exactly one of ticketId, projectRef and activity' });
    return s;
  }
  if (s.ticketId === null) {
    if (s.clientId !== null) {
      const client = await ports.client(s.clientId);
      if (!client) fields.push({ field: 'body.clientId', message: 'is not a client' });
      else if (client.archived) fields.push({ field: 'body.clientId', message: 'is archived' });
    }
    if (s.category !== null && (await ports.unknownCategories([s.category])).length)
      fields.push({ field: 'body.category', message: `is not a service category: ${s.category}` });
    return s;
  }
  const ticket = await ports.ticket(s.ticketId);
  if (!ticket) {
    fields.push({ field: 'body.ticketId', message: 'is not a ticket' });
    return s;
  }
  if (ticket.clientId === null) {
    fields.push({ field: 'body.ticketId', message: 'is in triage: place it with a client first' });
    return s;
  }
  if (s.clientId !== null && s.clientId !== ticket.clientId)
    fields.push({ field: 'body.clientId', message: 'is not the ticket’s client' });
  return { ...s, clientId: ticket.clientId, category: s.category ?? ticket.category ?? 'helpdesk' };
}

export async function draftOf(ports: TimePorts, input: WorkInput): Promise<Draft> {
  const fields: FieldError[] = [];
  const [subject, workTypes, isStaff] = await Promise.all([
    resolveSubject(ports, input, fields),
    ports.workTypes(),
    ports.isStaff(input.technicianId),
  ]);
  if (!isStaff) fields.push({ field: 'body.technicianId', message: 'is not a staff user who can log time' });
  const workType = workTypes.find((w) => w.code === input.workType);
  if (!workType)
    fields.push({ field: 'body.workType', message: `is not an active work type: ${input.workType}` });
  const resolved = resolveSpan({
    start: input.start,
    end: input.end,
    durationMinutes: input.durationMinutes,
  });
  if ('problems' in resolved)
    for (const p of resolved.problems) fields.push({ field: `body.${p.field}`, message: p.message });
  if (fields.length) throw unprocessable(fields);
  const span = (resolved as { span: Span }).span;

  const client = subject.clientId ? await ports.client(subject.clientId) : null;
  const timeZone = client?.timeZone ?? 'UTC';
  const workDate = workDateOf(timeZone, span.start);
  return {
    technicianId: input.technicianId,
    ...subject,
    agreementHint: input.agreementHint,
    workType: workType!,
    span,
    workDate,
    timeZone,
    deciding: subject.clientId ? await ports.decidingContext(subject.clientId, workDate) : null,
  };
}

/** The columns an entry takes from its draft; entitlement's columns and the note come beside them. */
export const draftColumns = (draft: Draft) => ({
  technicianId: draft.technicianId,
  clientId: draft.clientId,
  ticketId: draft.ticketId,
  projectRef: draft.projectRef,
  activity: draft.activity,
  category: draft.category,
  workType: draft.workType.code,
  agreementHint: draft.agreementHint,
  startedAt: new Date(draft.span.start),
  endedAt: new Date(draft.span.end),
  workDate: draft.workDate,
});

/** What a new entry's body says of its work, for the technician it is logged for. */
export const workInputOf = (
  technicianId: string,
  input: Omit<CreateTimeEntryInput, 'technicianId' | 'note'>,
): WorkInput => ({
  technicianId,
  ticketId: input.ticketId ?? null,
  projectRef: input.projectRef ?? null,
  activity: input.activity ?? null,
  clientId: input.clientId ?? null,
  category: input.category ?? null,
  workType: input.workType,
  agreementHint: input.agreementId ?? null,
  start: Date.parse(input.startedAt),
  end: input.endedAt ? Date.parse(input.endedAt) : null,
  durationMinutes: input.durationMinutes ?? null,
});
