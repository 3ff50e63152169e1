/**
 * Commercial rounding ("kaufmännisches Runden", half away from zero), as German official statistics
 * publish: 2.45 → 2.5, -2.45 → -2.5. `toPrecision(15)` first strips binary noise, so 1.005 rounds to
 * 1.01 rather than 1.00 (1.005 * 100 is 100.49999999999999 in floating point).
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  // `+ 0` turns -0 into 0.
  return (Math.sign(value) * Math.round(scaled)) / factor + 0;
}
