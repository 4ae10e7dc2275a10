/**
 * Whether a set of overrides can flow through the statement model, or must be refused. Every override either moves
 * exactly the figures that depend on it, or is refused with #VALUE! and a message naming its row of the overrides range
 * and what to override instead. Refused:
 * - a figure stated only in the release's text (the cost breakdown, AI billing growth, shares, ADSs, capex): nothing in
 *   the statement model is computed from it (the exchange rate is the exception: it translates every US$ figure);
 * - a ratio, margin or per-share amount, which is always computed from amounts;
 * - a metric together with anything it is computed from, or a total together with one of its parts;
 * - a value of the wrong sign for a metric whose sign is fixed as presented (costs negative, revenues not).
 */
import { references } from "./formula";
import { KcError, kcError } from "./messages";
import { Model, OverrideShape, Overrides, RATE_METRIC } from "./model";

/** For each overridden metric, its row in the overrides range (1-based) and the value as typed. */
export type OverrideRows = ReadonlyMap<string, { row: number; typed: number }>;

export class OverrideRules {
  /**
   * Sets of overridden ids found structurally sound (no values involved). A refusal is judged again on every call: its
   * message names rows of that call's range, and the same ids may stand in other rows of another range.
   */
  private readonly sound = new WeakSet<OverrideShape>();

  constructor(private readonly model: Model) {}

  /** Throws the KcError of the first refused override, in row order; returns when every override can flow. */
  check(overrides: Overrides, rows?: OverrideRows): void {
    const rowOf = (id: string) => rows?.get(id)?.row ?? [...overrides.keys()].indexOf(id) + 1;
    const shape = this.model.overrideShape(overrides);
    if (!this.sound.has(shape)) {
      const refused = this.structural(overrides, rowOf);
      if (refused) throw refused;
      this.sound.add(shape);
    }
    for (const [id, value] of overrides) {
      const sign = this.model.metric(id).sign;
      const negative = typeof value === "number" ? value < 0 : value.isNegative() && !value.isZero();
      const zero = typeof value === "number" ? value === 0 : value.isZero();
      const typed = rows?.get(id)?.typed ?? (typeof value === "number" ? value : value.toNumber());
      if (sign === "nonNegative" && negative) throw kcError("overrideNegative", rowOf(id), id, -typed);
      if (sign === "nonPositive" && !negative && !zero) throw kcError("overridePositive", rowOf(id), id, -typed);
      if (sign === "positive" && (negative || zero)) throw kcError("overrideNotPositive", rowOf(id), id, this.model.rateText);
    }
  }

  private structural(overrides: Overrides, rowOf: (id: string) => number): KcError | null {
    for (const id of overrides.keys()) {
      const metric = this.model.metric(id);
      const prose = metric.statement === "NARRATIVE" || [...metric.dependsOn].some((d) => this.model.metric(d).statement === "NARRATIVE");
      if (prose && id !== RATE_METRIC) return kcError("overrideProse", rowOf(id), id);
      if (metric.alwaysComputed && metric.expr) {
        const inputs = [...new Set(references(metric.expr).map((r) => r.id))];
        return kcError("overrideComputed", rowOf(id), id, metric.formula ?? "", inputs);
      }
      for (const other of metric.dependsOn) {
        if (!overrides.has(other)) continue;
        const relation = metric.parts.includes(other) ? "includes" : "is computed from";
        return kcError("overrideConflict", rowOf(id), id, relation, other, rowOf(other));
      }
    }
    return null;
  }
}
