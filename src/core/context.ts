import { DATASET } from "../data/dataset.generated";
import { Check, runChecks } from "./checks";
import type { Dataset } from "./dataset";
import { MetricIndex } from "./lookup";
import { Model } from "./model";

/** Everything built once from the embedded filing: the dataset, its model, the name index and the tie-outs. */
export class KcContext {
  readonly dataset: Dataset;
  readonly model: Model;
  readonly index: MetricIndex;
  private checkResults: Check[] | null = null;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.model = new Model(dataset);
    const printedLabels: Array<[string, string]> = [];
    for (const [row, id] of this.model.rowMetric) printedLabels.push([row.label, id]);
    this.index = new MetricIndex(this.model.metrics.values(), printedLabels);
  }

  get checks(): Check[] {
    this.checkResults ??= runChecks(this.model);
    return this.checkResults;
  }
}

let shared: KcContext | null = null;

/** The context of the filing the add-in ships with (imported at build time: src/data/dataset.generated.ts), built on first use. */
export function kcContext(): KcContext {
  shared ??= new KcContext(DATASET);
  return shared;
}
