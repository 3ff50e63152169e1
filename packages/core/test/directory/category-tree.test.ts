import { describe, expect, it } from 'vitest';
import {
  CategoryLookup,
  DomainError,
  parseCategoryTree,
  parseSynonyms,
  SynonymMatcher,
  tokenizeText,
} from '../../src/index.ts';
import { defaultConfig } from './entries.ts';

describe('category tree', () => {
  it('the shipped tree has the care, children/youth/family and counselling fields, each named in German and English', () => {
    const { categories, targetGroups } = defaultConfig().categories;
    const ids = categories.map((c) => c.id);
    for (const id of [
      'care-counselling',
      'care-encounter',
      'care-housing',
      'care-outpatient',
      'care-day',
      'care-short-term',
      'care-inpatient',
      'care-end-of-life',
      'kita',
      'youth-centre',
      'family-centre',
      'early-help',
      'parenting-counselling',
      'debt-counselling',
      'addiction-counselling',
      'migration-counselling',
      'disability-counselling',
    ])
      expect(ids).toContain(id);
    for (const c of categories) expect(c.nameEn, c.id).toEqual(expect.any(String));
    expect(targetGroups.map((g) => g.id)).toContain('seniors');
  });

  it('flattens parents before children and finds ancestors and descendants', () => {
    const lookup = new CategoryLookup(defaultConfig().categories);
    expect(lookup.get('kita')).toMatchObject({
      parentId: 'children-youth-family',
      depth: 1,
      lifePhases: ['childhood'],
    });
    expect(lookup.selfAndAncestors('care-inpatient')).toEqual(['care-inpatient', 'care']);
    expect(lookup.selfAndDescendants('care')).toHaveLength(9);
    expect(lookup.selfAndAncestors('unknown')).toEqual(['unknown']);
    expect(() => lookup.require('pflege')).toThrow(
      /No category "pflege". Known categories: care, care-counselling/,
    );
  });

  it('refuses duplicate or malformed ids, unknown options and life phases, naming the path', () => {
    const bad = (raw: unknown) => () => parseCategoryTree(raw);
    expect(
      bad({
        categories: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      }),
    ).toThrow('categories[1].id: id "a" is given twice');
    expect(bad({ categories: [{ id: 'A b', name: 'A' }] })).toThrow(
      /categories\[0\]\.id must be a lower-case id/,
    );
    expect(bad({ categories: [{ id: 'a', name: 'A', children: [{ id: 'b', nme: 'B' }] }] })).toThrow(
      /categories\[0\]\.children\[0\]\.nme is not an option/,
    );
    expect(bad({ categories: [{ id: 'a', name: 'A', lifePhases: ['old'] }] })).toThrow(
      /categories\[0\]\.lifePhases\[0\] must be one of childhood/,
    );
    expect(bad({ categories: [] })).toThrow(DomainError);
  });
});

describe('synonyms', () => {
  const matcher = new SynonymMatcher(
    parseSynonyms({
      synonyms: [
        ['Pflegeheim', 'Seniorenheim', 'vollstationäre Pflege'],
        ['Kita', 'Kindergarten'],
      ],
    }),
  );
  const groups = (text: string) => [
    ...new Set([
      ...tokenizeText(text).flatMap((t) => matcher.groupsOfStem(t.stem)),
      ...matcher.phrasesIn(tokenizeText(text)).map((p) => p.group),
    ]),
  ];

  it('finds groups by word form, by compound tail and by phrase', () => {
    expect(groups('Pflegeheime in Spandau')).toEqual([0]);
    expect(groups('Altenpflegeheim')).toEqual([0]);
    expect(groups('Einrichtung der vollstationären Pflege')).toEqual([0]);
    expect(groups('Pflege zu Hause')).toEqual([]);
    expect(groups('Waldkindergarten und Kita')).toEqual([1]);
  });

  it('reads a group written as one comma-separated line like a list', () => {
    expect(parseSynonyms({ synonyms: ['Kita, Kindergarten ,Krippe'] })).toEqual({
      groups: [['Kita', 'Kindergarten', 'Krippe']],
    });
  });

  it('refuses groups of one and stopword-only terms', () => {
    expect(() => parseSynonyms({ synonyms: [['Kita']] })).toThrow(
      /synonyms\[0\] must be a list of at least 2/,
    );
    expect(() => parseSynonyms({ synonyms: [['Kita', 'die']] })).toThrow(/synonyms\[0\]\[1\] must be a word/);
  });
});
