/**
 * Brent–Dekker root finding on a bracketing interval: as safe as bisection, usually as fast as the
 * secant method. Used to invert distribution functions whose quantile has no closed form.
 */

/** Returns x in [lo, hi] with f(x) ≈ 0; f(lo) and f(hi) must differ in sign (or one be zero). */
export function findRoot(f: (x: number) => number, lo: number, hi: number, absoluteTolerance = 0): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) throw new RangeError(`root not bracketed in [${lo}, ${hi}]`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < 500; i++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    // Stop at two ulps of b: the functions we invert are not more accurate than that.
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * absoluteTolerance;
    const half = (c - b) / 2;
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const step = interpolationStep(a, b, c, fa, fb, fc, half);
      if (2 * step.p < Math.min(3 * half * step.q - Math.abs(tolerance * step.q), Math.abs(e * step.q))) {
        e = d;
        d = step.p / step.q;
      } else {
        d = half;
        e = half;
      }
    } else {
      d = half;
      e = half;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return b;
}

/** Secant step when only two points are distinct, inverse quadratic interpolation otherwise; q > 0. */
function interpolationStep(
  a: number,
  b: number,
  c: number,
  fa: number,
  fb: number,
  fc: number,
  half: number,
) {
  const s = fb / fa;
  let p: number;
  let q: number;
  if (a === c) {
    p = 2 * half * s;
    q = 1 - s;
  } else {
    const qa = fa / fc;
    const r = fb / fc;
    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
    q = (qa - 1) * (r - 1) * (s - 1);
  }
  return p > 0 ? { p, q: -q } : { p: -p, q };
}
