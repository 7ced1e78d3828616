/**
 * What an attachment really is, read from its bytes rather than from the type its sender declared:
 * a kept file is one of the kinds people send a helpdesk (pictures, PDFs, office documents,
 * archives, recordings, plain text). Executables and everything unrecognised are refused.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors.js';

export type IncomingFile = {
  filename: string | null | undefined;
  declaredType: string | null | undefined;
  data: Buffer;
};
export type CheckedFile = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
};

/** Binary kinds recognised from their bytes (file-type's MIME names) that are kept. */
const keptBinary = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'image/heic',
  'image/heif',
  'image/avif',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-tar',
  'application/x-cfb', // legacy Office (.doc, .xls, .ppt) and Outlook .msg
  'application/rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'audio/mp4',
  'video/mp4',
  'video/quicktime',
  'video/webm',
]);

/** Text kinds kept under their declared type; any other text is kept as text/plain (so never rendered as HTML or SVG). */
const keptText = new Set([
  'text/plain',
  'text/csv',
  'text/calendar',
  'text/markdown',
  'application/json',
  'message/rfc822',
]);

/** Text, in any 8-bit or UTF-8 charset: no NUL byte and hardly any control characters in the first 64 KiB. */
function looksLikeText(data: Buffer): boolean {
  const sample = data.subarray(0, 65_536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b)
      control++;
  }
  return control <= sample.length / 100;
}

/** A file name without folders or control characters, at most 200 characters. */
export function cleanFilename(name: string | null | undefined, ext: string | undefined): string {
  const printable = [...(name ?? '')].filter((c) => c >= ' ' && c !== '\u007f').join('');
  const base = printable.split(/[/\\]/).pop()!.trim().replace(/^\.+/, '');
  const cleaned = base.length > 200 ? base.slice(base.length - 200) : base;
  return cleaned || `attachment${ext ? `.${ext}` : ''}`;
}

/** 1.5 MiB, 195.4 KiB, 800 bytes. */
export function sizeText(n: number): string {
  const [value, unit] =
    n >= 1_048_576 ? [n / 1_048_576, 'MiB'] : n >= 1024 ? [n / 1024, 'KiB'] : [n, 'bytes'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** Throws PAYLOAD_TOO_LARGE (413) or UNSUPPORTED_MEDIA_TYPE (415) with a sentence a person can act on. */
export async function checkFile(file: IncomingFile, maxBytes: number): Promise<CheckedFile> {
  const shown = cleanFilename(file.filename, undefined);
  if (file.data.length > maxBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${shown} is ${sizeText(file.data.length)}; attachments may be at most ${sizeText(maxBytes)}.`,
    );
  if (file.data.length === 0)
    throw new AppError('UNPROCESSABLE', `${shown} is empty.`, [{ field: 'file', message: 'is empty' }]);
  const sniffed = await fileTypeFromBuffer(file.data);
  let contentType: string;
  if (sniffed) {
    if (!keptBinary.has(sniffed.mime))
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `${shown} is ${sniffed.mime} (.${sniffed.ext}), which is not accepted: send pictures, PDFs, office documents, archives or text.`,
      );
    contentType = sniffed.mime;
  } else if (looksLikeText(file.data)) {
    const declared = (file.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
    contentType = keptText.has(declared) ? declared : 'text/plain';
  } else {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${shown}: its content is not a kind of file that is accepted (declared as ${file.declaredType || 'nothing'}).`,
    );
  }
  return {
    filename: cleanFilename(file.filename, sniffed?.ext),
    contentType,
    size: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    data: file.data,
  };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback and the real name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
