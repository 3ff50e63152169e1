import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  classOnLevel,
  indicatorAccessOnLevel,
  indicatorVisible,
  withinScopes,
  type AreaScope,
  type DataClassAssignment,
  type Principal,
  type Role,
} from '../../src/access/index.ts';
import { levelHierarchies } from '../../src/disclosure/index.ts';

const user = (roles: Role[], patch: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  organisationId: 'kreis',
  roles,
  topics: [],
  areas: [],
  ...patch,
});
const cases = { id: 'hze_faelle', confidentiality: 'public' as const, topic: 'Jugendhilfe' };
const assign = (patch: Partial<DataClassAssignment>): DataClassAssignment => ({
  indicatorId: 'hze_faelle',
  levelId: null,
  confidentiality: 'internal',
  organisationId: null,
  ...patch,
});

describe('data classes per indicator and level', () => {
  it('takes the level assignment before the indicator-wide one before the catalogue class', () => {
    const assignments = [
      assign({ levelId: 'kreis', confidentiality: 'public' }),
      assign({ confidentiality: 'confidential' }),
      assign({ indicatorId: 'other', levelId: 'gemeinde', confidentiality: 'internal' }),
    ];
    expect(classOnLevel(cases, 'kreis', assignments).confidentiality).toBe('public');
    expect(classOnLevel(cases, 'gemeinde', assignments).confidentiality).toBe('confidential');
    expect(classOnLevel(cases, 'gemeinde', []).confidentiality).toBe('public');
  });

  it('shows the public a Kreis figure whose Gemeinde values are internal, and nothing confidential', () => {
    const assignments = [
      assign({ confidentiality: 'internal' }),
      assign({ levelId: 'kreis', confidentiality: 'public' }),
    ];
    expect(indicatorAccessOnLevel(ANONYMOUS, cases, 'kreis', assignments)).toEqual({ kind: 'all' });
    expect(indicatorAccessOnLevel(ANONYMOUS, cases, 'gemeinde', assignments)).toEqual({ kind: 'none' });
    expect(indicatorVisible(ANONYMOUS, cases, ['gemeinde', 'kreis'], assignments)).toBe(true);
    expect(indicatorVisible(ANONYMOUS, cases, ['gemeinde'], assignments)).toBe(false);
    expect(indicatorAccessOnLevel(user(['planner']), cases, 'gemeinde', assignments)).toEqual({
      kind: 'all',
    });
  });

  it('limits data scoped to an organisation to its members, the administration and the statistics office', () => {
    const assignments = [assign({ organisationId: 'jugendamt' })];
    expect(indicatorAccessOnLevel(user(['planner']), cases, 'kreis', assignments).kind).toBe('none');
    expect(
      indicatorAccessOnLevel(user(['planner'], { organisationId: 'jugendamt' }), cases, 'kreis', assignments)
        .kind,
    ).toBe('all');
    expect(indicatorAccessOnLevel(user(['statistikstelle']), cases, 'kreis', assignments).kind).toBe('all');
    // Public data stays public whatever organisation it belongs to.
    const published = [assign({ organisationId: 'jugendamt', confidentiality: 'public' })];
    expect(indicatorAccessOnLevel(ANONYMOUS, cases, 'kreis', published).kind).toBe('all');
  });
});

describe('area scopes', () => {
  const parents = new Map<string, AreaScope>([
    ['sozialraum:SR1', { levelId: 'gemeinde', key: 'G1' }],
    ['gemeinde:G1', { levelId: 'kreis', key: 'K' }],
    ['gemeinde:G2', { levelId: 'kreis', key: 'K' }],
  ]);
  const parentOf = (levelId: string, key: string) => parents.get(`${levelId}:${key}`) ?? null;
  const own = [{ levelId: 'gemeinde', key: 'G1' }];

  it('holds the own Gemeinde and its quarters, not the neighbour nor the Kreis', () => {
    expect(withinScopes({ levelId: 'gemeinde', key: 'G1' }, own, parentOf)).toBe(true);
    expect(withinScopes({ levelId: 'sozialraum', key: 'SR1' }, own, parentOf)).toBe(true);
    expect(withinScopes({ levelId: 'gemeinde', key: 'G2' }, own, parentOf)).toBe(false);
    expect(withinScopes({ levelId: 'kreis', key: 'K' }, own, parentOf)).toBe(false);
    expect(withinScopes({ levelId: 'gemeinde', key: 'G1' }, [], parentOf)).toBe(false);
  });

  it('ends on a cycle in bad data', () => {
    const loop = (levelId: string) => ({ levelId: levelId === 'a' ? 'b' : 'a', key: 'x' });
    expect(withinScopes({ levelId: 'a', key: 'x' }, own, loop)).toBe(false);
  });
});

describe('level hierarchies for disclosure control', () => {
  it('builds one complete chain per finest level, skipping levels that neither nest nor contain', () => {
    const levels = [
      { id: 'land', parentLevelId: null },
      { id: 'bezirk', parentLevelId: 'land' },
      { id: 'bzr', parentLevelId: 'bezirk' },
      { id: 'plr', parentLevelId: 'bzr' },
      { id: 'prognoseraum', parentLevelId: 'bezirk' },
      { id: 'lonely', parentLevelId: null },
    ];
    const areas = [
      { levelId: 'plr', key: 'p1', parentKey: 'r1' },
      { levelId: 'bzr', key: 'r1', parentKey: 'b1' },
      { levelId: 'prognoseraum', key: 'g1', parentKey: 'b1' },
      { levelId: 'bezirk', key: 'b1', parentKey: 'be' },
      { levelId: 'land', key: 'be', parentKey: null },
    ];
    const hierarchies = levelHierarchies(levels, areas);
    expect(hierarchies.map((h) => [h.id, h.complete])).toEqual([
      ['plr>bzr>bezirk>land', true],
      ['prognoseraum>bezirk>land', true],
    ]);
    expect(hierarchies[0]!.parentOf[0]!.get('p1')).toBe('r1');
    expect(hierarchies[1]!.parentOf[0]!.get('g1')).toBe('b1');
  });
});
