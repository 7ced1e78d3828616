import { useState } from 'react';
import { matrixInversions } from '../../../src/domain/sla/priority';
import { useCan } from '../api/session';
import { type PriorityMatrix, usePriorityMatrix, useSetPriorityMatrix } from '../api/sla';
import type { Priority } from '../api/ticket-types';
import { levelLabels, levels, priorities, priorityLabels } from '../tickets/labels';
import { ProblemAlert } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';

export function MatrixTab() {
  const matrix = usePriorityMatrix();
  return (
    <section aria-labelledby="matrix-title">
      <h2 id="matrix-title">Priority matrix</h2>
      <p className="muted">
        A ticket's priority comes from its impact (how much of the client is affected) and urgency (how soon
        it hurts). Setting a priority by hand on a ticket overrides it until impact or urgency change.
      </p>
      <QueryState query={matrix} loading="Loading the matrix…">
        {(m) => <MatrixEditor saved={m} />}
      </QueryState>
    </section>
  );
}

function MatrixEditor({ saved }: { saved: PriorityMatrix }) {
  const readOnly = !useCan('sla:write');
  const save = useSetPriorityMatrix();
  const [matrix, setMatrix] = useState(saved);
  // The server's own check, as the matrix is edited: it refuses a matrix that ranks less above more.
  const inversions = matrixInversions(matrix);
  const changed = JSON.stringify(matrix) !== JSON.stringify(saved);
  return (
    <form
      className="form"
      aria-label="Priority matrix"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(matrix);
      }}
    >
      <ProblemAlert error={save.error} />
      <div className="table-wrap matrix">
        <table className="table table--compact">
          <thead>
            <tr>
              <td />
              {levels.map((u) => (
                <th scope="col" key={u}>
                  {levelLabels[u]} urgency
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {levels.map((impact) => (
              <tr key={impact}>
                <th scope="row">{levelLabels[impact]} impact</th>
                {levels.map((urgency) => (
                  <td key={urgency}>
                    <select
                      aria-label={`${levelLabels[impact]} impact, ${levelLabels[urgency].toLowerCase()} urgency`}
                      value={matrix[impact][urgency]}
                      disabled={readOnly}
                      onChange={(e) =>
                        setMatrix({
                          ...matrix,
                          [impact]: { ...matrix[impact], [urgency]: e.target.value as Priority },
                        })
                      }
                    >
                      {priorities.map((p) => (
                        <option key={p} value={p}>
                          {priorityLabels[p]}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {inversions.length > 0 && (
        <div className="alert alert--warn" role="alert">
          <p>More impact or more urgency must never lower the priority; fix these to save:</p>
          <ul>
            {inversions.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      )}
      {!readOnly && (
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!changed || inversions.length > 0 || save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save matrix'}
          </button>
          {changed && (
            <button type="button" className="button" onClick={() => setMatrix(saved)}>
              Undo changes
            </button>
          )}
          {save.isSuccess && !changed && (
            <p className="muted" role="status">
              Saved. New tickets, and tickets whose impact or urgency change, follow it.
            </p>
          )}
        </div>
      )}
    </form>
  );
}
