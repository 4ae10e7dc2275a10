import type { Currency } from "./dataset";
import type { Model, PrintedFigure } from "./model";
import type { PeriodKey } from "./periods";

/**
 * KC.SOURCE's text: where a figure is printed, or how it is computed. One line, for a cell. Where several releases are
 * merged, it names the release (and its file) the figure comes from, and the releases that also print it.
 */
export function describeSource(model: Model, id: string, period: PeriodKey, currency: Currency): string {
  const metric = model.metric(id);
  const printed = model.printed(id, period, currency);
  if (printed.length && !metric.alwaysComputed) return describePrinted(model, printed);
  const translated = currency === "USD" && !model.isPrintedIn(id, period, "USD") && !metric.alwaysComputed;
  if (translated) {
    const rate = model.printed("ExchangeRateRMBPerUSD", model.dataset.latest, "")[0];
    const whose = model.merged ? `the ${rate.provenance.release}'s` : "the release's";
    return `Computed: the RMB figure / ${rate.provenance.text} (${whose} convenience rate, line ${rate.provenance.line}). RMB figure: ${describeSource(model, id, period, "RMB")}`;
  }
  const reported = printed.length ? ` Printed as ${printed[0].provenance.text}: ${describePrinted(model, printed)}` : "";
  return `Computed: ${id} = ${metric.formula}.${reported}`;
}

function describePrinted(model: Model, figures: readonly PrintedFigure[]): string {
  const [first, ...others] = figures;
  const p = first.provenance;
  const where = model.merged ? `${p.release} (${model.release(p.release)?.sourceName ?? ""}) line ${p.line}` : `line ${p.line}`;
  const approx = first.approximate ? " (approximate, as stated)" : "";
  return `${p.statement} · ${p.row} · ${p.column} · ${where}: ${p.text}${approx}${alsoPrinted(first, others)}`;
}

/**
 * " (also on line 295)"; where other releases print it too, "in the Q1 2026 release on line 249", and where one
 * printed another figure, "the Q1 2026 release printed (123,776) on line 237: restated".
 */
function alsoPrinted(first: PrintedFigure, others: readonly PrintedFigure[]): string {
  const release = first.provenance.release;
  const alike = new Map<string, number[]>();
  const restated: string[] = [];
  for (const o of others) {
    const r = o.provenance.release;
    if (r !== release && !o.value.eq(first.value)) restated.push(`the ${r} printed ${o.provenance.text} on line ${o.provenance.line}: restated`);
    else alike.set(r, [...(alike.get(r) ?? []), o.provenance.line]);
  }
  const onLines = (lines: number[]) => `on line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`;
  const also = [...alike].map(([r, lines]) => (r === release ? onLines(lines) : `in the ${r} ${onLines(lines)}`));
  return `${also.length ? ` (also ${also.join("; ")})` : ""}${restated.length ? ` (${restated.join("; ")})` : ""}`;
}
