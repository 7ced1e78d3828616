import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWebhookBySchema, readWellFormedWebhook } from './alertmanager.js';
import { MonitoringValidationError } from './errors.js';
import { parseAlertPayload } from './parse.js';
import { alertSources, eventStatuses, severities } from './types.js';

const receivedAt = Date.parse('2024-05-01T12:00:00Z');
const source = fc.constantFrom(...alertSources);

describe('any JSON', () => {
  it('is either read or refused with field errors, never thrown at otherwise', () => {
    fc.assert(
      fc.property(source, fc.jsonValue(), (src, body) => {
        try {
          const { events } = parseAlertPayload(src, body, { receivedAt });
          for (const e of events) {
            expect(e.source).toBe(src);
            expect(e.fingerprint.startsWith(`${src}:`)).toBe(true);
            expect(eventStatuses).toContain(e.status);
            expect(Number.isInteger(e.occurredAt)).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(MonitoringValidationError);
          expect((e as MonitoringValidationError).fields.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

const labelName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
const labels = fc.dictionary(labelName, fc.string({ maxLength: 10 }), { maxKeys: 5 });
const time = fc
  .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') })
  .map((t) => new Date(t).toISOString());
const amAlert = fc.record(
  {
    status: fc.constantFrom('firing', 'resolved'),
    labels,
    annotations: labels,
    startsAt: time,
    endsAt: fc.oneof(time, fc.constant('0001-01-01T00:00:00Z')),
    fingerprint: fc.stringMatching(/^[0-9a-f]{16}$/),
  },
  { requiredKeys: ['status', 'labels'] },
);
const amHook = fc.record({
  version: fc.constant('4'),
  status: fc.constantFrom('firing', 'resolved'),
  alerts: fc.array(amAlert, { maxLength: 5 }),
});
const extra = fc.dictionary(fc.stringMatching(/^x_[a-z]{1,6}$/), fc.jsonValue(), { maxKeys: 3 });

describe('Alertmanager webhooks', () => {
  it('one event per alert, each firing one with a severity', () => {
    fc.assert(
      fc.property(amHook, (hook) => {
        const { events } = parseAlertPayload('alertmanager', hook, { receivedAt });
        expect(events).toHaveLength(hook.alerts.length);
        events.forEach((e, i) => {
          expect(e.status).toBe(hook.alerts[i]!.status);
          expect(e.labels).toEqual(hook.alerts[i]!.labels);
          if (e.status === 'firing') expect(severities).toContain(e.severity);
        });
      }),
    );
  });

  it('extra keys anywhere change nothing', () => {
    fc.assert(
      fc.property(amHook, extra, extra, (hook, outer, inner) => {
        const padded = { ...outer, ...hook, alerts: hook.alerts.map((a) => ({ ...inner, ...a })) };
        expect(parseAlertPayload('alertmanager', padded, { receivedAt })).toEqual(
          parseAlertPayload('alertmanager', hook, { receivedAt }),
        );
      }),
    );
  });

  it('the fingerprint does not depend on status, times or annotations', () => {
    fc.assert(
      fc.property(amAlert, amAlert, (a, b) => {
        const { fingerprint: _a, ...first } = a;
        const { fingerprint: _b, ...second } = b;
        const one = { version: '4', status: 'firing', alerts: [first] };
        const two = { version: '4', status: 'resolved', alerts: [{ ...second, labels: first.labels }] };
        const [x] = parseAlertPayload('alertmanager', one, { receivedAt }).events;
        const [y] = parseAlertPayload('alertmanager', two, { receivedAt }).events;
        expect(y!.fingerprint).toBe(x!.fingerprint);
      }),
    );
  });
});

describe('Alertmanager webhooks read without the schema', () => {
  /** What intake reads of the schema's output. */
  const schemaRead = (body: unknown) => {
    try {
      const { status, truncatedAlerts, alerts } = readWebhookBySchema(body);
      return { status, truncatedAlerts, alerts };
    } catch {
      return null;
    }
  };
  // Well-formed hooks, and hooks with one field of an alert replaced by any JSON value.
  const damaged = fc
    .tuple(
      amHook,
      fc.constantFrom('status', 'labels', 'annotations', 'startsAt', 'endsAt', 'fingerprint', 'generatorURL'),
      fc.jsonValue(),
    )
    .map(([hook, field, value]) =>
      hook.alerts.length
        ? { ...hook, alerts: [{ ...hook.alerts[0], [field]: value }, ...hook.alerts.slice(1)] }
        : hook,
    );

  it('reads every well-formed hook, exactly as the schema does', () => {
    fc.assert(
      fc.property(amHook, extra, (hook, more) => {
        const body = { ...hook, ...more };
        const read = readWellFormedWebhook(body);
        expect(read).not.toBeNull();
        expect(read).toEqual(schemaRead(body));
      }),
      { numRuns: 300 },
    );
  });

  it('reads nothing the schema refuses, and the rest as the schema does', () => {
    fc.assert(
      fc.property(fc.oneof(damaged, fc.jsonValue()), (body) => {
        const read = readWellFormedWebhook(body);
        if (read !== null) expect(read).toEqual(schemaRead(body));
      }),
      { numRuns: 600 },
    );
  });
});
