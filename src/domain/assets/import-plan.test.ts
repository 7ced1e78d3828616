import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExistingAsset, matchExisting, planImport } from './import-plan.js';
import type { AssetValues, ResolvedRow } from './import-rows.js';

const A = 'client-a';
const B = 'client-b';
const existing: ExistingAsset[] = [
  { id: 'sn1', clientId: A, name: 'PC 1', serialNumber: 'SN1', hostname: 'pc1' },
  { id: 'nosn', clientId: A, name: 'PC 2', serialNumber: null, hostname: 'pc2' },
  { id: 'dup1', clientId: A, name: 'Printer', serialNumber: null, hostname: 'prn' },
  { id: 'dup2', clientId: A, name: 'Printer', serialNumber: 'P-2', hostname: 'prn' },
  { id: 'bare', clientId: A, name: 'Office 365', serialNumber: null, hostname: null },
  { id: 'other', clientId: B, name: 'PC 1', serialNumber: 'SN1', hostname: 'pc1' },
];
const at = (row: number, clientId: string, values: Partial<AssetValues>): ResolvedRow => ({
  row,
  clientId,
  siteId: undefined,
  ownerContactId: undefined,
  values: { type: 'workstation', ...values },
});

describe('matchExisting', () => {
  it.each<[string, ResolvedRow, string]>([
    ['same serial, any case', at(2, A, { serialNumber: 'sn1', hostname: 'renamed' }), 'update sn1'],
    ['same serial at another client', at(2, B, { serialNumber: 'SN1' }), 'update other'],
    [
      'a new serial on an asset known by hostname',
      at(2, A, { serialNumber: 'NEW', hostname: 'PC2' }),
      'update nosn',
    ],
    [
      'a new serial on a hostname whose asset has another serial',
      at(2, A, { serialNumber: 'NEW', hostname: 'pc1' }),
      'create',
    ],
    ['hostname only', at(2, A, { hostname: 'pc2' }), 'update nosn'],
    ['hostname two assets share', at(2, A, { hostname: 'PRN' }), 'ambiguous'],
    [
      'name only, on an asset with neither serial nor hostname',
      at(2, A, { name: 'office 365' }),
      'update bare',
    ],
    ['name only, when the named asset has a hostname', at(2, A, { name: 'PC 2' }), 'create'],
    ['nothing known', at(2, A, { hostname: 'new-pc' }), 'create'],
  ])('%s', (_name, row, expected) => {
    const m = matchExisting(row, existing);
    expect(m.kind === 'update' ? `update ${m.assetId}` : m.kind).toBe(expected);
  });
});

describe('planImport', () => {
  it('creates, updates, and refuses rows that repeat an asset or take a held identity', () => {
    const rows = [
      at(2, A, { serialNumber: 'SN1' }),
      at(3, A, { hostname: 'pc1', serialNumber: 'sn1' }),
      at(4, A, { hostname: 'new1', identities: [{ key: 'host', value: 'new1' }] }),
      at(5, A, { hostname: 'new2', identities: [{ key: 'host', value: 'NEW1' }] }),
      at(6, A, { hostname: 'new3', identities: [{ key: 'job', value: 'held' }] }),
      at(7, A, { serialNumber: 'SN1', identities: [{ key: 'job', value: 'mine' }] }),
      at(8, A, { hostname: 'prn' }),
      at(9, B, { hostname: 'NEW1' }),
    ];
    const holders = [
      { key: 'job', value: 'held', assetId: 'nosn' },
      { key: 'job', value: 'mine', assetId: 'sn1' },
    ];
    const { planned, errors } = planImport(rows, existing, holders);
    expect(planned.map((p) => [p.row, p.action, p.assetId])).toEqual([
      [2, 'update', 'sn1'],
      [4, 'create', null],
      [9, 'create', null],
    ]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, null],
      [5, 'identities'],
      [6, 'identities'],
      [7, null],
      [8, 'hostname'],
    ]);
    expect(errors[0]!.message).toMatch(/row 2/);
  });

  it('an asset keeps its own identity when the file restates it', () => {
    const { planned, errors } = planImport(
      [at(2, A, { serialNumber: 'SN1', identities: [{ key: 'job', value: 'mine' }] })],
      existing,
      [{ key: 'job', value: 'mine', assetId: 'sn1' }],
    );
    expect(errors).toEqual([]);
    expect(planned[0]).toMatchObject({ action: 'update', assetId: 'sn1' });
  });

  it('plans each row once, and no two planned rows describe one asset or share an identity', () => {
    const row = fc.record({
      clientId: fc.constantFrom(A, B),
      serialNumber: fc.option(fc.constantFrom('SN1', 'sn1', 'P-2', 'X'), { nil: undefined }),
      hostname: fc.option(fc.constantFrom('pc1', 'PC2', 'prn', 'new'), { nil: undefined }),
      job: fc.option(fc.constantFrom('a', 'b', 'mine'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (drafts) => {
        const rows = drafts.map((d, i) =>
          at(i + 2, d.clientId, {
            serialNumber: d.serialNumber,
            hostname: d.hostname,
            name: 'n',
            identities: d.job ? [{ key: 'job', value: d.job }] : [],
          }),
        );
        const { planned, errors } = planImport(rows, existing, [
          { key: 'job', value: 'mine', assetId: 'sn1' },
        ]);
        const failedRows = new Set(errors.map((e) => e.row));
        expect(planned.length + failedRows.size).toBe(rows.length);
        const updated = planned.filter((p) => p.assetId).map((p) => p.assetId);
        expect(new Set(updated).size).toBe(updated.length);
        const jobs = planned.flatMap((p) => (p.values.identities ?? []).map((l) => l.value));
        expect(new Set(jobs).size).toBe(jobs.length);
      }),
    );
  });
});
