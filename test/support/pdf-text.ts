import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, read back by PDF.js as the documents' own tests read it: every page's text
 * items joined, runs of white space (Intl's no-break spaces too) made one space.
 */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const loaded = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= loaded.numPages; n++) {
    const content = await (await loaded.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await loaded.destroy();
  return pages.join(' ').replace(/\s+/g, ' ');
}
