/**
 * The mail channel's rules, without I/O: which mail is automatic (never answered, never a ticket),
 * which ticket a mail belongs to, and what of its text is kept.
 */

/** Header fields by lower-case name, each value unfolded and as sent (not decoded). */
export type RawHeaders = ReadonlyMap<string, string>;

/** Raw header fields from mailparser's `headerLines` ({key, line: "Name: value"}); the first of each name wins. */
export function rawHeaders(lines: readonly { key: string; line: string }[]): RawHeaders {
  const map = new Map<string, string>();
  for (const { key, line } of lines) {
    if (map.has(key)) continue;
    const colon = line.indexOf(':');
    map.set(
      key,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  return map;
}

/**
 * Why a message is automatic — an auto-reply, a bounce, a bulk or junk mailing, a delivery or read
 * report — or null for mail a person wrote. Automatic mail never opens a ticket, never adds to one
 * and is never answered (RFC 3834): that is what keeps two auto-responders from answering each other
 * for ever. Mailing lists are not automatic: a client's helpdesk group forwards real requests.
 */
export function automaticReason(
  headers: RawHeaders,
  sender: { envelopeFrom: string | null; from: string | null },
): string | null {
  const autoSubmitted = (headers.get('auto-submitted') ?? '').split(/[;(]/)[0]!.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  for (const name of ['x-autoreply', 'x-autorespond']) {
    const value = headers.get(name)?.trim().toLowerCase();
    if (value !== undefined && value !== 'no' && value !== 'false') return `${name}: ${value || 'set'}`;
  }
  const precedence = (headers.get('precedence') ?? '').trim().toLowerCase();
  if (['bulk', 'auto_reply', 'junk'].includes(precedence)) return `Precedence: ${precedence}`;
  const contentType = headers.get('content-type') ?? '';
  if (/^\s*multipart\/report\b/i.test(contentType)) {
    const report = /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? 'unknown';
    return `a report (multipart/report; report-type=${report.toLowerCase()}): a bounce or receipt`;
  }
  if (sender.envelopeFrom === null) return 'null return path (MAIL FROM:<>): a bounce';
  if (/^<\s*>$/.test(headers.get('return-path')?.trim() ?? '')) return 'null Return-Path: a bounce';
  const local = (address: string | null) => (address ?? '').split('@')[0]!;
  if (/^mailer-daemon$/i.test(local(sender.from)) || /^mailer-daemon$/i.test(local(sender.envelopeFrom)))
    return 'sent by MAILER-DAEMON: a bounce';
  return null;
}

/** The ticket number a subject names as T-000123 or [T-000123], or null. */
export function ticketNumberIn(subject: string | undefined): number | null {
  const match = /(?:^|[^A-Za-z0-9])T-(\d{6,15})(?![0-9A-Za-z])/i.exec(subject ?? '');
  if (!match) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Message-IDs a reply points at, the nearest first: In-Reply-To, then References from the newest. */
export function threadIds(inReplyTo: unknown, references: unknown, max = 50): string[] {
  const list = (v: unknown): string[] =>
    (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).flatMap(
      (s: string) => String(s).match(/<[^<>\s]+>/g) ?? [],
    );
  const ids = [...list(inReplyTo), ...list(references).reverse()];
  return [...new Set(ids)].slice(0, max);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Keel's own Message-IDs name the ticket: <keel.{ticketId}.{what}@{domain}>. */
export const keelMessageId = (domain: string, ticketId: string | null, what: string) =>
  `<keel.${ticketId ?? 'none'}.${what}@${domain}>`;

/** The ticket one of Keel's own Message-IDs names, or null. */
export function ticketOfKeelMessageId(id: string): string | null {
  const match = new RegExp(`^<keel\\.(${UUID})\\.[^@>]+@[^>]+>$`, 'i').exec(id.trim());
  return match ? match[1]!.toLowerCase() : null;
}

export const isKeelMessageId = (id: string) => /^<keel\.[^@>]+@[^>]+>$/i.test(id.trim());

/** The line outgoing mail starts with; what a person types above it is their answer. */
export const replyMarker = '##- Please type your reply above this line -##';

/**
 * The part of a mail's text worth keeping: line ends normalised, what follows Keel's reply marker
 * cut, then a trailing quotation ("On … wrote:" and the quoted lines under it) dropped.
 */
export function keptText(text: string | undefined, max = 100_000): string {
  let body = (text ?? '').replace(/\r\n?/g, '\n');
  const marker = body.indexOf(replyMarker);
  if (marker >= 0) body = body.slice(0, body.lastIndexOf('\n', marker) + 1 || 0);
  const lines = body.split('\n');
  // A trailing block of quoted lines, possibly introduced by an attribution line, is the history.
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && /^\s*>/.test(lines[start - 1]!)) start--;
  if (start < end) {
    let cut = start;
    while (cut > 0 && lines[cut - 1]!.trim() === '') cut--;
    if (cut > 0 && /\b(wrote|schrieb|a écrit|escribió|scritto|schreef)\b.*:\s*$/i.test(lines[cut - 1]!))
      cut--;
    if (cut > 0) end = cut;
  }
  body = lines.slice(0, end).join('\n').trim();
  return body.length > max ? `${body.slice(0, max - 20)}\n[… text cut]` : body;
}

/** The subject a new ticket gets: trimmed, at most 300 characters, never empty. */
export function ticketSubject(subject: string | undefined): string {
  const s = (subject ?? '').replace(/\s+/g, ' ').trim();
  return s ? s.slice(0, 300) : '(no subject)';
}

/** An address as stored and compared: trimmed, lower-case; null when it is not one. */
export function mailbox(address: string | null | undefined): string | null {
  const a = (address ?? '').trim().toLowerCase();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(a) || /^[^\s@<>"]+@localhost$/.test(a) ? a : null;
}

/** The address and domain in a From setting such as `Acme Helpdesk <help@acme.example>`. */
export function senderOf(from: string): { address: string; domain: string } {
  const match = /([^\s<>@"]+)@([^\s<>@"]+)/.exec(from);
  if (!match) throw new Error(`MAIL_FROM has no address: ${from}`);
  return { address: `${match[1]}@${match[2]}`.toLowerCase(), domain: match[2]!.toLowerCase() };
}

// 0x80–0x9F in windows-1252 (Node's TextDecoder reads that label as ISO-8859-1); the rest is ISO-8859-1.
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * Mail whose header block is not UTF-8 (raw 8-bit ISO-8859-1 or windows-1252 headers, which old
 * mailers still send) has that block re-encoded as UTF-8 from windows-1252; the body is left
 * as it is, since its own charset says how to read it.
 */
export function utf8Headers(raw: Buffer): Buffer {
  let end = raw.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = raw.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    sep = 2;
  }
  const head = end < 0 ? raw : raw.subarray(0, end);
  let ascii = true;
  for (const byte of head)
    if (byte > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii) return raw;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head);
    return raw;
  } catch {
    const fixed = Buffer.from(windows1252(head), 'utf8');
    return end < 0 ? fixed : Buffer.concat([fixed, raw.subarray(end, end + sep), raw.subarray(end + sep)]);
  }
}

/** A mail message starts with header fields; anything else is not one. */
export function startsWithHeader(raw: Buffer): boolean {
  const first = raw.subarray(0, 1000).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  return /^[!-9;-~]+:/.test(first) || /^From /.test(first);
}
