/**
 * The engine the KC functions compute with in this runtime: built on first use from the release the add-in carries
 * (imported at build time), or the one the task pane (or kc --with) builds from the releases merged into it. In the
 * shared runtime the task pane reads the same engine, so both always agree. The workbook's date system belongs to the
 * runtime, not to one engine: an engine that replaces another reads dates the same way.
 */
import { DateSystem, Engine, createEngine } from "../core";
import { DATASET } from "../data/dataset.generated";

let current: Engine | null = null;
let dateSystem: DateSystem = 1900;

export function functionsEngine(): Engine {
  current ??= createEngine(DATASET, { dateSystem });
  return current;
}

/**
 * Replaces the engine every KC function computes with (its caches go with it: no result of the old data survives).
 * The caller then has the workbook recalculated.
 */
export function useFunctionsEngine(engine: Engine): void {
  if (engine.dateSystem !== dateSystem) engine.useDateSystem(dateSystem);
  current = engine;
}

/** The runtime's date system, as learnDateSystem reads and sets it: this engine's and every later one's. */
export const functionsDateSystem = {
  get dateSystem(): DateSystem {
    return dateSystem;
  },
  useDateSystem(system: DateSystem): void {
    dateSystem = system;
    functionsEngine().useDateSystem(system);
  },
};
