import { describe, expect, it } from 'vitest';
import {
  automaticReason,
  keelMessageId,
  keptText,
  mailbox,
  replyMarker,
  threadIds,
  ticketNumberIn,
  ticketOfKeelMessageId,
  utf8Headers,
} from '../../src/modules/mail/mail.rules.js';
import { cleanFilename, sizeText } from '../../src/modules/tickets/attachments.content.js';

const person = { envelopeFrom: 'jane@client.test', from: 'jane@client.test' };
const headers = (h: Record<string, string>) => new Map(Object.entries(h));

describe('automatic mail', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, person, 'Auto-Submitted: auto-replied'],
    [{ 'auto-submitted': 'auto-generated; owner-email="x@y"' }, person, 'Auto-Submitted: auto-generated'],
    [{ 'auto-submitted': 'No' }, person, null],
    [{ 'x-autoreply': 'yes' }, person, 'x-autoreply: yes'],
    [{ 'x-autorespond': '' }, person, 'x-autorespond: set'],
    [{ precedence: 'bulk' }, person, 'Precedence: bulk'],
    [{ precedence: 'auto_reply' }, person, 'Precedence: auto_reply'],
    [{ precedence: 'junk' }, person, 'Precedence: junk'],
    // A client's helpdesk group forwards real requests with Precedence: list.
    [{ precedence: 'list' }, person, null],
    [
      { 'content-type': 'multipart/report; report-type="disposition-notification"; boundary=x' },
      person,
      'a report (multipart/report; report-type=disposition-notification): a bounce or receipt',
    ],
    [{}, { envelopeFrom: null, from: 'jane@client.test' }, 'null return path (MAIL FROM:<>): a bounce'],
    [{ 'return-path': '<>' }, person, 'null Return-Path: a bounce'],
    [{}, { envelopeFrom: 'x@mx.test', from: 'MAILER-DAEMON@mx.test' }, 'sent by MAILER-DAEMON: a bounce'],
    [{ 'return-path': '<jane@client.test>' }, person, null],
    [{}, person, null],
  ])('%j from %j → %s', (h, sender, reason) => {
    expect(automaticReason(headers(h), sender)).toBe(reason);
  });
});

describe('threading', () => {
  it.each([
    ['[T-000123] Printer', 123],
    ['Re: T-000042 still broken', 42],
    ['RE: Fwd: [t-1234567]', 1_234_567],
    ['ABT-000123', null],
    ['T-123 (too short to be ours)', null],
    ['T-0001234x', null],
    ['no reference', null],
  ])('%s → %s', (subject, number) => {
    expect(ticketNumberIn(subject)).toBe(number);
  });

  it('lists In-Reply-To first, then References from the newest, once each', () => {
    expect(threadIds('<c@x>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(threadIds(undefined, '<a@x> <b@x>')).toEqual(['<b@x>', '<a@x>']);
    expect(threadIds('garbage', undefined)).toEqual([]);
  });

  it('reads the ticket out of Keel’s own Message-IDs only', () => {
    const ticket = '01900000-0000-7000-8000-000000000001';
    expect(ticketOfKeelMessageId(keelMessageId('msp.test', ticket, 'ack'))).toBe(ticket);
    expect(ticketOfKeelMessageId('<keel.not-a-uuid.ack@msp.test>')).toBeNull();
    expect(ticketOfKeelMessageId(`<x.${ticket}.ack@msp.test>`)).toBeNull();
  });
});

describe('kept text', () => {
  it.each([
    ['Hello\r\n\r\nThanks', 'Hello\n\nThanks'],
    [`New answer\n\n${replyMarker}\nold text`, 'New answer'],
    [`New answer\n\n> ${replyMarker}\n> old`, 'New answer'],
    ['Fixed.\n\nOn Mon, 2 Mar 2026, Helpdesk wrote:\n> old\n> older\n', 'Fixed.'],
    ['Am Montag schrieb Helpdesk:\n> alt', 'Am Montag schrieb Helpdesk:\n> alt'],
    ['> only a quote', '> only a quote'],
    ['Inline > not a quote', 'Inline > not a quote'],
    [undefined, ''],
  ])('%j → %j', (text, kept) => {
    expect(keptText(text)).toBe(kept);
  });

  it('cuts very long text', () => {
    expect(keptText('x'.repeat(200), 100)).toHaveLength(100 - 20 + '\n[… text cut]'.length);
  });
});

describe('raw 8-bit headers', () => {
  it('re-encodes a windows-1252 header block as UTF-8 and leaves the body alone', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: Caf'),
      Buffer.from([0xe9, 0x20, 0x80]),
      Buffer.from('\r\n\r\n'),
      Buffer.from([0xe9]),
    ]);
    const fixed = utf8Headers(raw);
    expect(fixed.toString('utf8', 0, fixed.indexOf('\r\n\r\n'))).toBe('Subject: Café €');
    expect(fixed.at(-1)).toBe(0xe9);
  });

  it('leaves ASCII and UTF-8 headers as they are', () => {
    const utf8 = Buffer.from('Subject: Café\r\n\r\nbody');
    expect(utf8Headers(utf8)).toBe(utf8);
  });
});

describe('names', () => {
  it.each([
    ['jane@Client.Test ', 'jane@client.test'],
    ['undisclosed-recipients:;', null],
    ['no-domain@', null],
    [null, null],
  ])('mailbox %j → %j', (given, address) => {
    expect(mailbox(given)).toBe(address);
  });

  it.each([
    ['C:\\Users\\jane\\scan.pdf', 'scan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['.htaccess', 'htaccess'],
    ['bad\u0000name\u001f.png', 'badname.png'],
    ['', 'attachment.png'],
  ])('file name %j → %j', (given, cleaned) => {
    expect(cleanFilename(given, 'png')).toBe(cleaned);
  });

  it.each([
    [800, '800 bytes'],
    [200_067, '195.4 KiB'],
    [10_485_760, '10 MiB'],
  ])('%i bytes → %s', (n, text) => {
    expect(sizeText(n)).toBe(text);
  });
});
