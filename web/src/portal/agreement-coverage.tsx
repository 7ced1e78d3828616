import {
  builtInNames,
  cycleLabels,
  humanize,
  kindLabels,
  statusLabels,
  statusTone,
} from '../agreements/labels';
import { LinesTable } from '../agreements/lines-table';
import type { Agreement } from '../api/agreement-types';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';

const nameOf = (code: string) => builtInNames[code] ?? humanize(code);

/** What one agreement covers, in the client's terms: scope, exclusions and their rates, term, SLA. */
export function AgreementCoverage({
  agreement: a,
  currency,
}: {
  agreement: Agreement;
  currency: string | null;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const covered = [...new Set([...a.coveredCategories, ...a.lines.flatMap((l) => l.categories)])];
  const titleId = `agreement-${a.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {a.name} <Badge tone={statusTone(a.status)}>{statusLabels[a.status]}</Badge>
      </h3>
      <p className="muted">
        {kindLabels[a.kind]} · {money(a.mrr)} per month
        {a.partOfEnvironment ? ` · covers ${a.partOfEnvironment}` : ''}
      </p>
      <div className="summary">
        <dl className="facts">
          <dt>Covered services</dt>
          <dd>{covered.map(nameOf).join(', ') || '—'}</dd>
          <dt>Covered work</dt>
          <dd>{a.coveredWorkTypes.map(nameOf).join(', ') || '—'}</dd>
          <dt>Not covered</dt>
          <dd>
            {a.exclusions.length === 0
              ? 'nothing excluded beyond the scope'
              : a.exclusions.map((e) => `${e.description} (${money(e.hourlyRate)} per hour)`).join('; ')}
          </dd>
          <dt>Other work</dt>
          <dd>
            {a.outOfScopeRate === null
              ? 'at the standard hourly rates'
              : `${money(a.outOfScopeRate)} per hour`}
            {a.afterHoursMultiplier !== 1 && `, × ${a.afterHoursMultiplier} outside business hours`}
          </dd>
          {a.blockHours && (
            <>
              <dt>Block of hours</dt>
              <dd>
                {a.blockHours.hoursPerPeriod} h per period
                {a.blockHours.rollover ? ', unused hours roll over' : ''}; then{' '}
                {money(a.blockHours.overageRate)} per hour
              </dd>
            </>
          )}
          {a.retainerAmount !== null && (
            <>
              <dt>Retainer</dt>
              <dd>{money(a.retainerAmount)}</dd>
            </>
          )}
          <dt>Service level</dt>
          <dd>{a.slaPolicyId ? 'SLA included' : 'no SLA'}</dd>
          <dt>Compliance</dt>
          <dd>{a.complianceFrameworks.join(', ') || '—'}</dd>
        </dl>
        <dl className="facts">
          <dt>Started</dt>
          <dd>{a.startDate}</dd>
          <dt>Minimum term</dt>
          <dd>{a.minimumTermMonths} months</dd>
          <dt>Renewal</dt>
          <dd>
            {a.renewalDate
              ? `${a.renewalDate}${a.noticeDeadline ? `; give notice by ${a.noticeDeadline} to stop it` : ''}`
              : a.autoRenew
                ? '—'
                : 'does not renew automatically'}
          </dd>
          <dt>Billing</dt>
          <dd>
            {`${cycleLabels[a.billing.cycle]}, ${a.billing.timing === 'advance' ? 'in advance' : 'in arrears'}; due in ${a.billing.paymentTermsDays} days`}
          </dd>
          <dt>Ending early</dt>
          <dd>
            {a.termination.noticeDays} days’ notice
            {a.termination.earlyTerminationFee > 0 &&
              `; ${money(a.termination.earlyTerminationFee)} if before the minimum term`}
          </dd>
        </dl>
      </div>
      <LinesTable lines={a.lines} currency={currency} categoryName={nameOf} />
    </article>
  );
}
