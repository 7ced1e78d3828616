import { businessMinutes, businessTime, due } from '../../domain/calendar/business-time.js';
import type { BusinessCalendar } from '../../domain/calendar/calendar.js';
import { CalendarValidationError } from '../../domain/calendar/errors.js';
import { AppError } from '../../platform/errors.js';
import type { PreviewInput } from './sla.schemas.js';

export const businessTimeOf = businessTime;

const ms = (iso: string) => Date.parse(iso);

/** What an SLA administrator sees when trying a calendar: when N business minutes run out. */
export function preview(calendar: BusinessCalendar, input: PreviewInput) {
  const fields = input.pauses.flatMap((p, i) =>
    ms(p.to) < ms(p.from) ? [{ field: `body.pauses.${i}.to`, message: 'is before from' }] : [],
  );
  if (fields.length) throw new AppError('VALIDATION_FAILED', 'A pause ends before it starts.', fields);
  const start = ms(input.start);
  const pauses = input.pauses.map((p) => ({ from: ms(p.from), to: ms(p.to) }));
  try {
    const at = due(calendar, start, input.minutes, pauses);
    return { due: new Date(at).toISOString(), businessMinutes: businessMinutes(calendar, start, at, pauses) };
  } catch (err) {
    if (!(err instanceof CalendarValidationError)) throw err;
    throw new AppError(
      'UNPROCESSABLE',
      err.message,
      err.fields.map((f) => ({ field: `body.${f.field}`, message: f.message, code: f.code })),
    );
  }
}
