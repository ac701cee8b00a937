import { describe, expect, it } from 'vitest';
import { seededRandom } from '../explore-source.js';
import { invertInPlace } from './ease.js';

describe('invertInPlace', () => {
  it('inverts a symmetric positive definite matrix', () => {
    const n = 40;
    const random = seededRandom(2);
    const x = Array.from({ length: 60 * n }, () => (random() < 0.3 ? 1 : 0));
    const a = new Float64Array(n * n);
    for (let u = 0; u < 60; u += 1) for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) a[i * n + j]! += x[u * n + i]! * x[u * n + j]!;
    for (let i = 0; i < n; i += 1) a[i * n + i]! += 3;
    const inverse = Float64Array.from(a);
    invertInPlace(inverse, n);
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        let sum = 0;
        for (let k = 0; k < n; k += 1) sum += a[i * n + k]! * inverse[k * n + j]!;
        expect(sum).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
  });
});
