/**
 * Small numeric helpers for scoring: linear credit decay, nearest-rank percentiles, the normalised Gini
 * coefficient, entropy and mutual information, weighted means that skip missing parts, and rounding.
 */

/** 1 at or before `target`, 0 at or after `deadline`, linear in between. A deadline below the target acts as the target. */
export function linearCredit(latency: number, target: number, deadline: number): number {
  if (latency <= target) return 1;
  const end = Math.max(deadline, target);
  if (latency >= end) return 0;
  return (end - latency) / (end - target);
}

/**
 * Nearest-rank percentile of values sorted ascending: value number ceil(p/100 · N) (1-based). Always one of the
 * observed values, so a reported percentile points at one event. null for no values.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function medianAndP90(values: readonly number[]): { medianMs: number | null; p90Ms: number | null } {
  // A typed array sorts numerically without a comparator call per comparison (latencies are finite numbers).
  const sorted = Float64Array.from(values).sort();
  return { medianMs: nearestRank(sorted, 50), p90Ms: nearestRank(sorted, 90) };
}

/**
 * Gini coefficient normalised to 0–1 over n >= 2 values: Σ_i Σ_j |v_i − v_j| / (2 n Σv) · n/(n − 1). 0 when all
 * values are equal, 1 when one value holds everything. null when n < 2 or the values sum to 0.
 */
export function normalisedGini(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  let total = 0;
  for (const v of values) total += v;
  if (total <= 0) return null;
  // Sorted form of the double sum: Σ_i Σ_j |v_i − v_j| = 2 Σ_k (2k − n − 1) v_(k), k = 1..n ascending.
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += (2 * (k + 1) - n - 1) * sorted[k]!;
  const gini = (2 * sum) / (2 * n * total);
  return clamp01((gini * n) / (n - 1));
}

/** Shannon entropy in bits of a distribution given by non-negative counts. */
export function entropyBits(counts: readonly number[]): number {
  let total = 0;
  for (const c of counts) total += c;
  if (total <= 0) return 0;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log2(c / total);
  return h;
}

/** Mutual information in bits between rows and columns of a contingency table of counts. */
export function mutualInformationBits(table: readonly (readonly number[])[]): number {
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const cols: number[] = [];
  let total = 0;
  for (const row of table) {
    row.forEach((c, j) => {
      cols[j] = (cols[j] ?? 0) + c;
      total += c;
    });
  }
  if (total <= 0) return 0;
  let mi = 0;
  table.forEach((row, i) => {
    row.forEach((c, j) => {
      if (c > 0) mi += (c / total) * Math.log2((c * total) / (rows[i]! * cols[j]!));
    });
  });
  return Math.max(0, mi);
}

/** Σ w·v / Σ w over the parts whose value is not null and weight > 0; null if there are none. */
export function weightedMean(parts: readonly (readonly [value: number | null, weight: number])[]): number | null {
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < parts.length; i++) {
    // Indexed, not destructured: destructuring an array goes through an iterator in unoptimised code.
    const value = parts[i]![0];
    const weight = parts[i]![1];
    if (value === null || !(weight > 0)) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * Rounds to `digits` decimals after first dropping float noise below 1e-9, so sums taken in a different order
 * (e.g. after renaming roles) round to the same figure.
 */
export function roundTo(v: number, digits: number): number {
  const clean = Math.round(v * 1e9) / 1e9;
  const f = 10 ** digits;
  return Math.round(clean * f) / f;
}

export function roundOrNull(v: number | null, digits: number): number | null {
  return v === null ? null : roundTo(v, digits);
}

/** A 0–1 value as a 0–100 score (2 decimals). */
export function toScore(v: number | null): number | null {
  return v === null ? null : roundTo(v * 100, 2);
}
