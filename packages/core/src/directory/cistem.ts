/**
 * CISTEM, the German stemmer of Weissweiler & Fraser (2017, "Developing a Stemmer for German Based on
 * a Comparative Analysis of Publicly Available Stemmers", GSCL), in its case-insensitive form: it
 * strips the endings -em -er -nd -t -e -s -n one at a time while the word is long enough, after
 * protecting "sch", "ei", "ie" and doubled letters from being cut apart. It merges inflected forms
 * (Pflegeheime → pflegeheim) and, deliberately, some derivations.
 */
export function stemGerman(word: string): string {
  if (word.length === 0) return word;
  let w = word.toLowerCase().replace(/ü/g, 'u').replace(/ö/g, 'o').replace(/ä/g, 'a').replace(/ß/g, 'ss');
  w = w.replace(/^ge(.{4,})/, '$1');
  w = w.replace(/sch/g, '$').replace(/ei/g, '%').replace(/ie/g, '&');
  w = w.replace(/(.)\1/g, '$1*');
  w = stripEndings(w);
  return w.replace(/(.)\*/g, '$1$1').replace(/%/g, 'ei').replace(/&/g, 'ie').replace(/\$/g, 'sch');
}

function stripEndings(word: string): string {
  let w = word;
  while (w.length > 3) {
    if (w.length > 5) {
      if (/e[mr]$/.test(w)) {
        w = w.slice(0, -2);
        continue;
      }
      if (w.endsWith('nd')) {
        w = w.slice(0, -2);
        continue;
      }
    }
    if (/[esnt]$/.test(w)) {
      w = w.slice(0, -1);
      continue;
    }
    break;
  }
  return w;
}
