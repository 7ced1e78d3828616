// Severity words, tool times and host names: the small readings every parser shares.
import { describe, expect, it } from 'vitest';
import { MonitoringValidationError } from './errors.js';
import { hostOf } from './identity.js';
import { defaultSeverityMapping, severityMapping, severityOfName } from './severity.js';
import { isUnsetTime, parseEpochOrRfc3339, parseKumaTime, parseRfc3339 } from './timestamps.js';

describe('severity words', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: [string | null | undefined, string | null][] = [
    ['critical', 'critical'], ['CRITICAL', 'critical'], [' page ', 'critical'], ['disaster', 'critical'],
    ['error', 'high'], ['major', 'high'], ['high', 'high'],
    ['warning', 'warning'], ['warn', 'warning'], ['average', 'warning'], ['minor', 'warning'],
    ['info', 'info'], ['none', 'info'], ['low', 'info'],
    ['sev1', null], ['', null], [null, null], [undefined, null], ['constructor', null], ['__proto__', null],
  ];
  it.each(rows)('%j → %j', (word, expected) => {
    expect(severityOfName(defaultSeverityMapping, word)).toBe(expected);
  });

  it('overrides add to the default words, lower-cased', () => {
    const m = severityMapping({ names: { ' SEV1 ': 'critical', warning: 'high' } });
    expect(severityOfName(m, 'sev1')).toBe('critical');
    expect(severityOfName(m, 'warning')).toBe('high');
    expect(severityOfName(m, 'info')).toBe('info');
    expect(m.fallback).toBe('warning');
  });

  it.each([
    [{ fallback: 'urgent' }, 'severity.fallback'],
    [{ zabbix: ['info'] }, 'severity.zabbix'],
    [{ names: { x: 'p1' } }, 'severity.names.x'],
    [{ label: '' }, 'severity.label'],
    [{ colour: 'red' }, 'severity'],
  ])('refuses %j at %s', (overrides, field) => {
    try {
      severityMapping(overrides as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MonitoringValidationError);
      expect((e as MonitoringValidationError).fields[0]!.field).toBe(field);
    }
  });
});

describe('tool times', () => {
  // biome-ignore format: one case per line reads as a table
  const rfc: [string, number | null][] = [
    ['2018-11-04T22:43:58.283995108+01:00', Date.parse('2018-11-04T21:43:58.283Z')],
    ['2017-08-03T15:17:37.804-04:00', Date.parse('2017-08-03T19:17:37.804Z')],
    ['2015-07-17T08:42:58.315+0000', Date.parse('2015-07-17T08:42:58.315Z')],
    ['2024-02-29T23:59:59.999999999Z', Date.parse('2024-02-29T23:59:59.999Z')],
    ['2023-02-29T00:00:00Z', null],
    ['2024-05-01 12:00:00Z', null],
    ['2024-05-01T12:00:00', null],
  ];
  it.each(rfc)('RFC 3339 %s', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
  });

  it.each([
    ['0001-01-01T00:00:00Z', true],
    ['0001-01-01T00:00:00.000+00:00', true],
    ['2024-01-01T00:00:00Z', false],
  ])('unset %s → %s', (text, expected) => {
    expect(isUnsetTime(text)).toBe(expected);
  });

  // biome-ignore format: one case per line reads as a table
  const kuma: [string, number | null][] = [
    ['2024-09-24 23:51:35.527', Date.parse('2024-09-24T23:51:35.527Z')],
    ['2024-09-24 23:51:35', Date.parse('2024-09-24T23:51:35Z')],
    ['2024-09-24T23:51:35.527Z', null],
    ['2024-13-24 23:51:35', null],
  ];
  it.each(kuma)('Uptime Kuma %s', (text, expected) => {
    expect(parseKumaTime(text)).toBe(expected);
  });

  // biome-ignore format: one case per line reads as a table
  const epoch: [string | number, number | null][] = [
    [1679663620, 1679663620000], ['1679663620', 1679663620000], ['1679663620.25', 1679663620250],
    [1679663620.9999, 1679663620999], ['2023-03-24T13:13:40Z', Date.parse('2023-03-24T13:13:40Z')],
    [-1, null], [Number.NaN, null], [1e15, null], ['12ab', null], ['', null],
  ];
  it.each(epoch)('epoch or RFC 3339 %j', (value, expected) => {
    expect(parseEpochOrRfc3339(value)).toBe(expected);
  });
});

describe('host names', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: [string | null | undefined, string | undefined][] = [
    ['web01', 'web01'], ['WEB01:9100', 'web01'], ['10.0.0.5:9100', '10.0.0.5'], ['[2001:db8::1]:9100', '2001:db8::1'],
    ['https://www.Acme.example/health', 'www.acme.example'], ['localhost:9090/metrics', 'localhost'],
    ['bücher.example', 'xn--bcher-kva.example'], [' web02 ', 'web02'],
    ['a b', undefined], ['host:notaport', undefined], ['', undefined], [null, undefined], [undefined, undefined],
  ];
  it.each(rows)('%j → %j', (value, expected) => {
    expect(hostOf(value)).toBe(expected);
  });
});
