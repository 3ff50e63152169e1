import { issue } from '@lagebild/core';
import type { ImportIssue } from '@lagebild/core';
import type { TableMapping } from './mapping.schema.ts';

/**
 * Turns the area cell of a row into the key of the target level: trim, apply an explicit `rename`
 * (classic GENESIS Kreis tables list Hamburg and Berlin only as Länder `02`/`11`, never as Kreise
 * `02000`/`11000`), restore leading zeros (`pad`),
 * drop rows whose key the mapping does not `keep` (totals such as DG or the Länder in a Kreis table),
 * and, only when asked, map a kreisfreie Stadt's 5-digit key to its Gemeinde key via an explicit map.
 */
export type AreaKeyResult =
  { kind: 'key'; key: string } | { kind: 'skip' } | { kind: 'error'; issue: ImportIssue };

export interface AreaKeyContext {
  file: string;
  column: string;
  kreisfreieStaedte?: ReadonlyMap<string, string>;
}

export type AreaKeyResolver = (raw: string, line: number) => AreaKeyResult;

export function areaKeyResolver(area: TableMapping['area'], context: AreaKeyContext): AreaKeyResolver {
  const keep = area.keep === undefined ? null : new RegExp(area.keep);
  // A Map, not the parsed object: a cell reading `constructor` must not find Object.prototype members.
  const rename = new Map(Object.entries(area.rename ?? {}));
  return (raw, line) => {
    const trimmed = raw.trim();
    const renamed = rename.get(trimmed);
    const padded = renamed ?? (area.pad === undefined ? trimmed : restoreLeadingZero(trimmed, area.pad));
    // `keep` is tested on the padded key; a key that cannot be padded is still skipped if `keep` rejects it.
    if (keep && !keep.test(padded ?? trimmed)) return { kind: 'skip' };
    if (padded === null || padded === '') {
      return { kind: 'error', issue: badKey(trimmed, line, area.pad, context) };
    }
    if (area.kreisfreiToGemeinde && /^\d{5}$/.test(padded)) return toGemeinde(padded, line, context);
    return { kind: 'key', key: padded };
  };
}

/**
 * Spreadsheets drop the leading zero of keys in Länder 01–09 (`01001` → 1001). No official key
 * (AGS, ARS, LOR) starts with `00`, so we restore at most one zero: padding the Land key `1` to
 * `00001` would turn a Land total into a bogus Kreis. Returns null when the key cannot be restored.
 */
export function restoreLeadingZero(key: string, length: number): string | null {
  if (!/^\d+$/.test(key)) return null;
  if (key.length === length) return key;
  return key.length === length - 1 ? `0${key}` : null;
}

function toGemeinde(kreisKey: string, line: number, context: AreaKeyContext): AreaKeyResult {
  const gemeinde = context.kreisfreieStaedte?.get(kreisKey);
  if (gemeinde !== undefined) return { kind: 'key', key: gemeinde };
  return {
    kind: 'error',
    issue: issue({
      code: 'AmbiguousKey',
      file: context.file,
      row: line,
      column: context.column,
      expected: 'an 8-digit Gemeinde key, or the 5-digit key of a Kreis with exactly one Gemeinde',
      found: kreisKey,
      message: `${context.file}, row ${line}, column "${context.column}": Kreis key ${kreisKey} names no single Gemeinde (it is not a kreisfreie Stadt in the Gemeinde areas), so it cannot be mapped to level gemeinde`,
    }),
  };
}

function badKey(found: string, line: number, pad: number | undefined, context: AreaKeyContext): ImportIssue {
  const expected = pad === undefined ? 'an area key' : `${pad}-digit key`;
  return issue({
    code: 'UnknownArea',
    file: context.file,
    row: line,
    column: context.column,
    expected,
    found,
    message: `${context.file}, row ${line}, column "${context.column}": expected ${expected}, found "${found}"`,
  });
}
