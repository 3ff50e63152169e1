import { confidenceLevel } from './confidence.ts';
import { gammaQuantile } from './special/chi-square.ts';

/**
 * Exact (Garwood) Poisson limits for an observed count x: the chi-square quantiles
 * χ²((1−c)/2; 2x)/2 and χ²(c + (1−c)/2; 2x+2)/2 used by PHEindicatormethods, computed as gamma
 * quantiles (χ²(p; 2k)/2 is the p-quantile of Gamma(k, 1)). Accuracy ~1e-14 relative for small x.
 */

export function exactPoissonLower(x: number, confidence = 0.95): number {
  const c = confidenceLevel(confidence);
  return x === 0 ? 0 : gammaQuantile((1 - c) / 2, x);
}

export function exactPoissonUpper(x: number, confidence = 0.95): number {
  const c = confidenceLevel(confidence);
  return gammaQuantile(c + (1 - c) / 2, x + 1);
}
