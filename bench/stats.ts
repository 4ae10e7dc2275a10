/** Small timing helpers shared by the bench entry points. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Rate {
  /** Calls per second: median of the runs. */
  median: number;
  runs: number[];
  callsPerRun: number;
}

/**
 * Calls `step(i)` for i = 0..n-1 in each of `runs` timed runs (after one untimed warm-up run), and returns calls/s per
 * run. n is calibrated once so that a run takes about `targetMs`. `sink` receives every result so nothing is dead code.
 */
export function measureRate(step: (i: number) => unknown, opts: { runs?: number; targetMs?: number; warmup?: boolean } = {}): Rate {
  const runs = opts.runs ?? 7;
  const targetMs = opts.targetMs ?? 250;
  let sink = 0;
  const consume = (value: unknown) => {
    sink += typeof value === "number" ? value : Array.isArray(value) ? value.length : 1;
  };
  // Calibrate: double n until one run takes >= 30 ms.
  let n = 64;
  let offset = 0;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) consume(step(offset + i));
    offset += n;
    const ms = performance.now() - t0;
    if (ms >= 30 || n >= 1 << 26) {
      n = Math.max(64, Math.round((n * targetMs) / Math.max(ms, 0.001)));
      break;
    }
    n *= 2;
  }
  if (opts.warmup !== false) {
    for (let i = 0; i < n; i++) consume(step(offset + i));
    offset += n;
  }
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) consume(step(offset + i));
    const ms = performance.now() - t0;
    offset += n;
    rates.push((n * 1000) / ms);
  }
  if (Number.isNaN(sink)) rates.push(0); // keeps `sink` observable
  return { median: median(rates), runs: rates, callsPerRun: n };
}
