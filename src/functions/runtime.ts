/**
 * The engine the KC functions compute with in this runtime: built on first use from the release the add-in carries
 * (imported at build time), or the one the task pane (or kc --with) builds from the releases merged into it. In the
 * shared runtime the task pane reads the same engine, so both always agree.
 */
import { Engine, createEngine } from "../core";
import { DATASET } from "../data/dataset.generated";

let current: Engine | null = null;

export function functionsEngine(): Engine {
  current ??= createEngine(DATASET);
  return current;
}

/**
 * Replaces the engine every KC function computes with (its caches go with it: no result of the old data survives).
 * The caller then has the workbook recalculated.
 */
export function useFunctionsEngine(engine: Engine): void {
  current = engine;
}
