import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAddress, isDay, isHostname, parseAssetType, parseIdentityList, parseYesNo } from './fields.js';
import { assetTypes } from './types.js';

describe('asset fields', () => {
  it.each([
    ['server', 'server'],
    ['Network Device', 'network_device'],
    ['network-device', 'network_device'],
    [' CLOUD_SERVICE ', 'cloud_service'],
    ['Desktop', 'workstation'],
    ['notebook', 'laptop'],
    ['Firewall', 'network_device'],
    ['tablet', 'mobile'],
    ['toaster', null],
    ['', null],
  ])('type %j → %j', (text, expected) => {
    expect(parseAssetType(text)).toBe(expected);
  });

  it('reads every type code back, in any case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...assetTypes), fc.boolean(), (type, upper) => {
        const written = upper ? type.toUpperCase().replace(/_/g, ' ') : type;
        expect(parseAssetType(written)).toBe(type);
      }),
    );
  });

  it.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['managed', true],
    ['no', false],
    ['', false],
    ['0', false],
    ['Unmanaged', false],
    ['perhaps', null],
  ])('yes/no %j → %j', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it.each([
    ['web01', true],
    ['PC_ACCT-01', true],
    ['mail.acme.example', true],
    ['a b', false],
    ['-lead', false],
    ['bad!', false],
    ['x'.repeat(254), false],
  ])('hostname %j → %j', (text, expected) => {
    expect(isHostname(text)).toBe(expected);
  });

  it.each([
    ['10.0.0.1', true],
    ['2001:db8::1', true],
    ['mail.acme.example', true],
    ['not an address', false],
    ['10.0.0.1/24', false],
  ])('address %j → %j', (text, expected) => {
    expect(isAddress(text)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['01/02/2024', false],
  ])('day %j → %j', (text, expected) => {
    expect(isDay(text)).toBe(expected);
  });

  it.each([
    ['', [], 0],
    ['instance=web01:9100', [{ key: 'instance', value: 'web01:9100' }], 0],
    [
      'Instance = web01:9100 ; monitor=Acme site\njob=node',
      [
        { key: 'instance', value: 'web01:9100' },
        { key: 'monitor', value: 'Acme site' },
        { key: 'job', value: 'node' },
      ],
      0,
    ],
    ['url=https://x.example/?a=b', [{ key: 'url', value: 'https://x.example/?a=b' }], 0],
    ['oops', [], 1],
    [
      'host=a; host=A',
      [
        { key: 'host', value: 'a' },
        { key: 'host', value: 'A' },
      ],
      1,
    ],
    ['bad key=x', [{ key: 'bad key', value: 'x' }], 1],
  ])('identities %j', (text, labels, errorCount) => {
    const parsed = parseIdentityList(text);
    expect(parsed.labels).toEqual(labels);
    expect(parsed.errors).toHaveLength(errorCount);
  });

  it('reads back identities it would write', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            key: fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
            value: fc.stringMatching(/^[A-Za-z0-9:=./ -]{0,12}[A-Za-z0-9]$/),
          }),
          { selector: (l) => `${l.key}=${l.value.trim().toLowerCase()}`, maxLength: 6 },
        ),
        (labels) => {
          const parsed = parseIdentityList(labels.map((l) => `${l.key}=${l.value}`).join('; '));
          expect(parsed.errors).toEqual([]);
          expect(parsed.labels).toEqual(labels.map((l) => ({ key: l.key, value: l.value.trim() })));
        },
      ),
    );
  });
});
