import type { IndexClass, ClassInterval } from './definition.ts';
import { formatInterval } from './definition.ts';
import { DomainError } from '../domain/errors.ts';
import { invalid } from './validate.ts';

const INTERVAL = /^\s*([[(])\s*([^,]+?)\s*,\s*([^\])]+?)\s*([\])])\s*$/;

/** Reads `[−1, 1]`, `(1, 1.5]`, `(-inf, -1)`: brackets say which side each limit belongs to. */
export function parseInterval(value: unknown, path: string): ClassInterval {
  const match = typeof value === 'string' ? INTERVAL.exec(value) : null;
  const expected = 'an interval like "[-1, 1]", "(1, 1.5]" or "(-inf, -1)"';
  if (!match) throw invalid(path, expected, value);
  const lower = bound(match[2]!);
  const upper = bound(match[3]!);
  const interval = { lower, upper, lowerClosed: match[1] === '[', upperClosed: match[4] === ']' };
  const infiniteClosed =
    (interval.lowerClosed && !Number.isFinite(lower)) || (interval.upperClosed && !Number.isFinite(upper));
  if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper || infiniteClosed) {
    throw invalid(path, `${expected}, lower ≤ upper, infinite ends open`, value);
  }
  return interval;
}

function bound(raw: string): number {
  const t = raw.replace(/\s/g, '').replace('−', '-').replace('∞', 'inf');
  if (t === 'inf' || t === '+inf') return Number.POSITIVE_INFINITY;
  if (t === '-inf') return Number.NEGATIVE_INFINITY;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * Classes must cover the whole number line in order, without gaps or overlaps: each class starts
 * where the one before ends, and the shared limit belongs to exactly one of them.
 */
export function checkCoverage(classes: readonly IndexClass[], path: string): void {
  if (classes.length === 0) return;
  const fail = (i: number, expected: string) =>
    new DomainError(
      'ValidationFailed',
      `${path}[${i}].interval must ${expected}, got "${formatInterval(classes[i]!.interval)}"`,
      { path: `${path}[${i}].interval` },
    );
  if (classes[0]!.interval.lower !== Number.NEGATIVE_INFINITY) throw fail(0, 'start at -inf');
  const last = classes.length - 1;
  if (classes[last]!.interval.upper !== Number.POSITIVE_INFINITY) throw fail(last, 'end at inf');
  for (let i = 1; i < classes.length; i++) {
    const before = classes[i - 1]!.interval;
    const current = classes[i]!.interval;
    if (current.lower !== before.upper) throw fail(i, `start where ${path}[${i - 1}] ends (${before.upper})`);
    if (current.lowerClosed === before.upperClosed) {
      throw fail(
        i,
        `${before.upperClosed ? 'exclude' : 'include'} ${current.lower}, which ${path}[${i - 1}] ${before.upperClosed ? 'includes' : 'excludes'}`,
      );
    }
  }
}
