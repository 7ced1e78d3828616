import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MappingRule, mapAlert, specificity, validateMappingRules } from './mapping.js';
import { type MatchableEvent, type Matcher, matcherErrors, matches } from './matchers.js';

const event = (over: Partial<MatchableEvent> = {}): MatchableEvent => ({
  source: 'alertmanager',
  severity: 'critical',
  labels: { alertname: 'HostDown', customer: 'acme', job: 'node' },
  identity: { instance: 'web01.acme.example:9100', host: 'web01.acme.example', service: 'node' },
  ...over,
});
const m = (field: string, op: Matcher['op'], value: string, ignoreCase?: boolean): Matcher =>
  ignoreCase === undefined ? { field, op, value } : { field, op, value, ignoreCase };

describe('matchers', () => {
  // biome-ignore format: one case per line reads as a table
  const rows: [Matcher, boolean][] = [
    [m('host', '=', 'web01.acme.example'), true],
    [m('host', '=', 'WEB01.acme.example'), false],
    [m('host', '=', 'WEB01.acme.example', true), true],
    [m('host', '!=', 'db01'), true],
    [m('host', '=~', 'web\\d+\\.acme\\.example'), true],
    [m('host', '=~', 'web'), false], // anchored: the whole value must match
    [m('host', '=~', 'WEB.*', true), true],
    [m('host', '!~', '.*\\.other\\.example'), true],
    [m('labels.customer', '=', 'acme'), true],
    [m('labels.team', '=', ''), true], // a missing label reads as ''
    [m('labels.team', '!=', ''), false],
    [m('labels.customer', '!=', ''), true],
    [m('monitor', '=', ''), true],
    [m('source', '=', 'alertmanager'), true],
    [m('severity', '=~', 'critical|high'), true],
    [m('service', '=', 'node'), true],
  ];
  it.each(rows)('%j → %s', (matcher, expected) => {
    expect(matches(matcher, event())).toBe(expected);
  });

  it('a severity of null reads as empty', () => {
    expect(matches(m('severity', '=', ''), event({ severity: null }))).toBe(true);
  });

  // biome-ignore format: one case per line reads as a table
  const bad: [unknown, string[]][] = [
    ['x', ['m']],
    [[null], ['m[0]']],
    [[m('hostname', '=', 'x')], ['m[0].field']],
    [[m('labels.', '=', 'x')], ['m[0].field']],
    [[{ field: 'host', op: '==', value: 'x' }], ['m[0].op']],
    [[{ field: 'host', op: '=', value: 5 }], ['m[0].value']],
    [[m('host', '=~', '(')], ['m[0].value']],
    [[m('host', '=~', 'a'.repeat(1001))], ['m[0].value']],
    [[{ ...m('host', '=', 'x'), ignoreCase: 'yes' }], ['m[0].ignoreCase']],
    [[m('host', '=', '('), m('labels.a-b', '!~', '.*')], []],
  ];
  it.each(bad)('problems of %j', (matchers, fields) => {
    const errors = matcherErrors(matchers, 'm');
    expect(errors.map((e) => e.field)).toEqual(fields);
    for (const e of errors) expect(e.code).toBe('INVALID_MATCHER');
  });
});

const rule = (
  id: string,
  matchers: Matcher[],
  clientId = 'acme',
  assetId: string | null = null,
): MappingRule => ({
  id,
  clientId,
  assetId,
  matchers,
});

