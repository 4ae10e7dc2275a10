/**
 * The releases a workbook models: the one the add-in carries, and those added to the workbook (release-store.ts).
 * Reading a release shows what it holds before anything is stored (its periods, statements and checks, on its own
 * and with the releases already there); adding or removing one stores the change, replaces the engine every KC
 * function computes with by one built from all the releases (no cached result of the old data survives: the caches
 * are the old engine's), and has the workbook recalculated in full. On open, the stored releases are loaded the same
 * way. No DOM here: the Releases tab shows it, tests drive it in Node.
 */
import {
  CheckRow,
  Dataset,
  Engine,
  LIMITS,
  ReleaseFormat,
  STATEMENTS,
  TABLE_STATEMENTS,
  WORKBOOK_MESSAGES,
  comparePeriods,
  createEngine,
  importFiling,
  mergeReleases,
  releaseLabel,
  releasePeriods,
  yearColumnsNote,
} from "../core";
import { ReleaseStore, StoredRelease } from "./release-store";

export interface ReleaseHost {
  store: ReleaseStore;
  /** Has every formula of the workbook recalculated (in Excel, a full calculation). */
  recalculate(): Promise<void>;
  /** Told how many releases the workbook now stores (Excel: whether the add-in loads with the workbook to read them). */
  holding?(count: number): Promise<void>;
}

/** One release the workbook models, as the Releases tab lists it. */
export interface ReleaseEntry {
  /** The store's id; null for the release the add-in carries (it cannot be removed). */
  id: string | null;
  label: string;
  name: string;
  format: ReleaseFormat;
  periods: string[];
}

export interface CheckCounts {
  ok: number;
  noted: number;
  failed: number;
}

/** A release read and not yet added: what it holds, and what adding it would do. */
export interface Candidate {
  name: string;
  text: string;
  dataset: Dataset;
  label: string;
  format: ReleaseFormat;
  periods: string[];
  /** The statements it prints: "Balance sheet", "Non-GAAP reconciliation (5 tables)", ... */
  statements: string[];
  /** Its own tie-outs, and those across it and the releases already here (none when it cannot be added). */
  own: CheckCounts;
  across: CheckCounts;
  /** Figures it prints differently from a release already here (the later release's is used), and failed checks. */
  restated: CheckRow[];
  failed: CheckRow[];
  /** Why it cannot be added (its quarter is already here, a limit of the workbook), or null. */
  refusal: string | null;
  /** What became of its year columns (a fourth quarter's release): read and checked, not periods; null where none. */
  years: string | null;
}

/** The outcome of adding or removing a release: whether Excel recalculated, and why not. */
export interface Applied {
  recalculated: boolean;
  reason: string | null;
}

const FORMAT_NAMES: Readonly<Record<ReleaseFormat, string>> = { text: "text", html: "EDGAR HTML exhibit", copied: "text copied from a browser" };
export const formatName = (format: ReleaseFormat): string => FORMAT_NAMES[format];

interface Held {
  stored: StoredRelease & { id: string };
  dataset: Dataset;
  bytes: number;
}

export class ReleaseLibrary {
  private held: Held[] = [];
  private current: Engine;
  /** What the last load left out (a stored release that does not import any more), each said in full. */
  loadProblems: string[] = [];
  private readonly listeners: Array<(engine: Engine) => void> = [];

  /**
   * `base`: the release the add-in carries and its text; `engine`: the engine over it the runtime computes with;
   * `limits`: how many releases, and how many bytes of them, a workbook stores (core/limits.ts; tests pass smaller).
   */
  constructor(
    private readonly base: { dataset: Dataset; text: string },
    private readonly host: ReleaseHost,
    engine: Engine,
    private readonly limits = { releases: LIMITS.MAX_STORED_RELEASES, bytes: LIMITS.MAX_STORED_BYTES },
  ) {
    this.current = engine;
  }

  /** The engine over every release (the one the KC functions compute with). */
  get engine(): Engine {
    return this.current;
  }

  /** Calls `listener` with the new engine whenever a release is added, removed or loaded. */
  onChange(listener: (engine: Engine) => void): void {
    this.listeners.push(listener);
  }

  /** Every release modelled, oldest first. */
  entries(): ReleaseEntry[] {
    const all = [{ dataset: this.base.dataset, id: null }, ...this.held.map((h) => ({ dataset: h.dataset, id: h.stored.id }))];
    return all.sort((a, b) => comparePeriods(a.dataset.latest, b.dataset.latest)).map((r) => entry(r.dataset, r.id));
  }

  /** A release's source text by its file name, where the library has it. */
  sourceText(name: string): string | null {
    if (name === this.base.dataset.sourceName) return this.base.text;
    return this.held.find((h) => h.stored.name === name)?.stored.text ?? null;
  }

