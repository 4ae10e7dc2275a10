/**
 * The engine the KC functions compute with in this runtime: built on first use from the release the add-in carries
 * (imported at build time). In the shared runtime the task pane reads the same engine, so both always agree.
 */
import { Engine, createEngine } from "../core";
import { DATASET } from "../data/dataset.generated";

let current: Engine | null = null;

export function functionsEngine(): Engine {
  current ??= createEngine(DATASET);
  return current;
}
