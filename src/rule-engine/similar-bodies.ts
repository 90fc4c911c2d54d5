import { decodeSketch, SKETCH_SLOTS, sketchSimilarity, sketchSizeRatio } from '../indexer/extract/body-sketch.js';

/**
 * LSH banding of the 64-slot sketch: 21 bands of 3 slots. A band's key is one number, the band
 * then its 16-bit slots: more rows per band would not fit a double's 53 bits exactly.
 */
const ROWS_PER_BAND = 3;
/**
 * A near-copy is within this size of the other: a small helper found inside a large function
 * is not a copy of it (and the overlap coefficient would call it 1).
 */
const MIN_SIZE_RATIO = 0.75;
/** A band bucket larger than this holds generated or boilerplate code: its pairs are not enumerated. */
const MAX_BUCKET = 200;

export interface SketchedBody {
  sketch: string;
  /** Copies with the same exact hash are duplicates, not near-duplicates. */
  hash: string;
  file: string;
}

/**
 * Pairs of bodies (indexes into `bodies`) in different files, of comparable size, whose
 * similarity (body-sketch.ts: the share of the smaller one found in the other) is at least
 * `threshold`. Candidates come from locality-sensitive hashing, not from comparing every pair:
 * two bodies are compared only when all 3 slots of one of 21 bands agree. Similarity 0.85 at a
 * size ratio ≥ 0.75 means Jaccard ≥ 0.57, found with probability 1 − (1 − 0.57³)²¹ ≈ 0.99; a
 * pair at Jaccard 0.1 becomes a candidate with probability 0.02 — so the work grows with the
 * number of similar pairs, not with n².
 */
export function findSimilarBodies(bodies: readonly SketchedBody[], threshold: number): Array<{ a: number; b: number; similarity: number }> {
  const slots = bodies.map((body) => decodeSketch(body.sketch));
  const buckets = new Map<number, number[]>();
  slots.forEach((sketch, index) => {
    if (sketch === undefined) return;
    for (let start = 0, band = 0; start + ROWS_PER_BAND <= SKETCH_SLOTS; start += ROWS_PER_BAND, band += 1) {
      // The band and its 16-bit slots as one number (21 bands and 3 slots fit a double's 53 bits
      // exactly): three times faster than a string key, one per band and body.
      let key = band;
      for (let row = start; row < start + ROWS_PER_BAND; row += 1) key = key * 0x10000 + sketch[row];
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [index]);
      else bucket.push(index);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<{ a: number; b: number; similarity: number }> = [];
  // Slot 63 is in no band (21 × 3 = 63); it is still compared.
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i += 1) {
      for (let j = i + 1; j < bucket.length; j += 1) {
        const [a, b] = [bucket[i], bucket[j]];
        const pairKey = a * bodies.length + b;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const [left, right] = [bodies[a], bodies[b]];
        if (left.file === right.file || left.hash === right.hash) continue;
        const [sketchA, sketchB] = [slots[a] as Uint16Array, slots[b] as Uint16Array];
        if (sketchSizeRatio(sketchA, sketchB) < MIN_SIZE_RATIO) continue;
        const similarity = sketchSimilarity(sketchA, sketchB);
        if (similarity >= threshold) pairs.push({ a, b, similarity });
      }
    }
  }
  return pairs;
}
