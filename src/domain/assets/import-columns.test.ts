import { describe, expect, it } from 'vitest';
import { mapHeader, sniffDelimiter } from './import-columns.js';

describe('import header', () => {
  it.each<[string, string[], (string | null)[], number]>([
    ['the plain names', ['client', 'type', 'name'], ['client', 'type', 'name'], 0],
    [
      'other tools’ names in any case',
      [
        'Customer',
        'Asset Type',
        'Computer Name',
        'IP Address',
        'Serial No',
        'Warranty Expires',
        'Owner Email',
      ],
      ['client', 'type', 'hostname', 'address', 'serialNumber', 'warrantyEnd', 'owner'],
      0,
    ],
    [
      'a blank trailing column is ignored',
      ['client', 'type', 'name', ''],
      ['client', 'type', 'name', null],
      0,
    ],
    ['an unknown column', ['client', 'type', 'name', 'colour'], ['client', 'type', 'name', null], 1],
    [
      'one field twice',
      ['client', 'type', 'name', 'serial', 'serial_number'],
      ['client', 'type', 'name', 'serialNumber', 'serialNumber'],
      1,
    ],
    ['no client', ['type', 'name'], ['type', 'name'], 1],
    ['no type', ['client', 'hostname'], ['client', 'hostname'], 1],
    ['neither name nor hostname', ['client', 'type'], ['client', 'type'], 1],
    ['hostname stands for name', ['client', 'type', 'hostname'], ['client', 'type', 'hostname'], 0],
    ['nothing at all', [], [], 3],
  ])('%s', (_name, header, columns, errorCount) => {
    const map = mapHeader(header);
    expect(map.columns).toEqual(columns);
    expect(map.errors).toHaveLength(errorCount);
  });

  it.each([
    ['client,type,name', ','],
    ['client;type;name', ';'],
    ['client\ttype\tname', '\t'],
    ['"client;x",type,name', ','],
    ['client', ','],
  ])('delimiter of %j is %j', (line, expected) => {
    expect(sniffDelimiter(line)).toBe(expected);
  });
});
