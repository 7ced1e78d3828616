import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapHeader } from './import-columns.js';
import { type Directory, parseRow, resolveRow } from './import-rows.js';

const header = [
  'client',
  'site',
  'type',
  'name',
  'hostname',
  'address',
  'serial',
  'purchase_date',
  'warranty_end',
  'managed',
  'owner',
  'identities',
];
const { columns } = mapHeader(header);
const row = (cells: Partial<Record<(typeof header)[number], string>>) => header.map((h) => cells[h] ?? '');

describe('parseRow', () => {
  it('reads a full row, blank cells as null', () => {
    const parsed = parseRow(
      row({
        client: 'Acme',
        site: 'HQ',
        type: 'Server',
        name: 'DC',
        hostname: 'dc01',
        purchase_date: '2024-01-01',
        managed: 'yes',
        identities: 'instance=dc01:9182',
      }),
      columns,
      2,
    );
    expect(parsed).toEqual({
      ok: true,
      row: {
        row: 2,
        clientRef: 'Acme',
        siteRef: 'HQ',
        ownerRef: null,
        values: {
          type: 'server',
          name: 'DC',
          hostname: 'dc01',
          address: null,
          serialNumber: null,
          purchaseDate: '2024-01-01',
          warrantyEnd: null,
          managed: true,
          identities: [{ key: 'instance', value: 'dc01:9182' }],
        },
      },
    });
  });

  it('leaves out the fields whose column the file does not have', () => {
    const slim = mapHeader(['client', 'type', 'hostname']).columns;
    const parsed = parseRow(['Acme', 'laptop', 'lt-1'], slim, 5);
    expect(parsed.ok && parsed.row).toEqual({
      row: 5,
      clientRef: 'Acme',
      siteRef: undefined,
      ownerRef: undefined,
      values: { type: 'laptop', hostname: 'lt-1' },
    });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['no client', { type: 'server', name: 'x' }, ['client']],
    ['no type', { client: 'A', name: 'x' }, ['type']],
    ['an unknown type', { client: 'A', type: 'toaster', name: 'x' }, ['type']],
    ['neither name nor hostname', { client: 'A', type: 'server' }, ['name']],
    ['a bad hostname', { client: 'A', type: 'server', hostname: 'a b' }, ['hostname']],
    ['a bad address', { client: 'A', type: 'server', name: 'x', address: 'not an address!' }, ['address']],
    ['a bad date', { client: 'A', type: 'server', name: 'x', purchase_date: '31/12/2024' }, ['purchaseDate']],
    [
      'a warranty ending before the purchase',
      { client: 'A', type: 'server', name: 'x', purchase_date: '2024-02-01', warranty_end: '2024-01-31' },
      ['warrantyEnd'],
    ],
    ['managed neither yes nor no', { client: 'A', type: 'server', name: 'x', managed: 'maybe' }, ['managed']],
    [
      'an identity that is not key=value',
      { client: 'A', type: 'server', name: 'x', identities: 'x' },
      ['identities'],
    ],
    [
      'every problem at once',
      { type: 'toaster', purchase_date: 'x' },
      ['client', 'type', 'name', 'purchaseDate'],
    ],
    ['a name too long', { client: 'A', type: 'server', name: 'x'.repeat(201) }, ['name']],
  ])('refuses %s', (_name, cells, fields) => {
    const parsed = parseRow(row(cells), columns, 7);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map((e) => e.field)).toEqual(fields);
      expect(parsed.errors.every((e) => e.row === 7)).toBe(true);
    }
  });

  it('refuses a row whose cell count differs from the header', () => {
    const parsed = parseRow(['A', 'server'], columns, 3);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatchObject({ row: 3, field: null });
  });

  it('never throws, whatever the cells', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: header.length + 2 }), (cells) => {
        const parsed = parseRow(cells, columns, 2);
        if (!parsed.ok) expect(parsed.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('resolveRow', () => {
  const acme = { id: '0190e4a0-0000-7000-8000-00000000000a', name: 'Acme Ltd' };
  const beta = { id: '0190e4a0-0000-7000-8000-00000000000b', name: 'Beta' };
  const directory: Directory = {
    clients: [acme, beta],
    sitesOf: (id) => (id === acme.id ? [{ id: 'site-hq', name: 'HQ' }] : []),
    contactsOf: (id) =>
      id === acme.id
        ? [
            { id: 'c-ann', name: 'Ann', email: 'ann@acme.test' },
            { id: 'c-sam1', name: 'Sam', email: null },
            { id: 'c-sam2', name: 'Sam', email: 'sam2@acme.test' },
          ]
        : [],
  };
  const parsed = (clientRef: string, siteRef?: string | null, ownerRef?: string | null) => ({
    row: 4,
    clientRef,
    siteRef,
    ownerRef,
    values: { type: 'server' as const, name: 'x' },
  });

  it.each<[string, ReturnType<typeof parsed>, Record<string, unknown> | string[]]>([
    ['a client by name in any case', parsed('acme ltd'), { clientId: acme.id }],
    ['a client by id', parsed(beta.id.toUpperCase()), { clientId: beta.id }],
    [
      'a site and an owner by email',
      parsed('Acme Ltd', 'hq', 'ANN@acme.test'),
      { siteId: 'site-hq', ownerContactId: 'c-ann' },
    ],
    ['an owner by name', parsed('Acme Ltd', null, 'ann'), { siteId: null, ownerContactId: 'c-ann' }],
    ['no site column: left as it is', parsed('Acme Ltd'), { siteId: undefined, ownerContactId: undefined }],
    ['an unknown client', parsed('Gamma'), ['client']],
    ['another client’s site', parsed('Beta', 'HQ'), ['site']],
    ['an owner name two contacts share', parsed('Acme Ltd', null, 'sam'), ['owner']],
    ['an unknown owner', parsed('Acme Ltd', null, 'zed@acme.test'), ['owner']],
  ])('%s', (_name, input, expected) => {
    const resolved = resolveRow(input, directory);
    if (Array.isArray(expected)) {
      expect(resolved.ok).toBe(false);
      if (!resolved.ok) expect(resolved.errors.map((e) => e.field)).toEqual(expected);
    } else {
      expect(resolved.ok).toBe(true);
      if (resolved.ok) expect(resolved.row).toMatchObject(expected);
    }
  });
});
