import { z } from 'zod';
import { levels, priorities } from '../../domain/sla/priority.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00–24:00');
const Window = z.tuple([clock, clock]);
const Day = z.array(Window).max(12);
export const Hours = z
  .strictObject({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day })
  .partial()
  .describe(
    'Business hours per weekday in the calendar’s zone, e.g. {"mon": [["08:00","12:00"],["13:00","17:00"]]}',
  );
const Holiday = z.iso.date().describe('YYYY-MM-DD, local to the calendar’s zone');

export const CalendarSpecBody = z.strictObject({
  timezone: z.string().min(1).max(64).describe('IANA time zone, e.g. Europe/Paris'),
  hours: Hours.default({}),
  holidays: z.array(Holiday).max(2000).default([]),
  always: z.boolean().default(false).describe('24×7: every minute counts'),
});
export type CalendarSpecInput = z.infer<typeof CalendarSpecBody>;

export const CalendarBody = CalendarSpecBody.extend({ name: z.string().trim().min(1).max(200) });
export const CalendarPatch = CalendarBody.partial().refine(
  (b) => Object.keys(b).length > 0,
  'Nothing to change.',
);
export type CalendarInput = z.infer<typeof CalendarBody>;
export type CalendarPatchInput = z.infer<typeof CalendarPatch>;

export const CalendarResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  hours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(z.string()),
  always: z.boolean(),
  updatedAt: z.string(),
});

const year = z.number().int().min(1900).max(9999);
export const HolidayImportBody = z
  .strictObject({
    ics: z.string().min(1).max(2_000_000).describe('The iCalendar file’s text (e.g. a public-holiday feed)'),
    fromYear: year,
    toYear: year,
  })
  .refine((b) => b.toYear >= b.fromYear && b.toYear - b.fromYear < 100, {
    message: 'toYear must be from fromYear to fromYear + 99',
    path: ['toYear'],
  });
export type HolidayImportInput = z.infer<typeof HolidayImportBody>;
export const HolidayImportResponse = z.object({
  calendar: CalendarResponse,
  added: z.number().int(),
  skipped: z.array(
    z.object({ uid: z.string().nullable(), summary: z.string().nullable(), reason: z.string() }),
  ),
});

const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with a zone; seconds are kept');
const Pause = z.strictObject({ from: Instant, to: Instant });
const PreviewShape = {
  start: Instant,
  minutes: z
    .number()
    .int()
    .min(0)
    .max(525_600 * 5),
  pauses: z.array(Pause).max(500).default([]),
};
export const PreviewBody = z.strictObject({ calendar: CalendarSpecBody, ...PreviewShape });
export const SavedPreviewBody = z.strictObject(PreviewShape);
export type PreviewInput = z.infer<typeof SavedPreviewBody>;
export const PreviewResponse = z.object({
  due: z.string().describe('ISO 8601 UTC'),
  businessMinutes: z.number(),
});

const Minutes = z.number().int().min(0).max(525_600);
const Target = z.strictObject({
  responseMinutes: Minutes,
  resolutionMinutes: Minutes,
  updateMinutes: Minutes.min(1).nullable().default(null),
});
export const PolicyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  calendarId: z.uuid(),
  targets: z.strictObject({ P1: Target, P2: Target, P3: Target, P4: Target }),
  pauseStatuses: z.array(z.string().max(40)).max(20).default(['waiting_client', 'waiting_vendor']),
  warnPercent: z.number().int().min(1).max(100).default(75),
  escalation: z
    .strictObject({
      notifyOnWarning: z.boolean().default(true),
      notifyOnBreach: z.boolean().default(true),
      reassignTo: z.uuid().nullable().default(null),
      raisePriority: z.boolean().default(false),
    })
    .default({ notifyOnWarning: true, notifyOnBreach: true, reassignTo: null, raisePriority: false }),
});
export const PolicyPatch = PolicyBody.partial()
  .extend({ archived: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change.');
export type PolicyInput = z.infer<typeof PolicyBody>;
export type PolicyPatchInput = z.infer<typeof PolicyPatch>;
export const PolicyResponse = PolicyBody.extend({
  id: z.uuid(),
  archived: z.boolean(),
  updatedAt: z.string(),
});

const Row = z.strictObject({ high: z.enum(priorities), medium: z.enum(priorities), low: z.enum(priorities) });
export const MatrixBody = z
  .strictObject({ high: Row, medium: Row, low: Row })
  .describe('matrix[impact][urgency] → priority');
export const Levels = z.enum(levels);
