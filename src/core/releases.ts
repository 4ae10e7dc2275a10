/**
 * Several results releases as one dataset: what the engine works on when a workbook holds more than the release the
 * add-in carries. Each release keeps its own tables, prose figures and lines; the merged dataset says which release
 * is the latest (its tables are the statements' layout, its rate the convenience rate, its quarter FQ0) and holds
 * every release, oldest first. The model reads figures from every release, the later release's first: the same
 * figure printed differently in two releases is the later one's, and the difference is listed as a restatement.
 */
import type { Dataset } from "./dataset";
import { importError } from "./messages";
import { PeriodKey, comparePeriods } from "./periods";

/** Every release a dataset holds, oldest first (a single release: itself). */
export function releasesOf(dataset: Dataset): readonly Dataset[] {
  return dataset.releases ?? [dataset];
}

/** The periods a release's tables cover, oldest first. */
export function releasePeriods(release: Dataset): PeriodKey[] {
  return [...new Set(release.tables.flatMap((t) => t.columns.map((c) => c.period)))].sort(comparePeriods);
}

/** "Q1 2026 release": how messages, KC.SOURCE and the checks name a release. */
export function releaseLabel(dataset: Dataset): string {
  return `${quarterName(dataset.latest)} release`;
}

/** "2026Q1" as a release's headline says it: "Q1 2026". */
const quarterName = (period: PeriodKey): string => `Q${period.slice(5)} ${period.slice(0, 4)}`;

/**
 * One dataset of releases (each a release, or a merge of releases): every release once, oldest first, the latest's
 * statements as the layout. Two releases of the same quarter are refused: keep one (a release is identified by its
 * quarter, the one its headline announces).
 */
export function mergeReleases(datasets: readonly Dataset[]): Dataset {
  const releases = datasets.flatMap((d) => releasesOf(d)).sort((a, b) => comparePeriods(a.latest, b.latest));
  if (releases.length === 0) throw new Error("mergeReleases needs at least one release");
  for (let i = 1; i < releases.length; i++) {
    if (releases[i].latest === releases[i - 1].latest) {
      throw importError(1, "sameQuarterTwice", releaseLabel(releases[i]), releases[i - 1].sourceName, releases[i].sourceName);
    }
  }
  if (releases.length === 1) return releases[0];
  const latest = releases[releases.length - 1];
  return { ...latest, releases };
}
