import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, normalizeText, stemGerman, tokenizeText } from '../../src/index.ts';

describe('CISTEM stemmer', () => {
  it('gives the published stems (case-insensitive variant, as in the reference implementation)', () => {
    expect(stemGerman('Speicherbehältern')).toBe('speicherbehal');
    expect(stemGerman('Grenzpostens')).toBe('grenzpo');
    expect(stemGerman('Ausgefeiltere')).toBe('ausgefeil');
  });

  it('merges the word forms a directory search meets', () => {
    expect(stemGerman('Pflegeheime')).toBe(stemGerman('Pflegeheim'));
    expect(stemGerman('Kindergärten')).toBe(stemGerman('Kindergarten'));
    expect(stemGerman('Beratungsstellen')).toBe(stemGerman('Beratungsstelle'));
    expect(stemGerman('Straße')).toBe(stemGerman('Strasse'));
  });

  it('keeps doubled letters, "sch", "ei" and "ie" whole', () => {
    expect(stemGerman('Schulen')).toBe('schul');
    expect(stemGerman('Kinderkrippe')).toBe('kinderkripp');
    expect(stemGerman('Seniorenheim')).toBe('seniorenheim');
  });
});

describe('text normalisation', () => {
  it('folds case, umlauts, ß, accents and consonant + ae/oe/ue, but not "que" or "eue"', () => {
    expect(normalizeText('Straße MÜNCHEN Muenchen Café')).toBe('strasse munchen munchen cafe');
    expect(normalizeText('Quelle Feuer Steuer')).toBe('quelle feuer steuer');
  });

  it('splits into tokens without stopwords, keeping numbers and joining hyphenated compounds', () => {
    const tokens = tokenizeText('Senioren-Residenz in der Albrechtstr. 20, 10117 Berlin');
    expect(tokens.map((t) => [t.surface, t.position, t.length])).toEqual([
      ['seniorenresidenz', 0, 2],
      ['senioren', 0, 1],
      ['residenz', 1, 1],
      ['albrechtstrasse', 2, 1],
      ['20', 3, 1],
      ['10117', 4, 1],
      ['berlin', 5, 1],
    ]);
    expect(tokenizeText('die und der')).toEqual([]);
  });
});

describe('Damerau–Levenshtein distance', () => {
  it('counts a transposition of neighbours as one edit', () => {
    expect(editDistance('pflegeheim', 'pflegehiem', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('stops early beyond the bound and reports bound + 1', () => {
    expect(editDistance('kindergarten', 'jugendzentrum', 2)).toBe(3);
    expect(editDistance('ab', 'abcdef', 2)).toBe(3);
  });

  it('allows no typo below 4 letters, 1 up to 7, 2 from 8', () => {
    expect([3, 4, 7, 8, 20].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});
