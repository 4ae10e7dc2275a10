/** The engine over the release the add-in ships, made once per test file, and its Excel face. */
import { createEngine } from "../../src/core";
import { DATASET } from "../../src/data/dataset.generated";

export const engine = createEngine(DATASET);
export const excel = engine.excel;
