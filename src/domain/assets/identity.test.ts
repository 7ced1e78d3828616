import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hostCandidates,
  identityErrors,
  identityKey,
  lookupPairs,
  MAX_IDENTITIES,
  normalizeIdentity,
  pickHostMatch,
  pickIdentityMatch,
} from './identity.js';
import type { IdentityLabel, IdentityQuery } from './types.js';

describe('identity labels', () => {
  it.each([
    [
      { key: ' Instance ', value: ' web01:9100 ' },
      { key: 'instance', value: 'web01:9100' },
    ],
    [
      { key: 'JOB', value: 'Node' },
      { key: 'job', value: 'Node' },
    ],
  ])('normalizes %o', (label, expected) => {
    expect(normalizeIdentity(label)).toEqual(expected);
  });

  it.each<[string, IdentityLabel[], { index: number; field: string | null }[]]>([
    [
      'a clean list',
      [
        { key: 'instance', value: 'a' },
        { key: 'host', value: 'a' },
      ],
      [],
    ],
    ['a key with a space', [{ key: 'my key', value: 'a' }], [{ index: 0, field: 'key' }]],
    ['a key starting with a digit', [{ key: '9x', value: 'a' }], [{ index: 0, field: 'key' }]],
    ['a dotted key', [{ key: 'zabbix.tag', value: 'a' }], []],
    ['a blank value', [{ key: 'host', value: '' }], [{ index: 0, field: 'value' }]],
    ['a long value', [{ key: 'host', value: 'x'.repeat(501) }], [{ index: 0, field: 'value' }]],
    [
      'the same pair twice in another case',
      [
        { key: 'host', value: 'Web' },
        { key: 'host', value: 'web' },
      ],
      [{ index: 1, field: 'value' }],
    ],
    [
      'too many',
      Array.from({ length: MAX_IDENTITIES + 1 }, (_, i) => ({ key: 'k', value: `v${i}` })),
      [{ index: MAX_IDENTITIES, field: null }],
    ],
  ])('%s', (_name, labels, expected) => {
    expect(identityErrors(labels).map(({ index, field }) => ({ index, field }))).toEqual(expected);
  });

  it('compares pairs without regard to the case of the value or spaces around it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/), fc.string({ minLength: 1 }), (key, value) => {
        expect(identityKey({ key: key.toUpperCase(), value: ` ${value.toUpperCase()} ` })).toBe(
          identityKey({ key, value: value.toLowerCase() }),
        );
      }),
    );
  });
});

describe('lookupPairs', () => {
  it.each<[string, IdentityQuery, string[]]>([
    ['nothing', {}, []],
    ['named keys', { host: 'web01', instance: 'web01:9100' }, ['instance=web01:9100', 'host=web01']],
    [
      'labels ranked: fingerprint first, other labels before job',
      { service: 'http', labels: { job: 'node', team: 'ops', fingerprint: 'abc' } },
      ['fingerprint=abc', 'service=http', 'team=ops', 'job=node'],
    ],
    [
      'a label repeating a named key once',
      { instance: 'a:1', labels: { instance: 'A:1' } },
      ['instance=a:1'],
    ],
    ['blank values dropped', { host: '  ', monitor: null, labels: { job: '' } }, []],
  ])('%s', (_name, query, expected) => {
    expect(lookupPairs(query).map((p) => `${p.key}=${p.value}`)).toEqual(expected);
  });

  it('never repeats a pair and keeps every pair it was given', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('job', 'instance', 'host', 'team', 'fingerprint'),
          fc.string({ maxLength: 5 }),
        ),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        (labels, host) => {
          const pairs = lookupPairs({ host, labels });
          const keys = pairs.map(identityKey);
          expect(new Set(keys).size).toBe(keys.length);
          for (const [k, v] of Object.entries(labels))
            if (v.trim() !== '') expect(keys).toContain(identityKey({ key: k, value: v }));
        },
      ),
    );
  });
});

describe('pickIdentityMatch', () => {
  const holders = [
    { key: 'job', value: 'node', assetId: 'A' },
    { key: 'instance', value: 'Web01:9100', assetId: 'B' },
  ];
  it.each<[string, IdentityQuery, string | null]>([
    ['the best-ranked held pair wins', { instance: 'web01:9100', labels: { job: 'node' } }, 'B'],
    ['a weaker pair when it is the only one held', { instance: 'other:1', labels: { job: 'node' } }, 'A'],
    ['nothing held', { host: 'x' }, null],
  ])('%s', (_name, query, expected) => {
    expect(pickIdentityMatch(lookupPairs(query), holders)).toBe(expected);
  });
});

describe('host names', () => {
  it.each<[string, IdentityQuery, string[]]>([
    ['a host', { host: 'WEB01.acme.example.' }, ['web01.acme.example']],
    ['an instance with a port', { instance: '10.0.0.5:9100' }, ['10.0.0.5']],
    ['an IPv6 instance', { instance: '[2001:db8::1]:9100' }, ['2001:db8::1']],
    ['a URL', { instance: 'https://shop.acme.example/health' }, ['shop.acme.example']],
    ['host labels', { labels: { nodename: 'db01', job: 'x' } }, ['db01']],
    ['a Zabbix name with a space', { host: 'Zabbix server' }, ['zabbix server']],
    ['nothing', { monitor: 'Website' }, []],
  ])('%s', (_name, query, expected) => {
    expect(hostCandidates(query)).toEqual(expected);
  });

  const assets = [
    { id: 'mail', hostname: 'Mail.acme.example', address: '192.0.2.25' },
    { id: 'dc-a', hostname: 'dc01', address: null },
    { id: 'dc-b', hostname: 'DC01', address: null },
    { id: 'fw', hostname: null, address: '192.0.2.1' },
    { id: 'web', hostname: 'web', address: '192.0.2.1' },
  ];
  it.each<[string, string[], string | null]>([
    ['hostname, any case', ['mail.acme.example'], 'mail'],
    ['address when no hostname matches', ['192.0.2.25'], 'mail'],
    ['two assets share the hostname: no guess', ['dc01'], null],
    ['two assets share the address: no guess', ['192.0.2.1'], null],
    ['a hostname match beats an address match', ['web', '192.0.2.1'], 'web'],
    ['nothing', ['nowhere'], null],
  ])('%s', (_name, candidates, expected) => {
    expect(pickHostMatch(candidates, assets)).toBe(expected);
  });

  it('answers an asset only when it is the one asset matching', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.uuid(),
            hostname: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
            address: fc.option(fc.constantFrom('a', '1.1.1.1'), { nil: null }),
          }),
          { maxLength: 6 },
        ),
        fc.constantFrom('a', 'b', '1.1.1.1'),
        (list, wanted) => {
          const found = pickHostMatch([wanted], list);
          if (found === null) return;
          const asset = list.find((a) => a.id === found)!;
          expect([asset.hostname, asset.address]).toContain(wanted);
        },
      ),
    );
  });
});
