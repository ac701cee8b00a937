import { describe, expect, it } from 'vitest';
import { betaProbabilityAbove, logGamma, regularizedIncompleteBeta } from './beta-distribution.js';

// Reference values from SciPy (scipy.special.betainc, scipy.stats.beta.sf, gammaln)
// and from closed forms.

describe('beta distribution', () => {
  it('computes ln Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 12);
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 9);
  });

  it('matches closed forms', () => {
    for (const x of [0.01, 0.3, 0.77]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 12);
      expect(regularizedIncompleteBeta(x, 3, 1)).toBeCloseTo(x ** 3, 12);
      expect(regularizedIncompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 12);
    }
    // I_p(k, n−k+1) = P(Binomial(n, p) ≥ k): P(Bin(4, 0.4) ≥ 3) = 4·0.4³·0.6 + 0.4⁴.
    expect(regularizedIncompleteBeta(0.4, 3, 2)).toBeCloseTo(0.1792, 12);
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 12);
  });

  it('matches SciPy, including the large parameters of well-shown notes', () => {
    expect(regularizedIncompleteBeta(0.2, 0.5, 0.5)).toBeCloseTo(0.2951672353008665, 10);
    expect(regularizedIncompleteBeta(0.3, 5, 10)).toBeCloseTo(0.4157988137806496, 10);
    expect(regularizedIncompleteBeta(0.05, 52.5, 947.5)).toBeCloseTo(0.3754846908334039, 9);
    expect(regularizedIncompleteBeta(0.21, 200, 800)).toBeCloseTo(0.7871542546146505, 9);
    expect(betaProbabilityAbove(0.12, 32.5, 217.5)).toBeCloseTo(0.6677676364956996, 9);
  });

  it('is a distribution function: 0 and 1 at the ends, symmetric, increasing', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.3, 4, 9)).toBeCloseTo(1 - regularizedIncompleteBeta(0.7, 9, 4), 12);
    let previous = 0;
    for (let x = 0.05; x < 1; x += 0.05) {
      const value = regularizedIncompleteBeta(x, 7.5, 42.5);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
  });
});
