import type { FiscalYear } from "./fiscal-years";
import type { PeriodKey } from "./periods";

/** The imported filing: every table and narrative figure, as printed, each with the line it comes from. */

export type Currency = "RMB" | "USD";
export type PeriodKind = "duration" | "instant";
export type StatementKind = "BS" | "IS" | "NONGAAP" | "CF";

export interface Column {
  /** The column's header as printed, header rows joined: "Three Months Ended Mar 31, 2026 US$". */
  header: string;
  period: PeriodKey;
  periodKind: PeriodKind;
  /** null for columns of ratios (the margin tables print no currency). */
  currency: Currency | null;
}

/**
 * A column over a fiscal year, which a fourth quarter's release prints beside its quarters ("Year Ended Dec 31, 2025
 * RMB", or "Twelve Months Ended"). Its figures are read and tied out like a quarter's, and checked against the sum of
 * the year's quarters where the releases hold all four (checks.ts, year-sums.ts); they are not periods the functions
 * answer (the functions model quarters).
 */
export interface YearColumn {
  /** The column's header as printed, header rows joined: "Year Ended Dec 31, 2025 RMB". */
  header: string;
  /** The fiscal year it covers (the calendar year): "FY2025". */
  year: FiscalYear;
  currency: Currency | null;
}

export interface PrintedCell {
  /** The cell as printed, markup removed: "(343,720)", "12.8%", "-". */
  text: string;
  /** Exact decimal value: parentheses negative, "-" zero, percentages as fractions ("0.128"). */
  value: string;
  /** Decimal places of the printed value in its own unit (a percentage printed "12.8%" has 3 as a fraction). */
  decimals: number;
  percent: boolean;
}

export interface TableRow {
  /** Row label as printed, markup removed; a label printed over two lines is joined with a space. */
  label: string;
  /** The heading the row sits under ("Current assets:"), or null. */
  section: string | null;
  /** 1-based line of the row's figures in the source. */
  line: number;
  bold: boolean;
  cells: PrintedCell[];
  /** The row's figures in the table's year columns (Table.yearColumns), in their order; absent where it has none. */
  yearCells?: PrintedCell[];
}

/** A line of a table with a label and no figures that opens a section ("ASSETS", "Current assets:", "Adjustments:"). */
export interface TableHeading {
  label: string;
  line: number;
}

export interface Table {
  kind: StatementKind;
  /** The statement's title as printed: "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS". */
  title: string;
  /** The units note under the title: "(All amounts in thousands)". */
  unitsNote: string;
  /** Label of the first figure row, which tells the reconciliation tables apart ("Gross profit", "Net Loss"). */
  anchor: string;
  titleLine: number;
  headerLines: number[];
  /** The quarter (or balance-sheet) columns; each row's cells are in their order. */
  columns: Column[];
  /** The year columns printed beside them (a fourth quarter's release); absent where the table prints none. */
  yearColumns?: YearColumn[];
  rows: TableRow[];
  /** Every heading line, in the filing's order (rows name only the nearest as their section). */
  headings: TableHeading[];
}

export type NarrativeUnit = "amount" | "shares" | "ratio" | "rate";

/** A figure stated only in the release's prose. Amounts are in thousands of their currency, like the tables. */
export interface NarrativeFigure {
  id: string;
  period: PeriodKey;
  currency: Currency | null;
  unit: NarrativeUnit;
  value: string;
  /** The figure as written: "RMB911.1 million". */
  text: string;
  /** Smallest step the prose states, in the same unit as value ("100" for RMB x.x million in thousands). */
  precision: string;
  /** "about", "approximately" or a round figure: true. */
  approximate: boolean;
  line: number;
}

export interface Dataset {
  sourceName: string;
  /** How the release was read (see importer/document.ts); absent: the text rendition. */
  format?: "html" | "copied";
  lineCount: number;
  /** The release's quarter: the latest period of its tables. */
  latest: PeriodKey;
  tables: Table[];
  narrative: NarrativeFigure[];
  /** Prose figures the importer looked for but did not find. */
  warnings: string[];
  /**
   * Present only when the release was imported although it does not tie (`kc import --allow-untied`): every problem
   * it was imported with, "line N: ...". KC.CHECKS and kc check show each as a failed check.
   */
  untied?: string[];
  /**
   * Present only on several releases merged (releases.ts): every release, oldest first, each a dataset of its own. The
   * fields above are then the latest release's (its statements are the layout, its quarter the latest of all).
   */
  releases?: Dataset[];
}
