import { FILING_NAME, FILING_TEXT } from "../data/filing.generated";
import { Check, runChecks } from "./checks";
import type { Dataset } from "./dataset";
import { importFiling } from "./importer";
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

/** The context of the filing the add-in ships with, built on first use. */
export function kcContext(): KcContext {
  shared ??= new KcContext(importFiling(FILING_TEXT, FILING_NAME));
  return shared;
}