  /**
   * Loads the releases the workbook stores (when it opens). A stored release that no longer imports is left out and
   * said; one that does not tie is loaded with its failures, as it was added. Resolves with what was left out.
   */
  async load(): Promise<{ problems: string[]; applied: Applied | null }> {
    const problems: string[] = [];
    const held: Held[] = [];
    for (const stored of await this.host.store.list()) {
      try {
        const dataset = importFiling(stored.text, stored.name, { allowUntied: true });
        mergeReleases([this.base.dataset, ...held.map((h) => h.dataset), dataset]); // refuses a second release of a quarter
        held.push({ stored: { ...stored, id: stored.id ?? "" }, dataset, bytes: utf8Bytes(stored.text) });
      } catch (error) {
        problems.push(WORKBOOK_MESSAGES.releaseStoredUnreadable(stored.name, error instanceof Error ? error.message : String(error)));
      }
    }
    this.held = held;
    this.loadProblems = problems;
    if (held.length === 0) return { problems, applied: null };
    return { problems, applied: await this.apply() };
  }

  /**
   * Reads a release (a file's text, or pasted text) without storing it. Throws the importer's ImportError when it is
   * not a release KC reads (another company's, not a results release, malformed); a release that does not tie is read,
   * with its failures.
   */
  read(text: string, name: string): Candidate {
    const dataset = importFiling(text, name, { allowUntied: true });
    const label = releaseLabel(dataset);
    const alone = createEngine(dataset);
    const refusal = this.refusal(dataset, utf8Bytes(text));
    const own = alone.checkRows();
    const across = refusal ? [] : createEngine(mergeReleases([this.base.dataset, ...this.held.map((h) => h.dataset), dataset])).checkRows().filter((c) => c.across);
    return {
      name,
      text,
      dataset,
      label,
      format: dataset.format ?? "text",
      periods: alone.filingPeriods(),
      statements: statementsOf(dataset),
      own: counts(own),
      across: counts(across),
      restated: across.filter((c) => c.status === "noted"),
      failed: [...own, ...across].filter((c) => c.status === "FAIL"),
      refusal,
      years: yearColumnsNote(dataset),
    };
  }

  /** Stores the release in the workbook and models it. */
  async add(candidate: Candidate): Promise<Applied> {
    if (candidate.refusal) throw new Error(candidate.refusal);
    const stored = { id: null, name: candidate.name, quarter: candidate.dataset.latest, text: candidate.text };
    const id = await this.host.store.add(stored);
    this.held.push({ stored: { ...stored, id }, dataset: candidate.dataset, bytes: utf8Bytes(candidate.text) });
    return this.apply();
  }

  /** Removes a stored release from the workbook, and models the rest. */
  async remove(id: string): Promise<Applied> {
    await this.host.store.remove(id);
    this.held = this.held.filter((h) => h.stored.id !== id);
    return this.apply();
  }

  /** Why a release cannot be added to this workbook, or null. */
  private refusal(dataset: Dataset, bytes: number): string | null {
    const label = releaseLabel(dataset);
    if (dataset.latest === this.base.dataset.latest) return WORKBOOK_MESSAGES.releaseCarried(label);
    const same = this.held.find((h) => h.dataset.latest === dataset.latest);
    if (same) return WORKBOOK_MESSAGES.releaseQuarterThere(label, same.stored.name);
    if (this.held.length >= this.limits.releases) return WORKBOOK_MESSAGES.tooManyReleases(this.limits.releases);
    if (this.held.reduce((sum, h) => sum + h.bytes, bytes) > this.limits.bytes) return WORKBOOK_MESSAGES.releasesTooLarge(megabytes(this.limits.bytes));
    return null;
  }

  /** A new engine over every release, given to every listener (the functions runtime first), then a full recalculation. */
  private async apply(): Promise<Applied> {
    this.current = createEngine(mergeReleases([this.base.dataset, ...this.held.map((h) => h.dataset)]));
    for (const listener of this.listeners) listener(this.current);
    try {
      await this.host.holding?.(this.held.length);
    } catch {
      // Only how the add-in starts with the workbook: the releases are stored and modelled either way.
    }
    try {
      await this.host.recalculate();
      return { recalculated: true, reason: null };
    } catch (error) {
      return { recalculated: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

function entry(dataset: Dataset, id: string | null): ReleaseEntry {
  return { id, label: releaseLabel(dataset), name: dataset.sourceName, format: dataset.format ?? "text", periods: releasePeriods(dataset) };
}

/** "Balance sheet", "Non-GAAP reconciliation (5 tables)": the statements a release prints, in display order. */
function statementsOf(dataset: Dataset): string[] {
  return TABLE_STATEMENTS.flatMap((kind) => {
    const n = dataset.tables.filter((t) => t.kind === kind).length;
    return n === 0 ? [] : [`${STATEMENTS[kind].name}${n > 1 ? ` (${n} tables)` : ""}`];
  });
}

function counts(rows: readonly CheckRow[]): CheckCounts {
  return { ok: rows.filter((r) => r.status === "ok").length, noted: rows.filter((r) => r.status === "noted").length, failed: rows.filter((r) => r.status === "FAIL").length };
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
const megabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

/**
 * A release file's bytes as text: UTF-8, or, where they are not (an older exhibit saved in Windows-1252, whose dashes
 * and quotes are single bytes), Windows-1252. Never a replacement character in place of a figure's dash.
 */
export function decodeRelease(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Windows-1252 by hand: Latin-1, but 0x80-0x9F are the dashes, quotes and bullets (some runtimes decode them as C1 controls).
    let text = "";
    for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252[byte - 0x80] : String.fromCharCode(byte);
    return text;
  }
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the five it leaves undefined kept as their Latin-1 controls). */
const WINDOWS_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
