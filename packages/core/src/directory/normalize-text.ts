import { stemGerman } from './cistem.ts';

/**
 * Text normalisation for search: lower case, umlauts and ß folded (ä → a, ß → ss), other accents
 * dropped (é → e), and the transliterations ae/oe/ue after a consonant folded too, so "Strasse" finds
 * "Straße" and "Muenchen" finds "München". Documents and queries go through the same function, so a
 * folding that merges two words (rarely) only widens a search, never narrows it.
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([b-df-hj-np-tv-z])([aou])e/g, (whole, consonant: string, vowel: string) =>
      // "que" (Quelle, Boutique) is not a transliteration.
      consonant === 'q' ? whole : consonant + vowel,
    );
}

/** Words that carry no meaning in a directory search (after normalisation). */
const STOPWORDS = new Set([
  'am',
  'an',
  'auf',
  'aus',
  'bei',
  'das',
  'dem',
  'den',
  'der',
  'des',
  'die',
  'ein',
  'eine',
  'einem',
  'einen',
  'einer',
  'eines',
  'fur',
  'im',
  'in',
  'ins',
  'mit',
  'nach',
  'oder',
  'und',
  'uber',
  'vom',
  'von',
  'zu',
  'zum',
  'zur',
  'and',
  'for',
  'of',
  'the',
]);

export interface TextToken {
  /** The normalised word as written. */
  surface: string;
  /** Its stem (CISTEM); numbers stay as they are. */
  stem: string;
  /** Position in the text, for phrase matching. */
  position: number;
  /** Positions the token covers: more than 1 for the joined form of a hyphenated compound. */
  length: number;
}

/**
 * Splits text into normalised, stemmed tokens without stopwords. A hyphenated compound
 * ("Senioren-Residenz") also yields the joined word, so both spellings find it; one-letter words are
 * dropped unless they are digits.
 */
export function tokenizeText(text: string, stem: (word: string) => string = stemGerman): TextToken[] {
  const tokens: TextToken[] = [];
  let position = 0;
  const make = (word: string, at: number, length: number): TextToken => {
    const surface = expandAbbreviation(word);
    return { surface, stem: /\d/.test(surface) ? surface : stem(surface), position: at, length };
  };
  for (const chunk of normalizeText(text).split(/[^a-z0-9-]+/)) {
    const parts = chunk.split('-').filter((p) => !STOPWORDS.has(p) && (p.length >= 2 || /\d/.test(p)));
    if (parts.length > 1 && !/\d/.test(chunk)) tokens.push(make(parts.join(''), position, parts.length));
    for (const part of parts) tokens.push(make(part, position++, 1));
  }
  return tokens;
}

/** Addresses abbreviate "Straße" ("Albrechtstr.", "Str. des 17. Juni"); no German word ends in "str". */
function expandAbbreviation(word: string): string {
  return word.endsWith('str') ? `${word}asse` : word;
}
