/**
 * Mean silhouette of a clustering (Rousseeuw 1987): for each point, (b − a) / max(a, b) with `a` its
 * mean Euclidean distance to the other points of its cluster and `b` the smallest mean distance to
 * another cluster; a point alone in its cluster scores 0. Exact, from a distance matrix computed
 * once and shared by every k tried.
 */

/** Pairwise Euclidean distances of the points, row-major n × n. */
export function distanceMatrix(points: readonly (readonly number[])[]): Float64Array {
  const n = points.length;
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const p = points[i] ?? [];
    for (let j = i + 1; j < n; j += 1) {
      const q = points[j] ?? [];
      let sum = 0;
      for (let c = 0; c < p.length; c += 1) sum += ((p[c] ?? 0) - (q[c] ?? 0)) ** 2;
      const d = Math.sqrt(sum);
      distances[i * n + j] = d;
      distances[j * n + i] = d;
    }
  }
  return distances;
}

/** Mean silhouette in [−1, 1] of `labels` (0 … k − 1) over the points of `distances`. */
export function meanSilhouette(
  distances: Float64Array,
  labels: readonly number[],
  k: number,
): number {
  const n = labels.length;
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label] = (sizes[label] ?? 0) + 1;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    sums.fill(0);
    for (let j = 0; j < n; j += 1) {
      const label = labels[j] ?? 0;
      sums[label] = (sums[label] ?? 0) + (distances[i * n + j] ?? 0);
    }
    const own = labels[i] ?? 0;
    const ownSize = sizes[own] ?? 0;
    if (ownSize <= 1) continue;
    const a = (sums[own] ?? 0) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) {
      const size = sizes[c] ?? 0;
      if (c !== own && size > 0) b = Math.min(b, (sums[c] ?? 0) / size);
    }
    if (b === Infinity) continue;
    const spread = Math.max(a, b);
    total += spread === 0 ? 0 : (b - a) / spread;
  }
  return n === 0 ? 0 : total / n;
}
