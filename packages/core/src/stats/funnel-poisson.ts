/**
 * Poisson control limits for ratio and rate funnels, reproducing the Excel macro that PHE ported to R
 * (PHEindicatormethods poisson_cis / poisson_funnel): bisection on v ∈ (0, 1) with the mean
 * z = (1 + obs)·v/(1 − v), stopped once the step is below 1e-7. The result is that bisection's
 * value, not the exact quantile — reproduced step by step so the published funnels match.
 */

/** P(a <= K <= b) for K ~ Poisson(z), summed from k = 0 with rescaling against overflow. */
export function poissonBetween(z: number, a: number, b: number): number {
  let q = 1;
  let total = 0;
  let s = 0;
  let k = 0;
  while (k <= z || q > total * 1e-10) {
    total += q;
    if (k >= a && k <= b) s += q;
    if (total > 1e30) {
      s /= 1e30;
      total /= 1e30;
      q /= 1e30;
    }
    k += 1;
    q = (q * z) / k;
  }
  return s / total;
}

/**
 * The Poisson mean at which `obs` sits on the funnel: side 'low' finds the mean whose upper tail
 * from obs has probability p, side 'high' the mean whose lower tail up to obs has probability p.
 */
export function poissonFunnel(obs: number, p: number, side: 'low' | 'high'): number {
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const z = ((1 + obs) * v) / (1 - v);
    const tooHigh = side === 'low' ? poissonBetween(z, obs, 1e10) > p : poissonBetween(z, 0, obs) < p;
    v += tooHigh ? -dv : dv;
  }
  return ((1 + obs) * v) / (1 - v);
}
