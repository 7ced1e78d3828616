import type { AgreementDraft } from './draft';
import type { AgreementCatalog } from './use-agreement-catalog';

/** What every section of the agreement editor receives. */
export type SectionProps = {
  draft: AgreementDraft;
  update: (patch: Partial<AgreementDraft>) => void;
  /** Messages keyed by the field's path in the API body ("billing.paymentTermsDays"). */
  errors: Map<string, string>;
  currency: string | null;
  catalog: AgreementCatalog;
};
