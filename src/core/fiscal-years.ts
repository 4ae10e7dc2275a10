/**
 * Fiscal years, as a fourth quarter's release prints them beside its quarters ("Year Ended Dec 31, 2025"). The fiscal
 * year is the calendar year. Year columns are not periods the functions answer: the model is of quarters, and a year
 * is the sum of its quarters. What the year columns are for is checking: each ties out within itself like a quarter
 * (checks.ts reads them as a dataset of their own, yearDataset), and against the sum of its quarters where the
 * releases hold all four (year-sums.ts).
 */
import type { Dataset, Table } from "./dataset";
import { importMessage } from "./messages";
import { RATE_METRIC } from "./model";
import { PeriodKey, formatPeriod } from "./periods";
import { releasesOf } from "./releases";

/** "FY2025". */
export type FiscalYear = string;

export const fiscalYear = (year: number): FiscalYear => `FY${year}`;
export const yearNumber = (year: FiscalYear): number => Number(year.slice(2));
export const isFiscalYear = (period: string): boolean => /^FY\d{4}$/.test(period);

/** The four quarters of a fiscal year, in order. */
export const quartersOf = (year: FiscalYear): PeriodKey[] => [1, 2, 3, 4].map((q) => formatPeriod(yearNumber(year), q));

/** The fiscal years a release's tables print year columns for, oldest first. */
export function releaseYears(release: Dataset): FiscalYear[] {
  return [...new Set(release.tables.flatMap((t) => (t.yearColumns ?? []).map((c) => c.year)))].sort();
}

/** The fiscal years every release of a dataset prints, each once, oldest first. */
export function datasetYears(dataset: Dataset): FiscalYear[] {
  return [...new Set(releasesOf(dataset).flatMap(releaseYears))].sort();
}

/**
 * What every view (the Releases tab, kc import, kc check) says of the year columns a dataset's releases print: that
 * they were read and checked, and are not periods the functions answer. Null where there are none.
 */
export function yearColumnsNote(dataset: Dataset): string | null {
  const years = datasetYears(dataset);
  return years.length ? importMessage("yearColumnsRead", years) : null;
}

/**
 * A release's year columns as a dataset of their own: each table that prints year columns, its columns those, each
 * row's figures its year figures, each period the fiscal year ("FY2025"); the release's convenience rate (its US$
 * year columns are at it); nothing else of its prose. Null for a release without year columns. A model over it ties
 * out every subtotal, bridge and US$ figure of the year columns as one over a quarter does.
 */
export function yearDataset(release: Dataset): Dataset | null {
  const tables: Table[] = release.tables.flatMap((t) =>
    t.yearColumns?.length
      ? [{
          ...t,
          columns: t.yearColumns.map((c) => ({ header: c.header, period: c.year, periodKind: "duration" as const, currency: c.currency })),
          rows: t.rows.map((r) => ({ ...r, cells: r.yearCells ?? [] })),
        }]
      : [],
  );
  if (tables.length === 0) return null;
  const years = releaseYears(release);
  const latest = years[years.length - 1];
  const rate = release.narrative.filter((f) => f.id === RATE_METRIC && f.period === release.latest).map((f) => ({ ...f, period: latest }));
  return { sourceName: release.sourceName, lineCount: release.lineCount, latest, tables, narrative: rate, warnings: [] };
}
