/**
 * Official regional keys (AGS 8 digits, ARS 12 digits) are strings: leading zeros matter. Spreadsheets
 * turn `01001` into 1001; these helpers restore the zeros for a known key length and never guess
 * between lengths.
 */
export const AGS_LENGTHS = {
  land: 2,
  regierungsbezirk: 3,
  kreis: 5,
  gemeindeverband: 9,
  gemeinde: 8,
  ars: 12,
} as const;

/** Restores leading zeros of a numeric-looking key to `length` digits; returns null if it cannot fit. */
export function padKey(raw: string | number, length: number): string | null {
  const text = String(raw).trim();
  if (!/^\d+$/.test(text)) return null;
  if (text.length > length) return null;
  return text.padStart(length, '0');
}

/** The 5-digit Kreis part of an 8-digit AGS or 12-digit ARS. */
export function kreisOf(key: string): string {
  return key.slice(0, 5);
}

/** The 2-digit Land part of any official key. */
export function landOf(key: string): string {
  return key.slice(0, 2);
}

/** The 8-digit AGS of a 12-digit ARS (Land, RB, Kreis + the last three digits). */
export function agsFromArs(ars: string): string {
  if (ars.length !== 12) return ars;
  return ars.slice(0, 5) + ars.slice(9, 12);
}

/**
 * Kreisfreie Städte appear with their 5-digit Kreis key in Kreis tables and with an 8-digit Gemeinde key
 * (Kreis key + `000`) in Gemeinde tables. Mapping between them is explicit: the caller names the Kreis
 * keys that are kreisfrei (from the area data), and only those map.
 */
export function kreisfreieStadtToGemeinde(
  kreisKey: string,
  kreisfreieStaedte: ReadonlyMap<string, string>,
): string | null {
  return kreisfreieStaedte.get(kreisKey) ?? null;
}

/**
 * Builds the explicit map Kreis key → the single Gemeinde key of each Kreis that has exactly one
 * Gemeinde (the kreisfreien Städte, and Berlin/Hamburg). Kreise with several Gemeinden are not in it.
 */
export function singleGemeindeKreise(gemeindeKeys: Iterable<string>): Map<string, string> {
  const byKreis = new Map<string, string[]>();
  for (const key of gemeindeKeys) {
    const list = byKreis.get(kreisOf(key)) ?? [];
    list.push(key);
    byKreis.set(kreisOf(key), list);
  }
  const result = new Map<string, string>();
  for (const [kreis, keys] of byKreis) if (keys.length === 1) result.set(kreis, keys[0]!);
  return result;
}
