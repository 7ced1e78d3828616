import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { staffScope } from '../../src/platform/auth/principal.js';
import {
  buildClient,
  buildContact,
  buildUser,
  type Caller,
  call,
  createTestApp,
  type TestApp,
} from '../support/app.js';
import { storeKinds } from '../support/stores.js';
import { eventually, exe, type Outbox, png, refusal, smtpClient, startOutbox } from './support.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const LIMIT = 200_000;

let seq = 0;
const messageId = (label: string) => `<${label}.${process.pid}.${++seq}@client.test>`;

describe.each(storeKinds)('mail in and out over SMTP on %s', (kind) => {
  let app: TestApp;
  let outbox: Outbox;
  let smtp: ReturnType<typeof smtpClient>;
  let tech: Caller;
  let clientId: string;
  let contact: { id: string; email: string };

  const api = (method: string, url: string, payload?: unknown, who: Caller = tech) =>
    call(app, { method, url, payload, headers: who.headers });
  const ticketCount = async () =>
    Number((await app.store.executeSql('select count(*)::int as n from tickets')).rows[0].n);
  const messageCount = async () =>
    Number((await app.store.executeSql('select count(*)::int as n from ticket_messages')).rows[0].n);
  const mailJobs = async () =>
    Number(
      (await app.store.executeSql(`select count(*)::int as n from pgboss.job where name like 'mail.%'`))
        .rows[0].n,
    );
  const ticketOfReply = async (reply: string) => {
    const reference = /T-\d{6}/.exec(reply)?.[0];
    if (!reference) throw new Error(`no reference in ${reply}`);
    const list = await api('GET', `/api/v1/tickets?q=${reference}&include_resolved=true`);
    return list.data.items[0] as {
      id: string;
      reference: string;
      clientId: string | null;
      [k: string]: unknown;
    };
  };
  const messagesOf = async (ticketId: string) =>
    (await api('GET', `/api/v1/tickets/${ticketId}/messages`)).data.items as {
      body: string;
      byStaff: boolean;
      public: boolean;
      authorContactId: string | null;
      fromAddress: string | null;
      channel: string;
    }[];

  beforeAll(async () => {
    outbox = await startOutbox();
    app = await createTestApp(kind, {
      jobs: { work: true },
      env: {
        SMTP_URL: `smtp://127.0.0.1:${outbox.port}`,
        MAIL_FROM: 'MSP Helpdesk <help@msp.test>',
        KEEL_ATTACHMENT_MAX_BYTES: String(LIMIT),
      },
    });
    const listening = await app.keel.mail.service.listen(0, '127.0.0.1');
    smtp = smtpClient(listening.port);
    tech = await buildUser(app, 'technician');
    clientId = (await buildClient(app)).id;
    const c = await buildContact(app, clientId, { email: `Jane.Doe-${process.pid}@Client.test` });
    contact = { id: c.id, email: c.email!.toLowerCase() };
  });
  afterAll(async () => {
    smtp?.close();
    await app?.close();
    await outbox?.close();
  });

  it('a contact’s multipart mail opens a ticket for their client with its attachment, and is acknowledged in the thread', async () => {
    const id = messageId('first');
    const reply = await smtp.send({
      from: `Jane Doe <${contact.email}>`,
      to: 'help@msp.test',
      subject: 'Printer on floor 2 is offline',
      text: 'Hello,\n\nthe printer does not answer since this morning.\n\nJane',
      html: '<p>Hello,</p><p>the printer does not answer since this morning.</p><p>Jane</p>',
      messageId: id,
      attachments: [
        { filename: 'screenshot.png', content: png, contentType: 'image/png' },
        // Declared as a PDF, but its bytes are a PNG: the sniffed type is what is stored.
        { filename: 'report.pdf', content: png, contentType: 'application/pdf' },
      ],
    });
    expect(reply).toMatch(/^250 .*Received as T-\d{6}/);
    const ticket = await ticketOfReply(reply);
    expect(ticket).toMatchObject({
      clientId,
      contactId: contact.id,
      requesterEmail: contact.email,
      source: 'email',
      subject: 'Printer on floor 2 is offline',
      queue: 'service-desk',
    });
    const [first] = await messagesOf(ticket.id);
    expect(first).toMatchObject({
      byStaff: false,
      public: true,
      authorContactId: contact.id,
      channel: 'email',
    });
    expect(first!.body).toContain('the printer does not answer since this morning.');

    const files = await api('GET', `/api/v1/tickets/${ticket.id}/attachments`);
    expect(
      files.data.items.map((f: { filename: string; contentType: string; size: number }) => [
        f.filename,
        f.contentType,
        f.size,
      ]),
    ).toEqual([
      ['screenshot.png', 'image/png', png.length],
      ['report.pdf', 'image/png', png.length],
    ]);
    const download = await api('GET', `/api/v1/tickets/${ticket.id}/attachments/${files.data.items[0].id}`);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers['content-disposition']).toContain('filename="screenshot.png"');

    const ack = await outbox.next((r) => r.envelope.to.includes(contact.email));
    expect(ack.mail.subject).toBe(`[${ticket.reference}] Printer on floor 2 is offline`);
    expect(ack.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.mail.inReplyTo).toBe(id);
    expect(ack.mail.references).toBe(id);
    expect(ack.mail.messageId).toMatch(new RegExp(`^<keel\\.${ticket.id}\\.ack@msp\\.test>$`));
    expect(ack.envelope.from).toBe('help@msp.test');

    // The answer to the acknowledgement threads by In-Reply-To, without a reference in its subject.
    const answer = await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: 'Re: your mail',
      text: 'It is the HP in room 2.14.\n\nOn Monday, MSP Helpdesk wrote:\n> We have received your request',
      messageId: messageId('answer'),
      inReplyTo: ack.mail.messageId,
      references: [id, ack.mail.messageId!],
    });
    expect(answer).toMatch(new RegExp(`Added to ${ticket.reference}`));
    const thread = await messagesOf(ticket.id);
    expect(thread.at(-1)).toMatchObject({
      body: 'It is the HP in room 2.14.',
      byStaff: false,
      authorContactId: contact.id,
    });
  });

  it('replies by subject reference and by In-Reply-To are public replies by the contact, never new tickets', async () => {
    const first = await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: 'VPN drops every hour',
      text: 'Since the update.',
      messageId: messageId('vpn'),
    });
    const ticket = await ticketOfReply(first);
    // Waiting on the client: their answer brings the ticket back to the queue.
    await api('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'waiting_client' });
    const before = await ticketCount();

    const bySubject = await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: `Re: ${ticket.reference} VPN drops every hour`,
      text: 'It also happens at home.',
      messageId: messageId('vpn-2'),
    });
    expect(bySubject).toContain(`Added to ${ticket.reference}`);
    const byBracket = await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: `Fwd: [${ticket.reference}]`,
      text: 'And on the laptop.',
      messageId: messageId('vpn-3'),
    });
    expect(byBracket).toContain(`Added to ${ticket.reference}`);
    const original = (
      await app.store.executeSql(
        `select email_message_id from ticket_messages where ticket_id = $1 order by created_at limit 1`,
        [ticket.id],
      )
    ).rows[0].email_message_id as string;
    const byHeader = await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: 'Re: something else entirely',
      text: 'Here is the log you asked for.',
      messageId: messageId('vpn-4'),
      inReplyTo: original,
      attachments: [{ filename: 'vpn.log', content: 'line 1\nline 2\n', contentType: 'text/plain' }],
    });
    expect(byHeader).toContain(`Added to ${ticket.reference}`);

    expect(await ticketCount()).toBe(before);
    const thread = await messagesOf(ticket.id);
    expect(thread.map((m) => m.body)).toEqual([
      'Since the update.',
      'It also happens at home.',
      'And on the laptop.',
      'Here is the log you asked for.',
    ]);
    expect(thread.every((m) => m.public && !m.byStaff && m.authorContactId === contact.id)).toBe(true);
    const after = await api('GET', `/api/v1/tickets/${ticket.id}`);
    expect(after.data.status).toBe('open');
    const files = await api('GET', `/api/v1/tickets/${ticket.id}/attachments`);
    expect(files.data.items).toMatchObject([{ filename: 'vpn.log', contentType: 'text/plain' }]);

    // An answer to a closed ticket reopens it rather than vanish where nobody looks.
    await api('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'closed' });
    await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: `Re: [${ticket.reference}] VPN drops every hour`,
      text: 'It is back.',
      messageId: messageId('vpn-5'),
    });
    expect((await api('GET', `/api/v1/tickets/${ticket.id}`)).data.status).toBe('open');
    expect(await ticketCount()).toBe(before);
  });

  it('a staff public reply is mailed to the requester in the thread and its Message-ID recorded; a note is not mailed', async () => {
    const id = messageId('disk');
    const ticket = await ticketOfReply(
      await smtp.send({
        from: contact.email,
        to: 'help@msp.test',
        subject: 'Disk full',
        text: 'C: is red.',
        messageId: id,
      }),
    );
    await api('POST', `/api/v1/tickets/${ticket.id}/replies`, {
      body: 'Internal: check the backup job',
      public: false,
    });
    const res = await api('POST', `/api/v1/tickets/${ticket.id}/replies`, {
      body: 'We cleared 20 GB of old logs.',
      public: true,
      status: 'waiting_client',
    });
    expect(res.statusCode, res.body).toBe(201);
    const mailed = await outbox.next((r) => r.mail.subject === `Re: [${ticket.reference}] Disk full`);
    expect(mailed.envelope.to).toEqual([contact.email]);
    expect(mailed.mail.text).toContain('We cleared 20 GB of old logs.');
    expect(mailed.mail.inReplyTo).toBe(id);
    expect(mailed.mail.references).toBe(id);
    expect(mailed.mail.headers.has('auto-submitted')).toBe(false);
    expect(outbox.messages.some((r) => r.raw.includes('check the backup job'))).toBe(false);
    // Recorded once the relay took it, so the answers to it thread.
    const stored = await eventually(async () => {
      const r = await app.store.executeSql(`select email_message_id from ticket_messages where id = $1`, [
        res.data.message.id,
      ]);
      return r.rows[0].email_message_id as string | null;
    });
    expect(stored).toBe(mailed.mail.messageId);
    // Recorded in the audit log like any other write.
    const audit = await app.store.executeSql(
      `select channel from audit_log where entity_id = $1 and action = 'mail'`,
      [ticket.id],
    );
    expect(audit.rows).toEqual([{ channel: 'job:mail.reply' }]);

    // The requester answers it in their mail program: quoted history and the marker are cut.
    const answer = await smtp.send({
      from: contact.email,
      to: 'help@msp.test',
      subject: mailed.mail.subject,
      text: `Thanks, it is green now.\n\n${mailed.mail
        .text!.split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}`,
      messageId: messageId('disk-answer'),
      inReplyTo: mailed.mail.messageId,
      references: [id, mailed.mail.messageId!],
    });
    expect(answer).toContain(`Added to ${ticket.reference}`);
    expect((await messagesOf(ticket.id)).at(-1)!.body).toBe('Thanks, it is green now.');
  });

  it('mail from an unknown sender lands in triage (a real message with a PDF, ISO-8859-1 text and an emoji subject)', async () => {
    const before = await mailJobs();
    const reply = await smtp.sendRaw(
      fixture('01_multipart_pdf_attachment__mikel-mail_attachment_pdf.eml'),
      'xxxx@xxxx.com',
    );
    const ticket = await ticketOfReply(reply);
    expect(ticket).toMatchObject({
      clientId: null,
      contactId: null,
      queue: 'triage',
      requesterEmail: 'xxxx@xxxx.com',
      subject: 'Another PDF with 🎉 Unicode chars in it 🍿',
    });
    const [message] = await messagesOf(ticket.id);
    expect(message!.body).toContain('Just attaching another PDF');
    const files = await api('GET', `/api/v1/tickets/${ticket.id}/attachments`);
    expect(files.data.items).toMatchObject([
      { filename: 'broken.pdf', contentType: 'application/pdf', size: 1026 },
    ]);
    // Unknown senders are acknowledged too: they are requesters.
    expect(await mailJobs()).toBe(before + 1);
  });

  it('decodes mail that is not UTF-8: windows-1252 and ISO-8859-1 bodies, encoded and raw 8-bit headers, ISO-2022-JP', async () => {
    const latin = Buffer.concat([
      Buffer.from(
        `From: =?ISO-8859-1?Q?Fran=E7ois_P=E9rez?= <${contact.email}>\r\nTo: help@msp.test\r\n` +
          `Subject: =?windows-1252?Q?Caf=E9_machine_=96_=80_5_lost?=\r\nMessage-ID: ${messageId('cp1252')}\r\n` +
          'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
      ),
      Buffer.from([
        0x4c, 0x61, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x74, 0x69, 0xe8, 0x72, 0x65, 0x20, 0x93, 0x61, 0x76, 0x61,
        0x6c, 0x65, 0x94, 0x20, 0x80,
      ]),
      Buffer.from('\r\n'),
    ]);
    const t1 = await ticketOfReply(await smtp.sendRaw(latin, contact.email));
    expect(t1.subject).toBe('Café machine – € 5 lost');
    expect((await messagesOf(t1.id))[0]!.body).toBe('La cafétière “avale” €');

    // Old mailers put ISO-8859-1 straight into headers, unencoded.
    const raw8 = Buffer.concat([
      Buffer.from(
        `From: ${contact.email}\r\nTo: help@msp.test\r\nMessage-ID: ${messageId('raw8')}\r\nSubject: `,
      ),
      Buffer.from([0x52, 0xe9, 0x73, 0x65, 0x61, 0x75, 0x20, 0x63, 0x6f, 0x75, 0x70, 0xe9]),
      Buffer.from(
        '\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nPlus de r=E9seau.\r\n',
      ),
    ]);
    const t2 = await ticketOfReply(await smtp.sendRaw(raw8, contact.email));
    expect(t2.subject).toBe('Réseau coupé');
    expect((await messagesOf(t2.id))[0]!.body).toBe('Plus de réseau.');

    const jp = await smtp.sendRaw(
      fixture('05c_non_utf8_iso-2022-jp__mikel-mail_japanese_iso_2022.eml'),
      'raasdnil@gmail.com',
    );
    const t3 = await ticketOfReply(jp);
    expect(t3.subject).toBe('まみむめも');
    expect((await messagesOf(t3.id))[0]!.body).toBe('すみません。');
  });

  it('auto-replies and bounces open no ticket, add no reply and get no answer; they are logged as rejected', async () => {
    const existing = await ticketOfReply(
      await smtp.send({
        from: contact.email,
        to: 'help@msp.test',
        subject: 'Mail loop bait',
        text: 'x',
        messageId: messageId('bait'),
      }),
    );
    const tickets = await ticketCount();
    const messages = await messageCount();
    const jobs = await mailJobs();
    const info = vi.spyOn(app.keel.mail.service.log, 'info');
    const header = (extra: string, subject = `Re: [${existing.reference}] Mail loop bait`) =>
      `From: ${contact.email}\r\nTo: help@msp.test\r\nSubject: ${subject}\r\nMessage-ID: ${messageId('auto')}\r\n${extra}MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nI am out of the office.\r\n`;

    const replies = [
      await smtp.sendRaw(
        fixture('02_auto_reply_auto_submitted__sisimai_rfc3834-01.eml'),
        'kijitora@example.net',
      ),
      await smtp.sendRaw(header('Auto-Submitted: auto-replied\r\n'), contact.email),
      await smtp.sendRaw(header('X-Autoreply: yes\r\n'), contact.email),
      await smtp.sendRaw(header('Precedence: bulk\r\n'), contact.email),
      await smtp.sendRaw(header('Precedence: junk\r\n'), contact.email),
      // A bounce: null reverse path, from MAILER-DAEMON, a delivery-status report.
      await smtp.sendRaw(
        `From: Mail Delivery System <MAILER-DAEMON@mx.client.test>\r\nTo: help@msp.test\r\nSubject: Undelivered Mail Returned to Sender\r\n` +
          `Message-ID: ${messageId('bounce')}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n\r\n` +
          `--b1\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mx.client.test. [${existing.reference}]\r\n` +
          `--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.client.test\r\n\r\nFinal-Recipient: rfc822; nobody@client.test\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--\r\n`,
        '',
      ),
      // A null sender alone is enough.
      await smtp.sendRaw(header(''), ''),
    ];
    for (const r of replies) expect(r).toMatch(/^250 .*Automatic message: not processed/);
    expect(await ticketCount()).toBe(tickets);
    expect(await messageCount()).toBe(messages);
    expect(await mailJobs()).toBe(jobs);
    const rejected = info.mock.calls.filter(([, msg]) => String(msg).startsWith('mail rejected: automatic'));
    expect(rejected.map(([o]) => (o as { reason: string }).reason)).toEqual([
      'Auto-Submitted: auto-replied',
      'Auto-Submitted: auto-replied',
      'x-autoreply: yes',
      'Precedence: bulk',
      'Precedence: junk',
      'a report (multipart/report; report-type=delivery-status): a bounce or receipt',
      'null return path (MAIL FROM:<>): a bounce',
    ]);
    info.mockRestore();
  });

  it('refuses an oversized attachment (552) and leaves a refused kind of file out, with a note', async () => {
    const tickets = await ticketCount();
    const big = await refusal(
      smtp.send({
        from: contact.email,
        to: 'help@msp.test',
        subject: 'Big scan',
        text: 'See attached.',
        messageId: messageId('big'),
        attachments: [{ filename: 'scan.png', content: Buffer.concat([png, Buffer.alloc(LIMIT)]) }],
      }),
    );
    expect(big.responseCode).toBe(552);
    expect(big.response).toContain('scan.png');
    expect(await ticketCount()).toBe(tickets);

    const tool = await ticketOfReply(
      await smtp.send({
        from: contact.email,
        to: 'help@msp.test',
        subject: 'Please run this tool',
        text: 'The vendor sent it.',
        messageId: messageId('exe'),
        attachments: [
          { filename: 'fix.exe', content: exe, contentType: 'application/octet-stream' },
          { filename: 'photo.png', content: png },
        ],
      }),
    );
    const [message] = await messagesOf(tool.id);
    expect(message!.body).toMatch(
      /^The vendor sent it\.\n\n\[Attachment not kept: fix\.exe is application\/x-msdownload/,
    );
    const files = await api('GET', `/api/v1/tickets/${tool.id}/attachments`);
    expect(files.data.items.map((f: { filename: string }) => f.filename)).toEqual(['photo.png']);
  });

  it('refuses malformed mail with a 5xx and a log line, writing nothing', async () => {
    const tickets = await ticketCount();
    const messages = await messageCount();
    const warn = vi.spyOn(app.keel.mail.service.log, 'warn');
    const garbage = await refusal(
      smtp.sendRaw('this is not a mail message at all\r\njust text\r\n', contact.email),
    );
    expect(garbage.responseCode).toBe(554);
    const noFrom = await refusal(
      smtp.sendRaw(
        'To: help@msp.test\r\nSubject: who am I\r\nMessage-ID: <nofrom@x.test>\r\n\r\nbody\r\n',
        contact.email,
      ),
    );
    expect(noFrom.responseCode).toBe(550);
    expect(await ticketCount()).toBe(tickets);
    expect(await messageCount()).toBe(messages);
    expect(warn.mock.calls.filter(([, msg]) => msg === 'mail rejected')).toHaveLength(2);
    warn.mockRestore();
  });

  it('the same mail delivered twice, even at once, makes one ticket', async () => {
    const tickets = await ticketCount();
    const raw =
      `From: ${contact.email}\r\nTo: help@msp.test\r\nSubject: Twice\r\nMessage-ID: ${messageId('twice')}\r\n` +
      'MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nDelivered twice by a retrying relay.\r\n';
    const replies = await Promise.all([smtp.sendRaw(raw, contact.email), smtp.sendRaw(raw, contact.email)]);
    replies.push(await smtp.sendRaw(raw, contact.email));
    expect(replies.filter((r) => r.includes('Received as'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('Already received'))).toHaveLength(2);
    expect(await ticketCount()).toBe(tickets + 1);
  });

  it('a portal ticket is acknowledged to the portal user, and notices reach staff with the reference', async () => {
    const portal = await buildUser(app, 'portal', { clientId });
    const created = await api('POST', '/api/v1/tickets', { subject: 'New starter on Monday' }, portal);
    expect(created.statusCode, created.body).toBe(201);
    const ack = await outbox.next((r) => r.envelope.to.includes(portal.email));
    expect(ack.mail.subject).toBe(`[${created.data.reference}] New starter on Monday`);
    expect(ack.mail.headers.get('auto-submitted')).toBe('auto-replied');

    await app.keel.mail.service.sendNotice({
      to: ['tech@msp.test', 'lead@msp.test'],
      subject: 'SLA warning: response due in 15 minutes',
      text: 'Response target at 75%.',
      ticketId: created.data.id,
    });
    const notice = await outbox.next((r) => r.envelope.to.includes('lead@msp.test'));
    expect(notice.envelope.to).toEqual(['tech@msp.test', 'lead@msp.test']);
    expect(notice.mail.subject).toBe(`[${created.data.reference}] SLA warning: response due in 15 minutes`);
    expect(notice.mail.headers.get('auto-submitted')).toBe('auto-generated');
    await expect(app.keel.mail.service.sendNotice({ to: 'nobody', subject: 'x', text: 'y' })).rejects.toThrow(
      /Not a mail address/,
    );
    // Staff scope reads back what the portal user raised.
    expect((await app.keel.tickets.service.get(staffScope, created.data.id)).source).toBe('portal');
  });
});
