/**
 * Work with no client (training, admin, the MSP's own systems) is never billed. Entitlement is not
 * asked: it decides for a client, in that client's calendar, and there is none. With no client's
 * business hours to stand outside of, no minute of it counts as after hours.
 */
import type { InternalOutcome } from '../entitlement/types.js';

export function ownWorkOutcome(minutes: number): InternalOutcome {
  return {
    kind: 'internal',
    minutes,
    afterHours: false,
    afterHoursMinutes: 0,
    billableAmount: 0,
    rule: { code: 'INTERNAL_WORK', explanation: 'Work for the MSP itself, for no client: never billed.' },
  };
}
