import { Link } from 'react-router';
import { clientKindLabels, clientKindTone, criterionLabels } from '../agreements/labels';
import type { Classification } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';

type Props = { classification: Classification; currency: string | null };

/** Why a client is the kind it is: every contract criterion, passed or failed, with what would fix it. */
export function ClassificationPanel({ classification: c, currency }: Props) {
  const failing = c.checks.filter((check) => !check.passed).length;
  return (
    <section className="card" aria-labelledby="classification-title">
      <h2 id="classification-title">Relationship</h2>
      <p className="classification__headline">
        <Badge tone={clientKindTone(c.kind)}>{clientKindLabels[c.kind]}</Badge>{' '}
        <span>
          MRR <strong>{formatMoney(c.mrr, currency)}</strong>
        </span>{' '}
        <span className="muted">
          ·{' '}
          {failing === 0
            ? 'meets every contract criterion'
            : `${failing} of ${c.checks.length} criteria not met`}
          {c.decidingAgreementId && (
            <>
              {' '}
              · checks of <Link to={`/agreements/${c.decidingAgreementId}`}>the deciding agreement</Link>
            </>
          )}
        </span>
      </p>
      <div className="table-wrap">
        <table className="table" aria-label="Contract criteria">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Result</th>
              <th scope="col">Finding</th>
              <th scope="col">To fix</th>
            </tr>
          </thead>
          <tbody>
            {c.checks.map((check) => (
              <tr key={check.code} className={check.passed ? undefined : 'row--failing'}>
                <th scope="row">{criterionLabels[check.code] ?? check.code}</th>
                <td>{check.passed ? <Badge tone="good">Pass</Badge> : <Badge tone="warn">Fail</Badge>}</td>
                <td>{check.message}</td>
                <td>{check.fix ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
