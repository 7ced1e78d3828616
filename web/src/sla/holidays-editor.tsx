import { type ChangeEvent, useId, useState } from 'react';
import { type HolidayImport, useImportHolidays } from '../api/sla';
import { ProblemAlert } from '../ui/problem-alert';

type Props = {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  errors: Map<string, string>;
  /** Saved calendars can take holidays from an iCalendar file. */
  calendarId: string | null;
  readOnly: boolean;
};

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (date: string) => {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : dayFormat.format(t);
};

/** Closed days (dates in the calendar's zone): added one by one or imported from an iCalendar file. */
export function HolidaysEditor({ holidays, onChange, errors, calendarId, readOnly }: Props) {
  const id = useId();
  const [day, setDay] = useState('');
  const sorted = holidays.map((date, i) => ({ date, i })).sort((a, b) => a.date.localeCompare(b.date));
  const listError = errors.get('holidays');
  function add() {
    if (day && !holidays.includes(day)) onChange([...holidays, day]);
    setDay('');
  }
  return (
    <fieldset className="subfieldset">
      <legend>Holidays</legend>
      <p className="field__hint">No business time counts on these days.</p>
      {sorted.length === 0 ? (
        <p className="muted">No holidays.</p>
      ) : (
        <ul className="holidays" aria-label="Holidays">
          {sorted.map(({ date, i }) => (
            <li key={date} className={errors.has(`holidays.${i}`) ? 'holiday holiday--invalid' : 'holiday'}>
              <span>{formatDay(date)}</span>
              {errors.has(`holidays.${i}`) && (
                <span className="field__error"> {errors.get(`holidays.${i}`)}</span>
              )}
              {!readOnly && (
                <button
                  type="button"
                  className="button button--quiet small"
                  aria-label={`Remove holiday ${date}`}
                  onClick={() => onChange(holidays.filter((d) => d !== date))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {listError && <p className="field__error">{listError}</p>}
      {!readOnly && (
        <div className="inline-add">
          <div className="field">
            <label htmlFor={`${id}-day`}>Holiday date</label>
            <input
              id={`${id}-day`}
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </div>
          <button type="button" className="button" onClick={add} disabled={!day}>
            Add holiday
          </button>
        </div>
      )}
      {!readOnly && calendarId && (
        <IcalImport
          calendarId={calendarId}
          onImported={(r) => onChange([...new Set([...holidays, ...r.calendar.holidays])])}
        />
      )}
      {!readOnly && !calendarId && (
        <p className="field__hint">Save the calendar to import holidays from an iCalendar (.ics) file.</p>
      )}
    </fieldset>
  );
}

function IcalImport({
  calendarId,
  onImported,
}: {
  calendarId: string;
  onImported: (r: HolidayImport) => void;
}) {
  const id = useId();
  const year = new Date().getFullYear();
  const [ics, setIcs] = useState<{ name: string; text: string } | null>(null);
  const [fromYear, setFromYear] = useState(String(year));
  const [toYear, setToYear] = useState(String(year + 1));
  const importer = useImportHolidays(calendarId);
  const result = importer.data;

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setIcs(file ? { name: file.name, text: await file.text() } : null);
    importer.reset();
  }

  return (
    <div className="subform">
      <h3>Import from an iCalendar file</h3>
      <p className="field__hint">
        All-day events in the years chosen become holidays (e.g. a public-holiday feed saved as .ics). They
        are saved to the calendar at once.
      </p>
      <ProblemAlert error={importer.error} />
      <div className="grid grid--3">
        <div className="field">
          <label htmlFor={`${id}-file`}>iCalendar file</label>
          <input id={`${id}-file`} type="file" accept=".ics,text/calendar" onChange={pick} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From year</label>
          <input
            id={`${id}-from`}
            inputMode="numeric"
            value={fromYear}
            onChange={(e) => setFromYear(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To year</label>
          <input
            id={`${id}-to`}
            inputMode="numeric"
            value={toYear}
            onChange={(e) => setToYear(e.target.value)}
          />
        </div>
      </div>
      <button
        type="button"
        className="button"
        disabled={!ics || importer.isPending}
        onClick={() =>
          ics &&
          importer.mutate(
            { ics: ics.text, fromYear: Number(fromYear), toYear: Number(toYear) },
            { onSuccess: onImported },
          )
        }
      >
        {importer.isPending ? 'Importing…' : 'Import holidays'}
      </button>
      {result && (
        <div className="alert alert--success" role="status">
          <p>
            {result.added === 1 ? 'One holiday added' : `${result.added} holidays added`} from {ics?.name}.
          </p>
          {result.skipped.length > 0 && (
            <ul>
              {result.skipped.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: skipped events may share uid and summary
                <li key={i}>
                  {s.summary ?? s.uid ?? 'An event'}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
