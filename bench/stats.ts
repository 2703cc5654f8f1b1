/** Timing helpers for the benchmarks: figures in milliseconds, percentiles by nearest rank. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
}

/** Runs `work` once per item and returns each run's duration in milliseconds. */
export async function timeEach<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await work(item);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/**
 * The figures' one way of being written, for every row and note of the benchmarks: milliseconds
 * (two decimals under 10 ms), seconds, kilobytes, ratios to an anchor and percentile summaries.
 */
export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
export const seconds = (milliseconds: number) =>
  `${(milliseconds / 1000).toFixed(milliseconds < 100_000 ? 2 : 1)} s`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
/** How many times `base` a figure is: "1.4×", "21×". */
export const times = (value: number, base: number) => {
  const ratio = base > 0 ? value / base : Number.POSITIVE_INFINITY;
  return `${ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0)}×`;
};
export const p = (summary: Summary) => `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}`;

export const formatSummary = (summary: Summary) =>
  `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} (n=${summary.count})`;

/** A small seeded generator (mulberry32): the same sample of nodes on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
