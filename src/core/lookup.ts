import { MAX_NAME_LENGTH, NAME_CACHE_BYTES, NAME_CACHE_ENTRIES } from "./limits";
import { KcError, kcError } from "./messages";
import type { Metric } from "./model";
import { normalizeLabel } from "./labels";
import { BoundedCache, Refusal, isRefusal, refusal, refusedAgain } from "./results-cache";
import { quote } from "./text";

/**
 * Finds a metric by what an analyst types: its id, its label as printed, the release's own name for a measure, or a
 * common analyst name. Case, spaces and punctuation do not matter. Unknown names get the closest ids as suggestions.
 */
export class MetricIndex {
  private readonly names = new Map<string, Set<string>>();
  private readonly ids = new Map<string, string>();
  /** What each typed name resolved to: an id, or the refusal it gets (a repeated typo costs one lookup too). */
  private readonly cache = new BoundedCache<string, string | Refusal>(NAME_CACHE_ENTRIES, NAME_CACHE_BYTES);
  /** Each catalog metric's names as one searchable text (searchText). */
  private readonly searchTexts = new Map<Metric, string>();

  constructor(metrics: Iterable<Metric>, printedLabels: Iterable<[string, string]> = []) {
    for (const metric of metrics) {
      this.ids.set(normalizeLabel(metric.id), metric.id);
      for (const name of [metric.label, ...metric.aliases]) this.add(name, metric.id);
    }
    for (const [label, id] of printedLabels) this.add(label, id);
  }

  resolve(input: unknown): string {
    if (typeof input !== "string") throw kcError("metricNotText");
    // First of all: a name past the limit is never scanned, looked up or cached.
    if (input.length > MAX_NAME_LENGTH) throw kcError("metricTooLong", MAX_NAME_LENGTH);
    let hit = this.cache.get(input);
    if (hit === undefined) {
      if (input.trim() === "") throw kcError("metricNotText");
      try {
        hit = this.lookup(input);
      } catch (error) {
        if (!(error instanceof KcError)) throw error;
        hit = refusal(error);
      }
      this.cache.set(input, hit);
    }
    if (isRefusal(hit)) throw refusedAgain(hit);
    return hit;
  }

  /** Ids whose id, label or aliases contain the search text (normalized), in catalog order. */
  matches(search: string, metrics: Iterable<Metric>): Metric[] {
    const needle = normalizeLabel(search);
    const out: Metric[] = [];
    for (const metric of metrics) {
      if (!needle || this.searchText(metric).includes(needle)) out.push(metric);
    }
    return out;
  }

  /**
   * A metric's names normalized, one per line: a normalized search has no line break, so it is in this text exactly
   * when it is in one of the names. Made once per metric: the task pane searches on every keystroke.
   */
  private searchText(metric: Metric): string {
    let text = this.searchTexts.get(metric);
    if (text === undefined) {
      text = [metric.id, metric.label, ...metric.aliases, metric.statement].map(normalizeLabel).join("\n");
      this.searchTexts.set(metric, text);
    }
    return text;
  }

  private lookup(input: string): string {
    const key = normalizeLabel(input);
    const byId = this.ids.get(key);
    if (byId) return byId;
    const candidates = this.names.get(key);
    if (candidates?.size === 1) return [...candidates][0];
    if (candidates) throw kcError("metricAmbiguous", quote(input), [...candidates]);
    throw kcError("metricUnknown", quote(input), this.closest(key));
  }

  private add(name: string, id: string): void {
    for (const variant of labelVariants(name)) {
      const key = normalizeLabel(variant);
      if (!key) continue;
      const set = this.names.get(key) ?? new Set<string>();
      set.add(id);
      this.names.set(key, set);
    }
  }

  /**
   * Up to three ids whose names are within a few edits of what was typed: one edit per four characters, at most three.
   * A short name has no near neighbour worth suggesting ("FCF" is not "CFF"): nothing is better than a wrong one.
   */
  private closest(key: string): string[] {
    const limit = Math.min(3, Math.floor(key.length / 4));
    if (limit === 0) return [];
    const best = new Map<string, number>();
    const consider = (name: string, id: string) => {
      if (Math.abs(name.length - key.length) > limit) return;
      const d = editDistance(key, name, limit);
      if (d <= limit && d < (best.get(id) ?? Infinity)) best.set(id, d);
    };
    for (const [name, id] of this.ids) consider(name, id);
    for (const [name, ids] of this.names) ids.forEach((id) => consider(name, id));
    return [...best].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([id]) => id);
  }
}

/** A printed label also answers without its decorations: "Adjusted EBITDA (Non-GAAP Financial Measure)" is "Adjusted EBITDA". */
function labelVariants(label: string): string[] {
  const plain = label.replace(/^[–—-]\s*/, "").replace(/^Less:\s*/i, "").replace(/\s*\(Non-GAAP Financial Measure\)\s*$/i, "");
  return plain === label ? [label] : [label, plain];
}

/** Levenshtein distance with transpositions, giving up (returning limit + 1) once every path exceeds the limit. */
function editDistance(a: string, b: string, limit: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
