import { useState } from 'react';
import { fetchInvoicePdf } from '../api/billing';
import { ProblemAlert } from '../ui/problem-alert';

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
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      // The click has handed the file to the browser; the object URL is not needed after it.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
