/** A sheet planned before its cells are made: which row holds which metric, for which periods. */
import { PeriodKey, Table, comparePeriods } from "../../core";
import { CellStyle, FIRST_PERIOD_COL } from "./types";

export type SheetKind = "IS" | "BS" | "CF" | "NONGAAP" | "ratios";

/** One planned row of a sheet: a heading or a metric's row, with the periods it holds. */
export interface PlannedRow {
  row: number;
  label: string;
  metric: string | null;
  line: number | null;
  bold: boolean;
  style?: CellStyle;
  /** Periods this row holds a figure for (the printed table's columns, or the computable periods). */
  periods: PeriodKey[];
}

export interface PlannedSheet {
  name: string;
  kind: SheetKind;
  periods: PeriodKey[];
  title: string;
  subtitle: string;
  source: string;
  rows: PlannedRow[];
}

/** The table's own-currency columns: RMB, or no currency for the margin tables (the US$ translation is left out). */
export function ownColumns(table: Table) {
  return table.columns.filter((c) => c.currency !== "USD");
}

export function sortedUnique(periods: PeriodKey[]): PeriodKey[] {
  return [...new Set(periods)].sort(comparePeriods);
}

export function periodCol(sheet: { periods: PeriodKey[] }, period: PeriodKey): number {
  const i = sheet.periods.indexOf(period);
  if (i < 0) throw new Error(`period ${period} is not a column of this sheet`);
  return FIRST_PERIOD_COL + i;
}
