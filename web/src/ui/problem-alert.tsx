import { ApiError } from '../api/http';

type Props = {
  error: unknown;
  /** Fields the form shows next to their inputs; the alert lists only the others. */
  shownFields?: readonly string[];
};

/** What went wrong, in the server's words: its detail and any field errors not shown inline. */
export function ProblemAlert({ error, shownFields = [] }: Props) {
  if (!error) return null;
  const detail = error instanceof Error ? error.message : 'Something went wrong.';
  const rest =
    error instanceof ApiError
      ? [...error.fieldMessages()].filter(([field]) => !shownFields.includes(field))
      : [];
  return (
    <div className="alert alert--error" role="alert">
      <p>{detail}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const fieldErrors = (error: unknown): Map<string, string> =>
  error instanceof ApiError ? error.fieldMessages() : new Map();
