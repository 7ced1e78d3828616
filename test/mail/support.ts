/**
 * Real SMTP on 127.0.0.1 for the mail tests: a nodemailer client that delivers into Keel's listener,
 * and an outbox — a small smtp-server — that receives what Keel sends out. Ports are picked free.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export type Received = { envelope: { from: string | null; to: string[] }; mail: ParsedMail; raw: string };

export type Outbox = {
  port: number;
  messages: Received[];
  /** The first message (from now or already received) that matches, or an error after `timeoutMs`. */
  next(match: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
};

export async function startOutbox(): Promise<Outbox> {
  const messages: Received[] = [];
  const waiters: { match: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const received: Received = {
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          mail: await simpleParser(raw),
          raw: raw.toString('utf8'),
        };
        messages.push(received);
        for (const w of [...waiters])
          if (w.match(received)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(received);
          }
        callback(null, 'queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    next(match, timeoutMs = 15_000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<Received>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no matching mail arrived in the outbox')),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Delivers into Keel's listener; resolves with the SMTP reply, rejects with the refusal (responseCode). */
export function smtpClient(port: number) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    send: (mail: SendMailOptions) => transport.sendMail(mail).then((info) => info.response),
    /** A message exactly as given, with an explicit envelope (from '' is the null sender of bounces). */
    sendRaw: (raw: string | Buffer, from: string, to = 'help@msp.test') =>
      transport.sendMail({ envelope: { from, to: [to] }, raw }).then((info) => info.response),
    close: () => transport.close(),
  };
}

export async function refusal(work: Promise<unknown>): Promise<{ responseCode: number; response: string }> {
  try {
    await work;
  } catch (err) {
    return err as { responseCode: number; response: string };
  }
  throw new Error('expected the mail to be refused');
}

/** A multipart/form-data body for app.inject. */
export function formData(
  parts: { name: string; value?: string; filename?: string; type?: string; data?: Buffer }[],
) {
  const boundary = `----keel${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), p.data ?? Buffer.from(p.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A tiny but real PNG (1×1 pixel). */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of a Windows executable: what must never be kept. */
export const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

/** Polls until `read` returns something other than null/undefined. */
export async function eventually<T>(
  read: () => Promise<T | null | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
