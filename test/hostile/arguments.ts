/**
 * Hostile function arguments, as a workbook full of them would pass them: each case makes the calls on one engine's
 * Excel face (what the registered functions call) in a plain Node process (run.ts) and reports what it measured: the
 * error every call got, the time per call, the heap the calls left behind. arguments.test.ts asserts the bounds.
 */
import { createEngine, isKcError } from "../../src/core";
import { DATASET } from "../../src/data/dataset.generated";

export interface ArgumentCase {
  name: string;
  run: () => Record<string, number | string>;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Calls `call(i)` n times; the keys of the errors it threw (one, if all agree), ms per call, heap left after. */
function measure(n: number, call: (i: number) => unknown): Record<string, number | string> {
  const before = heapMb();
  const keys = new Set<string>();
  let values = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    try {
      call(i);
      values++;
    } catch (error) {
      keys.add(isKcError(error) ? error.key : `not a KcError: ${String(error)}`);
    }
  }
  const msPerCall = (performance.now() - start) / n;
  return { errors: [...keys].sort().join(", "), values, msPerCall, heapGrowthMb: heapMb() - before };
}

/** A distinct string of `length` characters for each i, made without copying (a rope of a prefix and a filler). */
const distinct = (i: number, length: number, filler: string): string => {
  const prefix = `${i}|`;
  return prefix + filler.slice(0, length - prefix.length);
};

const WHOLE_COLUMN_ROWS = 1_048_576;

export const ARGUMENT_CASES: ArgumentCase[] = [
  {
    name: "50,000 distinct 16,000-character basis strings",
    run: () => {
      const { excel } = createEngine(DATASET);
      const filler = "y".repeat(16_000);
      return measure(50_000, (i) => excel.growth("TotalRevenues", "2026Q1", distinct(i, 16_000, filler)));
    },
  },
  {
    name: "10,000 distinct 16,384-character metric names of one length",
    run: () => {
      const { excel } = createEngine(DATASET);
      const filler = "M".repeat(16_384);
      return measure(10_000, (i) => excel.metric(distinct(i, 16_384, filler), "2026Q1"));
    },
  },
  {
    name: "25,000 distinct metric names at the length limit (255 characters)",
    run: () => {
      const { excel } = createEngine(DATASET);
      const filler = "Total revenues ".repeat(20);
      return measure(25_000, (i) => excel.metric(distinct(i, 255, filler), "2026Q1"));
    },
  },
  {
    name: "the same typo in 10,000 cells",
    run: () => {
      const { excel } = createEngine(DATASET);
      const typo = measure(10_000, () => excel.metric("TotalRevenus", "2026Q1"));
      const valid = measure(10_000, () => excel.metric("TotalRevenues", "2026Q1"));
      return { ...typo, validMsPerCall: valid.msPerCall };
    },
  },
  {
    name: "a whole-column periods range (D:D) in KC.STATEMENT",
    run: () => {
      const { excel } = createEngine(DATASET);
      const column: unknown[][] = Array.from({ length: WHOLE_COLUMN_ROWS }, () => [null]);
      column[0] = ["2025Q4"];
      column[1] = ["2026Q1"];
      const rows = excel.statement("IS", column as never);
      const header = rows[0].slice(1).join(",");
      return { ...measure(20, () => excel.statement("IS", column as never)), header };
    },
  },
  {
    name: "a whole-column periods range with 101 periods in it",
    run: () => {
      const { excel } = createEngine(DATASET);
      const column: unknown[][] = Array.from({ length: WHOLE_COLUMN_ROWS }, (_, i) => [i < 101 ? "2026Q1" : null]);
      let message = "";
      try {
        excel.statement("IS", column as never);
      } catch (error) {
        message = String((error as Error).message);
      }
      return { ...measure(20, () => excel.statement("IS", column as never)), message };
    },
  },
  {
    name: "a whole-column overrides range (D:E)",
    run: () => {
      const { excel } = createEngine(DATASET);
      const range: unknown[][] = Array.from({ length: WHOLE_COLUMN_ROWS }, () => [null, null]);
      range[0] = ["TotalRevenues", 3_000_000];
      let message = "";
      try {
        excel.metric("GrossProfit", "2026Q1", null, null, range as never);
      } catch (error) {
        message = String((error as Error).message);
      }
      return { ...measure(20, () => excel.metric("GrossProfit", "2026Q1", null, null, range as never)), message };
    },
  },
];
