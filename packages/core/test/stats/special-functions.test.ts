import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  findRoot,
  gammaQuantile,
  logGamma,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
} from '../../src/stats/index.ts';

// Reference values from standard tables, checked with 40-digit arithmetic (mpmath).
const close = (actual: number, expected: number, relative = 1e-13) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(relative);

describe('normalQuantile (AS 241)', () => {
  it('gives the familiar deviates', () => {
    close(normalQuantile(0.975), 1.959963984540054);
    close(normalQuantile(0.999), 3.090232306167813);
    close(normalQuantile(0.9), 1.2815515655446004);
    close(normalQuantile(1e-10), -6.361340902404056);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is antisymmetric and handles the ends', () => {
    close(normalQuantile(0.025), -normalQuantile(0.975), 1e-15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('gamma functions', () => {
  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)));
    close(logGamma(10), Math.log(362880));
    close(logGamma(0.1), 2.252712651734206);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
  });

  it('P and Q are complementary; P(1, x) = 1 − e^−x', () => {
    close(regularizedGammaP(1, 2), 1 - Math.exp(-2));
    close(regularizedGammaQ(1, 30), Math.exp(-30));
    close(regularizedGammaP(5, 3) + regularizedGammaQ(5, 3), 1, 1e-15);
  });

  it('chi-square quantiles match the tables', () => {
    close(chiSquareQuantile(0.95, 1), 3.841458820694124);
    close(chiSquareQuantile(0.025, 10), 3.2469727802368413);
    close(chiSquareQuantile(0.999, 4), 18.46682695290317);
    close(chiSquareQuantile(0.001, 2), 0.002001000667167067);
    close(gammaQuantile(0.5, 1), Math.LN2);
  });
});

describe('Student t', () => {
  it('quantiles match the tables', () => {
    close(studentTQuantile(0.975, 7), 2.3646242515927853);
    close(studentTQuantile(0.001, 7), -4.785289628638334);
    close(studentTQuantile(0.999, 1), 318.30883898555015);
    close(studentTQuantile(0.975, 17), 2.1098155778333165);
  });

  it('the cdf inverts the quantile', () => {
    close(studentTCdf(studentTQuantile(0.3, 2.5), 2.5), 0.3, 1e-12);
    close(regularizedBeta(0.5, 2, 2), 0.5);
  });
});

describe('findRoot', () => {
  it('finds √2 and refuses an unbracketed interval', () => {
    close(
      findRoot((x) => x * x - 2, 0, 2),
      Math.SQRT2,
      1e-15,
    );
    expect(() => findRoot((x) => x * x + 1, 0, 2)).toThrow(/not bracketed/);
  });
});
