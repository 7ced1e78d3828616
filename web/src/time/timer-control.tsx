import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useWorkTypes } from '../api/catalog';
import { type TimeEntry, type Timer, useStartTimer, useStopTimer, useTimer } from '../api/time';
import { ProblemAlert } from '../ui/problem-alert';
import { useNow } from '../ui/use-now';
import { BillingCell, TicketLink } from './entry-cells';
import { formatDuration, formatElapsed, subjectOf } from './labels';

/** The running timer's face: what it runs on, for how long, and Stop / Discard. */
function Running({ timer, onStopped }: { timer: Timer; onStopped: (entry: TimeEntry | null) => void }) {
  const now = useNow(1000);
  const stop = useStopTimer();
  return (
    <div>
      <ProblemAlert error={stop.error} />
      <p>
        <strong role="timer">{formatElapsed(now - Date.parse(timer.startedAt))}</strong> on{' '}
        {timer.ticketId ? <TicketLink ticketId={timer.ticketId} /> : subjectOf(timer)}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={stop.isPending}
          onClick={() => stop.mutate({ discard: false }, { onSuccess: onStopped })}
        >
          Stop and log
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={stop.isPending}
          onClick={() => stop.mutate({ discard: true }, { onSuccess: () => onStopped(null) })}
        >
          Discard
        </button>
      </div>
    </div>
  );
}

/** What the last stop logged, and what entitlement made of it. */
function Logged({ entry }: { entry: TimeEntry }) {
  return (
    <p className="alert alert--success" role="status">
      Logged {formatDuration(entry.minutes)} as a draft: <BillingCell entry={entry} />
    </p>
  );
}

function WorkTypeSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const workTypes = useWorkTypes();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {(workTypes.data ?? [])
        .filter((w) => w.active)
        .map((w) => (
          <option key={w.code} value={w.code}>
            {w.name}
          </option>
        ))}
    </select>
  );
}

/** The time area's timer: start one on an activity, or see and stop the one running. */
export function TimerControl() {
  const id = useId();
  const timer = useTimer();
  const start = useStartTimer();
  const [activity, setActivity] = useState('');
  const [workType, setWorkType] = useState('remote');
  const [logged, setLogged] = useState<TimeEntry | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setLogged(null);
    start.mutate({ activity: activity.trim(), workType }, { onSuccess: () => setActivity('') });
  }

  if (timer.data)
    return (
      <section className="card" aria-label="Timer">
        <Running timer={timer.data} onStopped={setLogged} />
      </section>
    );
  return (
    <section className="card" aria-label="Timer">
      {logged && <Logged entry={logged} />}
      <ProblemAlert error={start.error ?? timer.error} shownFields={[]} />
      <form className="filters" onSubmit={submit} aria-label="Start a timer">
        <div className="field">
          <label htmlFor={`${id}-activity`}>Timer on</label>
          <input
            id={`${id}-activity`}
            placeholder="What you are starting on…"
            value={activity}
            onChange={(e) => setActivity(e.target.value)}
          />
        </div>
        <div className="field filters__narrow">
          <label htmlFor={`${id}-type`}>Work type</label>
          <WorkTypeSelect id={`${id}-type`} value={workType} onChange={setWorkType} />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={start.isPending || !activity.trim()}
        >
          Start timer
        </button>
        <span className="muted small">For work on a ticket, start the timer from the ticket.</span>
      </form>
    </section>
  );
}

/** The ticket page's timer button: start on this ticket, or stop the timer running on it. */
export function TicketTimerButton({ ticketId }: { ticketId: string }) {
  const id = useId();
  const timer = useTimer();
  const start = useStartTimer();
  const [workType, setWorkType] = useState('remote');
  const [logged, setLogged] = useState<TimeEntry | null>(null);
  if (timer.isPending) return null;
  const running = timer.data;
  if (running && running.ticketId === ticketId) return <Running timer={running} onStopped={setLogged} />;
  if (running)
    return (
      <p className="muted small">
        Your timer runs on other work: <Link to="/time">stop it first</Link>.
      </p>
    );
  return (
    <div>
      {logged && <Logged entry={logged} />}
      <ProblemAlert error={start.error} />
      <div className="button-row">
        <label htmlFor={`${id}-type`}>Work type</label>
        <WorkTypeSelect id={`${id}-type`} value={workType} onChange={setWorkType} />
        <button
          type="button"
          className="button"
          disabled={start.isPending}
          onClick={() => {
            setLogged(null);
            start.mutate({ ticketId, workType });
          }}
        >
          Start timer
        </button>
      </div>
    </div>
  );
}
