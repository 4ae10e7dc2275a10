/**
 * Each year column against its quarters. A fourth quarter's release prints the year beside the quarters; where the
 * releases merged hold all four quarters of that year, every flow its RMB year column prints (the statement of
 * comprehensive loss, the non-GAAP bridges, the cash flows; not per-share amounts, ratios or share counts) is the sum
 * of the quarters' figures, and the cash flow statement's opening and closing cash are its first quarter's opening and
 * its last quarter's closing (the catalog's overYear). The US$ year column is checked against the RMB one at its
 * release's rate (checks.ts): KC's US$ quarters are each at their own release's rate, so they do not add up to it.
 *
 * A year whose quarters the releases do not all hold is noted, naming the quarters it needs; so is a flow no release
 * prints for one of its quarters. Neither is a check across releases (they compare nothing).
 */
import { METRICS } from "./catalog";
import type { Check } from "./checks";
import type { Dataset, PrintedCell, TableRow } from "./dataset";
import { D } from "./decimal";
import { FiscalYear, quartersOf, releaseYears } from "./fiscal-years";
import { importMessage } from "./messages";
import { Model, PrintedFigure } from "./model";
import { PeriodKey, comparePeriods } from "./periods";
import { releaseLabel } from "./releases";

const OVER_YEAR: ReadonlyMap<string, "opening" | "closing"> = new Map(METRICS.flatMap((m) => (m.overYear ? [[m.id, m.overYear] as const] : [])));

export function yearSumChecks(model: Model): Check[] {
  const held = new Set(model.releases.flatMap((r) => r.tables.flatMap((t) => t.columns.filter((c) => c.periodKind === "duration").map((c) => c.period))));
  const checks: Check[] = [];
  for (const release of model.releases) {
    const tag = model.merged ? { release: releaseLabel(release) } : {};
    for (const year of releaseYears(release)) {
      const quarters = quartersOf(year);
      const missing = quarters.filter((q) => !held.has(q));
      if (missing.length) {
        // Printed/recomputed: the quarters of the year the releases hold, and the four it needs.
        const note = importMessage("yearNeedsQuarters", year, missing);
        checks.push({ identity: "Year column = the sum of its quarters", period: year, currency: null, printed: D(4 - missing.length), recomputed: D(4), status: "noted", note, line: null, ...tag });
        continue;
      }
      for (const { row, cell, id } of yearFlows(model, release, year)) checks.push({ ...yearSum(model, release, year, id, row, cell), ...tag });
    }
  }
  return checks;
}

/** The flows a release prints in its RMB year column for a year, each metric once (the row it is first printed on). */
function yearFlows(model: Model, release: Dataset, year: FiscalYear): Array<{ row: TableRow; cell: PrintedCell; id: string }> {
  const seen = new Set<string>();
  const flows: Array<{ row: TableRow; cell: PrintedCell; id: string }> = [];
  for (const table of release.tables) {
    const j = (table.yearColumns ?? []).findIndex((c) => c.year === year && c.currency === "RMB");
    if (j < 0) continue;
    for (const row of table.rows) {
      const id = model.rowMetric.get(row);
      if (!id || seen.has(id)) continue;
      const metric = model.metric(id);
      if (metric.kind !== "duration" || metric.unit !== "amount") continue;
      seen.add(id);
      flows.push({ row, cell: row.yearCells![j], id });
    }
  }
  return flows;
}

/**
 * One flow's year figure against its quarters as KC uses them (each the latest release's). Where it differs, and the
 * quarters as the year's own release and those before it printed them add up to it, a later release restated a
 * quarter: noted. Otherwise it fails.
 */
function yearSum(model: Model, release: Dataset, year: FiscalYear, id: string, row: TableRow, cell: PrintedCell): Check {
  const quarters = quartersOf(year);
  const over = OVER_YEAR.get(id);
  const read = over === "opening" ? [quarters[0]] : over === "closing" ? [quarters[3]] : quarters;
  const identity = `${id} = ${read.join(" + ")}`;
  const printed = D(cell.value);
  const base = { identity, period: year, currency: "RMB" as const, printed, line: row.line };
  const used = read.map((q) => model.printed(id, q, "RMB")[0]);
  const unprinted = read.filter((_, i) => !used[i]);
  if (unprinted.length) {
    return { ...base, recomputed: printed, status: "noted", note: importMessage("yearQuarterNotPrinted", year, id, unprinted) };
  }
  const compared = { ...base, across: true as const };
  const sum = total(used);
  const from = [...new Set(used.map((f) => f.provenance.release))];
  const what = over === "opening" ? importMessage("yearIsOpening", read[0]) : over === "closing" ? importMessage("yearIsClosing", read[0]) : importMessage("yearIsSum", read, from);
  if (sum.eq(printed)) return { ...compared, recomputed: sum, status: "ok", note: what };
  const asPrinted = read.map((q) => model.printed(id, q, "RMB").find((f) => printedBy(model, f, release.latest)));
  if (asPrinted.every(Boolean) && total(asPrinted as PrintedFigure[]).eq(printed)) {
    const restated = read.filter((_, i) => asPrinted[i] !== used[i]);
    return { ...compared, recomputed: sum, status: "noted", note: importMessage("yearTiesAsPrinted", releaseLabel(release), restated) };
  }
  return { ...compared, recomputed: sum, status: "FAIL", note: importMessage("yearNotSum", sum.minus(printed).toFixed(), what) };
}

const total = (figures: readonly PrintedFigure[]) => figures.reduce((sum, f) => sum.plus(f.value), D(0));

/** Whether a figure is printed by a release no later than the quarter given (the year column's own release, or before). */
function printedBy(model: Model, figure: PrintedFigure, latest: PeriodKey): boolean {
  const release = model.release(figure.provenance.release);
  return release !== undefined && comparePeriods(release.latest, latest) <= 0;
}
