import type { Weekday, Window } from '../api/sla';
import { weekdays } from '../api/sla';

export const dayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export type Week = Record<Weekday, Window[]>;

type Props = {
  hours: Week;
  onChange: (hours: Week) => void;
  /** Errors keyed by the API's paths: hours.mon, hours.mon.0, hours.mon.0.1 … */
  errors: Map<string, string>;
};

/** Business hours per weekday, with as many windows a day as needed (e.g. a lunch break). */
export function HoursEditor({ hours, onChange, errors }: Props) {
  const setDay = (day: Weekday, windows: Window[]) => onChange({ ...hours, [day]: windows });
  const copyMonday = () =>
    onChange({
      ...hours,
      ...Object.fromEntries(
        (['tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, hours.mon.map((w) => [...w] as Window)]),
      ),
    });
  return (
    <fieldset className="subfieldset">
      <legend>Weekly business hours</legend>
      <p className="field__hint">
        Times in the calendar's zone, 24-hour, HH:MM; a window may close at 24:00. Several windows a day leave
        the gaps (lunch, night) outside business time.
      </p>
      <button type="button" className="button button--link" onClick={copyMonday}>
        Copy Monday's hours to Tuesday–Friday
      </button>
      <table className="table table--compact hours">
        <tbody>
          {weekdays.map((day) => {
            const windows = hours[day];
            const dayErrors = [...errors].filter(
              ([k]) => k === `hours.${day}` || k.startsWith(`hours.${day}.`),
            );
            return (
              <tr key={day} className={dayErrors.length ? 'row--invalid' : undefined}>
                <th scope="row" className="hours__day">
                  {dayNames[day]}
                </th>
                <td>
                  {windows.length === 0 && <span className="muted">Closed</span>}
                  <ul className="windows">
                    {windows.map(([open, close], i) => {
                      const set = (next: Window) =>
                        setDay(
                          day,
                          windows.map((w, j) => (j === i ? next : w)),
                        );
                      const label = `${dayNames[day]}, window ${i + 1}`;
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
                        <li key={i} className="window">
                          <input
                            className="clock-input"
                            aria-label={`${label} opens`}
                            inputMode="numeric"
                            placeholder="08:00"
                            maxLength={5}
                            value={open}
                            aria-invalid={
                              errors.has(`hours.${day}.${i}.0`) || errors.has(`hours.${day}.${i}`)
                                ? true
                                : undefined
                            }
                            onChange={(e) => set([e.target.value, close])}
                          />
                          <span aria-hidden="true">–</span>
                          <input
                            className="clock-input"
                            aria-label={`${label} closes`}
                            inputMode="numeric"
                            placeholder="17:00"
                            maxLength={5}
                            value={close}
                            aria-invalid={
                              errors.has(`hours.${day}.${i}.1`) || errors.has(`hours.${day}.${i}`)
                                ? true
                                : undefined
                            }
                            onChange={(e) => set([open, e.target.value])}
                          />
                          <button
                            type="button"
                            className="button button--quiet small"
                            aria-label={`Remove ${label}`}
                            onClick={() =>
                              setDay(
                                day,
                                windows.filter((_, j) => j !== i),
                              )
                            }
                          >
                            Remove
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                  {dayErrors.map(([k, message]) => (
                    <p key={k} className="field__error">
                      {describeWindow(k, day)} {message}
                    </p>
                  ))}
                </td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Add hours on ${dayNames[day]}`}
                    onClick={() => setDay(day, [...windows, nextWindow(windows)])}
                  >
                    Add hours
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

/** A sensible window to add: the working day, or the afternoon after a morning. */
function nextWindow(windows: Window[]): Window {
  const last = windows.at(-1);
  if (!last) return ['08:00', '17:00'];
  return last[1] < '13:00' ? ['13:00', '17:00'] : [last[1], '24:00'];
}

function describeWindow(key: string, day: Weekday) {
  const [, , index, side] = key.split('.');
  if (index === undefined) return `${dayNames[day]}:`;
  const which = side === '0' ? ' opening' : side === '1' ? ' closing' : '';
  return `${dayNames[day]} window ${Number(index) + 1}${which}:`;
}
