import type { Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import type { KeelModule } from '../../platform/module.js';
import type { MailPorts } from './mail.ports.js';
import { createMailService } from './mail.service.js';

export type { MailPorts } from './mail.ports.js';
export type { MailService, NoticeInput } from './mail.service.js';

/** Mail in over SMTP and out through SMTP_URL. It has no HTTP routes; its jobs send the mail. */
export function createMailModule(deps: { config: Config; ports: MailPorts; log?: Logger }) {
  const service = createMailService(deps);
  const module: KeelModule = { name: 'mail', jobs: (jobs) => service.jobs(jobs) };
  return { service, module };
}
