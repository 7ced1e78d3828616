import { useState } from 'react';
import { fetchInvoicePdf } from '../api/billing';
import { ProblemAlert } from '../ui/problem-alert';
import { saveFile } from './save-file';

type Props = { invoiceId: string; label: string; className?: string; ariaLabel?: string };

/** Saves the invoice's PDF under the server's file name; a refusal is shown beside the button. */
export function PdfDownload({ invoiceId, label, className = 'button', ariaLabel }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await fetchInvoicePdf(invoiceId);
      saveFile(blob, filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pdf-download">
      <button type="button" className={className} disabled={busy} aria-label={ariaLabel} onClick={download}>
        {busy ? 'Preparing PDF…' : label}
      </button>
      <ProblemAlert error={error} />
    </div>
  );
}
