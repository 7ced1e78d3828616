import { clientKindLabels, clientKindTone } from '../agreements/labels';
import { useClassification } from '../api/classification';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';

/** The client's relationship kind and MRR, for the client's header on every tab. */
export function ClientKindBadge({ clientId, currency }: { clientId: string; currency: string | null }) {
  const { data } = useClassification(clientId);
  if (!data) return null;
  return (
    <span className="kind-line">
      <Badge tone={clientKindTone(data.kind)}>{clientKindLabels[data.kind]}</Badge>
      {data.mrr > 0 && <span className="muted"> MRR {formatMoney(data.mrr, currency)}</span>}
    </span>
  );
}