describe('mapping: the most specific rule wins', () => {
  const clientPattern = rule('acme-domain', [m('host', '=~', '.*\\.acme\\.example')]);
  const assetExact = rule('web01', [m('host', '=', 'web01.acme.example')], 'acme', 'asset-web01');
  const byLabel = rule('label', [m('labels.customer', '=', 'acme')], 'acme-labels');
  const twoExact = rule('two', [m('labels.customer', '=', 'acme'), m('labels.job', '=', 'node')], 'acme-two');
  const negOnly = rule('neg', [m('labels.customer', '!=', '')], 'anyone');

  // biome-ignore format: one case per line reads as a table
  const rows: [string, MappingRule[], MatchableEvent, string | null][] = [
    ['an exact asset rule beats a client pattern listed before it', [clientPattern, assetExact], event(), 'web01'],
    ['and after it', [assetExact, clientPattern], event(), 'web01'],
    ['a pattern alone', [clientPattern], event(), 'acme-domain'],
    ['two exact matchers beat one', [assetExact, twoExact], event(), 'two'],
    ['equal specificity: the earlier rule', [byLabel, assetExact], event(), 'label'],
    ['equal specificity, other order', [assetExact, byLabel], event(), 'web01'],
    ['a pattern beats only negatives', [negOnly, clientPattern], event(), 'acme-domain'],
    ['negatives alone still map', [negOnly], event(), 'neg'],
    ['no rule matches', [assetExact, clientPattern], event({ identity: { host: 'db01.other.example' }, labels: {} }), null],
    ['no rules', [], event(), null],
    ['a rule without matchers never maps', [rule('empty', [])], event(), null],
  ];
  it.each(rows)('%s', (_name, rules, e, expected) => {
    const result = mapAlert(e, rules);
    if (expected === null) expect(result.kind).toBe('triage');
    else expect(result).toMatchObject({ kind: 'mapped', ruleId: expected });
  });

  it('says which rule and client, with the asset', () => {
    expect(mapAlert(event(), [clientPattern, assetExact])).toEqual({
      kind: 'mapped',
      clientId: 'acme',
      assetId: 'asset-web01',
      ruleId: 'web01',
      reason: 'mapping rule web01 (host="web01.acme.example")',
    });
  });

  it('unmatched alerts go to triage, or to the integration’s own client', () => {
    const e = event({ labels: {}, identity: {} });
    expect(mapAlert(e, [assetExact])).toEqual({
      kind: 'triage',
      reason: 'no mapping rule matched: in triage until a person maps it',
    });
    expect(mapAlert(e, [assetExact], { defaultClientId: 'solo' })).toMatchObject({
      kind: 'mapped',
      clientId: 'solo',
      assetId: null,
      ruleId: null,
    });
  });

  it.each([
    [[m('host', '=', 'a')], [1, 0, 0]],
    [[m('host', '=', '')], [0, 0, 1]],
    [
      [m('host', '=~', 'a'), m('host', '!~', 'b'), m('host', '!=', 'c')],
      [0, 1, 2],
    ],
  ])('specificity of %j', (matchers, expected) => {
    expect(specificity({ matchers })).toEqual(expected);
  });

  const aMatcher = fc.oneof(
    fc.constantFrom('web01.acme.example', 'db01.acme.example', '').map((v) => m('host', '=', v)),
    fc.constantFrom('.*', 'web.*', '.*\\.acme\\.example').map((v) => m('host', '=~', v)),
    fc.constantFrom('acme', 'other', '').map((v) => m('labels.customer', '!=', v)),
    fc.constantFrom('acme', 'other').map((v) => m('labels.customer', '=', v)),
  );
  const rules = fc
    .array(fc.array(aMatcher, { minLength: 1, maxLength: 3 }), { maxLength: 6 })
    .map((ms) => ms.map((matchers, i) => rule(`r${i}`, matchers, `c${i}`)));

  it('the winner matches, and no matching rule is more specific', () => {
    fc.assert(
      fc.property(rules, (rs) => {
        const result = mapAlert(event(), rs);
        const matching = rs.filter((r) => r.matchers.every((x) => matches(x, event())));
        if (matching.length === 0) {
          expect(result.kind).toBe('triage');
          return;
        }
        expect(result.kind).toBe('mapped');
        const winner = rs.find((r) => r.id === (result as { ruleId: string }).ruleId)!;
        expect(matching).toContain(winner);
        const score = (r: MappingRule) => specificity(r).reduce((acc, n) => acc * 100 + n, 0);
        for (const r of matching) expect(score(r)).toBeLessThanOrEqual(score(winner));
      }),
    );
  });

  it('reordering rules of different specificity changes nothing', () => {
    fc.assert(
      fc.property(rules, fc.infiniteStream(fc.nat()), (rs, seeds) => {
        const distinct = rs.filter(
          (r, i) => rs.findIndex((o) => specificity(o).join() === specificity(r).join()) === i,
        );
        const shuffled = [...distinct].sort(() => (seeds.next().value % 3) - 1);
        expect(mapAlert(event(), shuffled)).toEqual(mapAlert(event(), distinct));
      }),
    );
  });
});

describe('mapping rule validation', () => {
  it('accepts good rules', () => {
    expect(validateMappingRules([rule('a', [m('host', '=', 'x')], 'c', 'asset')])).toEqual([]);
  });

  // biome-ignore format: one case per line reads as a table
  const rows: [unknown, string[]][] = [
    ['x', ['rules']],
    [[null], ['rules[0]']],
    [[rule('', [m('host', '=', 'x')])], ['rules[0].id']],
    [[rule('a', [m('host', '=', 'x')]), rule('a', [m('host', '=', 'y')])], ['rules[1].id']],
    [[rule('a', [m('host', '=', 'x')], '')], ['rules[0].clientId']],
    [[{ ...rule('a', [m('host', '=', 'x')]), assetId: undefined }], ['rules[0].assetId']],
    [[rule('a', [])], ['rules[0].matchers']],
    [[rule('a', [m('nope', '=', 'x')])], ['rules[0].matchers[0].field']],
  ];
  it.each(rows)('problems of %j', (rules, fields) => {
    expect(validateMappingRules(rules).map((e) => e.field)).toEqual(fields);
  });
});
