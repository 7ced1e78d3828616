import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSetFingerprint, labelSetHash } from './fingerprint.js';

describe('Prometheus label-set fingerprints', () => {
  // Vectors from prometheus/common model/signature_test.go (Apache-2.0): Alertmanager computes an
  // alert's fingerprint with this function, so a derived key equals the one it would send.
  // biome-ignore format: one case per line reads as a table
  const vectors: [Record<string, string>, bigint][] = [
    [{}, 14695981039346656037n],
    [{ name: 'garland, briggs', fear: 'love is not enough' }, 5799056148416392346n],
    [{ 'first-label': 'first-label-value' }, 5146282821936882169n],
    [{ 'first-label': 'first-label-value', 'second-label': 'second-label-value' }, 3195800080984914717n],
    [{ 'first-label': 'first-label-value', 'second-label': 'second-label-value', 'third-label': 'third-label-value' }, 13843036195897128121n],
  ];
  it.each(vectors)('%j', (labels, expected) => {
    expect(labelSetHash(labels)).toBe(expected);
    expect(labelSetFingerprint(labels)).toBe(expected.toString(16).padStart(16, '0'));
  });

  it('empty label set is the FNV offset basis', () => {
    expect(labelSetFingerprint({})).toBe('cbf29ce484222325');
  });

  const labels = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), { maxKeys: 6 });

  it('is 16 hex digits and does not depend on the order labels are written in', () => {
    fc.assert(
      fc.property(labels, (ls) => {
        const reversed = Object.fromEntries(Object.entries(ls).reverse());
        expect(labelSetFingerprint(ls)).toMatch(/^[0-9a-f]{16}$/);
        expect(labelSetFingerprint(reversed)).toBe(labelSetFingerprint(ls));
      }),
    );
  });

  it('changes when a value changes', () => {
    fc.assert(
      fc.property(
        labels,
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.string({ maxLength: 8 }),
        (ls, name, v) => {
          fc.pre((ls[name] ?? '') !== v);
          const a = { ...ls, [name]: v };
          const b = { ...ls, [name]: `${v}x` };
          expect(labelSetFingerprint(a)).not.toBe(labelSetFingerprint(b));
        },
      ),
    );
  });

  it('the separator keeps name and value apart: {ab: c} is not {a: bc}', () => {
    expect(labelSetFingerprint({ ab: 'c' })).not.toBe(labelSetFingerprint({ a: 'bc' }));
  });
});
