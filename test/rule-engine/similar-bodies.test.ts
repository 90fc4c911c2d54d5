import { describe, expect, test } from 'vitest';
import { sketchTokens } from '../../src/indexer/extract/body-sketch.js';
import { findSimilarBodies } from '../../src/rule-engine/similar-bodies.js';

/** A pseudo-random body of `length` tokens drawn from a small vocabulary (like real code). */
function randomBody(seed: number, length: number): string[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return `t${state % 97}`;
  });
}

describe('near-duplicate candidates by LSH', () => {
  test('among 5,000 bodies, the one planted near-copy is found quickly, and nothing else', () => {
    const bodies = Array.from({ length: 5000 }, (_, index) => randomBody(index + 1, 120));
    const original = bodies[10];
    bodies[4321] = [...original.slice(0, 60), 'extra', 'statement', 'here', ...original.slice(60)];
    const sketched = bodies.map((tokens, index) => ({ sketch: sketchTokens(tokens), hash: `h${index}`, file: `f${index}.ts` }));
    const started = performance.now();
    const pairs = findSimilarBodies(sketched, 0.85);
    // All pairs would be 12.5 million comparisons; only pairs sharing a band are compared (bound generous for a busy machine).
    expect(performance.now() - started).toBeLessThan(5000);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([[10, 4321]]);
    expect(pairs[0].similarity).toBeGreaterThan(0.85);
  }, 60_000);

  test('copies in one file, or with the same exact hash, are not near-copies of each other', () => {
    const tokens = randomBody(7, 100);
    const sketch = sketchTokens(tokens);
    expect(findSimilarBodies([{ sketch, hash: 'a', file: 'x.ts' }, { sketch, hash: 'b', file: 'x.ts' }], 0.85)).toEqual([]);
    expect(findSimilarBodies([{ sketch, hash: 'a', file: 'x.ts' }, { sketch, hash: 'a', file: 'y.ts' }], 0.85)).toEqual([]);
  });
});
