import type { Currency } from "./dataset";
import type { Model, PrintedFigure } from "./model";
import type { PeriodKey } from "./periods";

/** KC.SOURCE's text: where a figure is printed, or how it is computed. One line, for a cell. */
export function describeSource(model: Model, id: string, period: PeriodKey, currency: Currency): string {
  const metric = model.metric(id);
  const printed = model.printed(id, period, currency);
  if (printed.length && !metric.alwaysComputed) return describePrinted(printed);
  const translated = currency === "USD" && !model.isPrintedIn(id, period, "USD") && !metric.alwaysComputed;
  if (translated) {
    const rate = model.printed("ExchangeRateRMBPerUSD", model.dataset.latest, "")[0];
    return `Computed: the RMB figure / ${rate.provenance.text} (the release's convenience rate, line ${rate.provenance.line}). RMB figure: ${describeSource(model, id, period, "RMB")}`;
  }
  const reported = printed.length ? ` Printed as ${printed[0].provenance.text}: ${describePrinted(printed)}` : "";
  return `Computed: ${id} = ${metric.formula}.${reported}`;
}

function describePrinted(figures: readonly PrintedFigure[]): string {
  const [first, ...others] = figures;
  const p = first.provenance;
  const also = others.length ? ` (also on line${others.length > 1 ? "s" : ""} ${others.map((o) => o.provenance.line).join(", ")})` : "";
  const approx = first.approximate ? " (approximate, as stated)" : "";
  return `${p.statement} · ${p.row} · ${p.column} · line ${p.line}: ${p.text}${approx}${also}`;
}
