/**
 * Timing helpers shared by the benchmarks: warm-up runs, then the median of measured runs, and a plain-text
 * table. Every benchmark reports against a baseline measured in the same run, so figures compare across machines.
 */

export interface Timing {
  /** Median wall time of one run, in milliseconds. */
  medianMs: number;
  minMs: number;
  runs: number;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

/**
 * Somewhere for measured functions to put their result, so the JIT cannot drop the work as dead code.
 * Benchmarks print it at the end of their table.
 */
export const sink = { value: 0 };

export function measure(fn: () => number, options: MeasureOptions): Timing {
  for (let i = 0; i < options.warmup; i++) sink.value ^= fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = process.hrtime.bigint();
    sink.value ^= fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs, minMs: times[0]!, runs: times.length };
}

export function perSecond(items: number, timing: Timing): number {
  return items / (timing.medianMs / 1000);
}

/** A right-aligned table with a header row; the first column is left-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatRate(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
