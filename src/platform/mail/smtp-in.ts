import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** Who handed a message over, as the SMTP session saw it. */
export type Envelope = {
  /** The reverse path; null for the null sender `<>` (bounces and other automatic mail). */
  mailFrom: string | null;
  rcptTo: string[];
  remoteAddress: string;
  sessionId: string;
};

/**
 * A refusal with an SMTP reply code: 5xx the sender's server gives up and tells its user,
 * 4xx it tries again later.
 */
export class SmtpReject extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'SmtpReject';
  }
}

export type SmtpListenerOptions = {
  host: string;
  port: number;
  /** Larger messages are refused with 552 (announced with the SIZE extension). */
  maxBytes: number;
  /** Takes one whole message; the returned text is the 250 reply. Throw SmtpReject to refuse it. */
  onMessage(raw: Buffer, envelope: Envelope): Promise<string>;
  /** An unexpected failure: the message was answered 451 (try again later). */
  onError(err: unknown, envelope: Envelope): void;
  /** A refusal decided before onMessage ran (size). */
  onReject?(reason: string, envelope: Envelope): void;
};

export type SmtpListener = {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
};

const envelopeOf = (session: SMTPServerSession): Envelope => ({
  mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
  rcptTo: session.envelope.rcptTo.map((r) => r.address),
  remoteAddress: session.remoteAddress,
  sessionId: session.id,
});

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/**
 * Receives mail over plain SMTP, meant to sit behind the organisation's mail server (or on
 * 127.0.0.1): no AUTH, no STARTTLS, every recipient taken. Each message is read whole, within
 * `maxBytes`, and handed to `onMessage`; its answer or refusal is the SMTP reply.
 */
export async function listenSmtp(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: 'keel',
    banner: 'Keel helpdesk',
    size: opts.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    socketTimeout: 60_000,
    closeTimeout: 2_000,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const envelope = envelopeOf(session);
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is only drained, never held in memory.
        if (bytes <= opts.maxBytes) chunks.push(chunk);
      });
      stream.on('error', (err) => {
        opts.onError(err, envelope);
        callback(smtpError(451, '4.3.0 Could not read the message, try again later'));
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > opts.maxBytes) {
          opts.onReject?.(`larger than ${opts.maxBytes} bytes`, envelope);
          callback(smtpError(552, `5.3.4 Message larger than the ${opts.maxBytes} bytes accepted`));
          return;
        }
        opts.onMessage(Buffer.concat(chunks, bytes), envelope).then(
          (text) => callback(null, text),
          (err: unknown) => {
            if (err instanceof SmtpReject) callback(smtpError(err.responseCode, err.message));
            else {
              opts.onError(err, envelope);
              callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
            }
          },
        );
      });
    },
  });
  server.on('error', () => {
    // Connection-level errors (a client hanging up mid-command) concern that client only.
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
