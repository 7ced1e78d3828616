import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { useCan } from '../api/session';
import {
  type CalendarSpec,
  type SlaCalendar,
  useCalendar,
  useSaveCalendar,
  type Window,
  weekdays,
} from '../api/sla';
import { CheckField, TextField } from '../ui/controlled-fields';
import { Field } from '../ui/field';
import { PageHeader } from '../ui/page-header';
import { fieldErrors, ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { TimeZoneInput } from '../ui/time-zone-input';
import { CalendarPreview, nextHour, type Sample, sampleMinutes } from './calendar-preview';
import { HolidaysEditor } from './holidays-editor';
import { HoursEditor, type Week } from './hours-editor';
import { useLivePreview } from './use-preview';
import { browserZone, instantOf, isValidZone, wallTime } from './zoned';

type Draft = { name: string; timezone: string; always: boolean; hours: Week; holidays: string[] };

const weekOf = (hours: SlaCalendar['hours'] | null): Week =>
  Object.fromEntries(weekdays.map((d) => [d, (hours?.[d] ?? []).map((w) => [w[0], w[1]] as Window)])) as Week;

const draftOf = (c: SlaCalendar | null): Draft =>
  c
    ? {
        name: c.name,
        timezone: c.timezone,
        always: c.always,
        hours: weekOf(c.hours),
        holidays: [...c.holidays],
      }
    : {
        name: '',
        timezone: browserZone(),
        always: false,
        hours: {
          ...weekOf(null),
          ...Object.fromEntries(
            (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [['08:00', '18:00']]]),
          ),
        },
        holidays: [],
      };

const specOf = (d: Draft): CalendarSpec => ({
  timezone: d.timezone.trim(),
  always: d.always,
  hours: d.always ? {} : d.hours,
  holidays: d.holidays,
});

/** The preview's errors name fields under calendar.*; the editor's are the same without it. */
const calendarErrors = (error: unknown) =>
  new Map(
    [...fieldErrors(error)]
      .filter(([k]) => k.startsWith('calendar.'))
      .map(([k, v]) => [k.slice('calendar.'.length), v]),
  );

export function NewCalendarPage() {
  return <CalendarEditor calendar={null} />;
}

export function CalendarPage() {
  const { calendarId = '' } = useParams();
  const calendar = useCalendar(calendarId);
  return (
    <QueryState query={calendar} loading="Loading the calendar…">
      {(c) => <CalendarEditor key={c.id} calendar={c} />}
    </QueryState>
  );
}

/** A business calendar: zone, weekly hours, holidays or 24×7, with a live preview while typing. */
function CalendarEditor({ calendar }: { calendar: SlaCalendar | null }) {
  const navigate = useNavigate();
  const readOnly = !useCan('sla:write');
  const save = useSaveCalendar(calendar?.id ?? null);
  const [draft, setDraft] = useState(() => draftOf(calendar));
  const [sample, setSample] = useState<Sample>(() => {
    const tz = calendar?.timezone ?? browserZone();
    return { start: wallTime(isValidZone(tz) ? tz : 'UTC', nextHour()), minutes: '240' };
  });
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const spec = specOf(draft);
  const zone = isValidZone(spec.timezone) ? spec.timezone : 'UTC';
  const startIso = instantOf(zone, sample.start);
  const minutes = sampleMinutes(sample);
  const preview = useLivePreview(
    { calendar: spec },
    startIso && minutes !== null ? { start: startIso, minutes } : null,
  );
  // Until it is saved, the preview is what checks the calendar as it is typed.
  const errors = save.error ? fieldErrors(save.error) : calendarErrors(preview.error);
  const saved = save.isSuccess && !save.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { name: draft.name, ...spec },
      {
        onSuccess: (c) =>
          calendar ? undefined : navigate(`/settings/sla/calendars/${c.id}`, { replace: true }),
      },
    );
  }

  const title = calendar ? calendar.name : 'New calendar';
  const previewError = preview.error instanceof ApiError && preview.error.fields.length > 0 && !save.error;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/settings/sla">SLA calendars</Link>
      </p>
      <PageHeader title={title} subtitle="Business time for SLA targets: when the clock counts." />
      <div className="editor-with-preview">
        <form className="form" onSubmit={submit} noValidate aria-label="Calendar">
          <ProblemAlert
            error={save.error}
            shownFields={[...errors.keys()].filter((k) => /^(name|timezone|hours|holidays)/.test(k))}
          />
          {previewError && (
            <p className="alert alert--warn" role="alert">
              The calendar as typed has problems, shown beside their fields.
            </p>
          )}
          {readOnly && (
            <p className="alert alert--info">
              Read only: administrators and service managers change SLA settings.
            </p>
          )}
          <fieldset className="bare" disabled={readOnly}>
            <fieldset className="fieldset">
              <legend>Calendar</legend>
              <div className="grid grid--2">
                <TextField
                  label="Name"
                  name="name"
                  errors={errors}
                  required
                  maxLength={200}
                  value={draft.name}
                  onChange={(name) => update({ name })}
                />
                <Field label="Time zone" name="timezone" errors={errors} hint="IANA zone, e.g. Europe/Paris">
                  {(p) => (
                    <TimeZoneInput
                      {...p}
                      value={draft.timezone}
                      onChange={(e) => update({ timezone: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <CheckField
                label="24×7: every minute is business time"
                checked={draft.always}
                onChange={(always) => update({ always })}
                hint="Weekly hours and holidays are then ignored."
              />
              {!draft.always && (
                <>
                  <HoursEditor hours={draft.hours} onChange={(hours) => update({ hours })} errors={errors} />
                  <HolidaysEditor
                    holidays={draft.holidays}
                    onChange={(holidays) => update({ holidays })}
                    errors={errors}
                    calendarId={calendar?.id ?? null}
                    readOnly={readOnly}
                  />
                </>
              )}
            </fieldset>
          </fieldset>
          {!readOnly && (
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : calendar ? 'Save calendar' : 'Create calendar'}
              </button>
              {saved && (
                <p className="muted" role="status">
                  Saved.
                </p>
              )}
            </div>
          )}
        </form>
        <CalendarPreview zone={zone} sample={sample} onSample={setSample} preview={preview} />
      </div>
    </>
  );
}
