import { KcError, MessageKey } from "./messages";

/**
 * Caches of what calls computed, bounded twice: by entries and by an estimate of the memory their keys take (every
 * text key is at most a few hundred characters, since arguments longer than their limit are refused before any cache
 * sees them; the estimate keeps even that bounded). Cleared when either bound is reached.
 */

/** Estimated bytes of a key or value: two per UTF-16 unit plus a string's header, a refusal's message, or a slot. */
export function keyBytes(key: unknown): number {
  if (typeof key === "string") return 2 * key.length + 32;
  if (isRefusal(key)) return 2 * key.message.length + 96;
  return 16;
}

/** A refusal as the caches keep it: its message key and text, not the error (whose stack would cost far more). */
export interface Refusal {
  readonly refused: true;
  readonly key: MessageKey;
  readonly message: string;
}

export const refusal = (error: KcError): Refusal => ({ refused: true, key: error.key, message: error.message });
export const isRefusal = (value: unknown): value is Refusal => typeof value === "object" && value !== null && (value as Refusal).refused === true;
/** The error a cached refusal stands for, made anew (with the stack of the call that hit the cache). */
export const refusedAgain = (r: Refusal): KcError => new KcError(r.key, r.message);

/** Bytes an entry costs beyond its keys (map slots, the value). */
const ENTRY_BYTES = 64;

/**
 * Results of calls that cannot change (no overrides: the filing is fixed), keyed by the call's raw arguments in nested
 * Maps, so no key string is built and the types stay apart (null is not "null", 2026 is not "2026").
 * The Maps nest from the last argument to the first: the options (d, c) take few values and the metric (a) many, so a
 * new period spelling adds one Map per option pair and an entry per metric, not two Maps per metric (what a new key
 * allocates, and every minor GC then copies, is most of the cost of a call that misses).
 */
export class ResultsCache<V> {
  private root = new Map<unknown, Map<unknown, Map<unknown, Map<unknown, V>>>>();
  private entries = 0;
  private bytes = 0;
  /** The innermost Map the last get reached, and its keys: a set after a miss stores there without walking again. */
  private lastLevel: Map<unknown, V> | undefined;
  private lastB: unknown;
  private lastC: unknown;
  private lastD: unknown;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number = Infinity,
  ) {}

  get size(): number {
    return this.entries;
  }

  /** The estimated bytes held (for tests of the bound). */
  get estimatedBytes(): number {
    return this.bytes;
  }

  get(a: unknown, b: unknown, c: unknown, d: unknown): V | undefined {
    const level = this.root.get(d)?.get(c)?.get(b);
    this.lastLevel = level;
    this.lastB = b;
    this.lastC = c;
    this.lastD = d;
    return level?.get(a);
  }

  set(a: unknown, b: unknown, c: unknown, d: unknown, value: V): void {
    const cost = keyBytes(a) + keyBytes(b) + keyBytes(c) + keyBytes(d) + keyBytes(value) + ENTRY_BYTES;
    const last = this.lastLevel !== undefined && this.lastB === b && this.lastC === c && this.lastD === d ? this.lastLevel : undefined;
    this.lastLevel = undefined;
    const level = last !== undefined && this.entries < this.maxEntries && this.bytes + cost <= this.maxBytes ? last : this.levelFor(a, b, c, d, cost);
    if (!level.has(a)) {
      this.entries++;
      this.bytes += cost;
    }
    level.set(a, value);
  }

  /** The innermost Map for the key, made if missing; everything is dropped first when a new entry would pass a bound. */
  private levelFor(a: unknown, b: unknown, c: unknown, d: unknown, cost: number): Map<unknown, V> {
    if ((this.entries >= this.maxEntries || this.bytes + cost > this.maxBytes) && this.root.get(d)?.get(c)?.get(b)?.get(a) === undefined) {
      this.root.clear();
      this.entries = 0;
      this.bytes = 0;
    }
    let level1 = this.root.get(d);
    if (!level1) this.root.set(d, (level1 = new Map()));
    let level2 = level1.get(c);
    if (!level2) level1.set(c, (level2 = new Map()));
    let level3 = level2.get(b);
    if (!level3) level2.set(b, (level3 = new Map()));
    return level3;
  }
}

/** A Map of one key, bounded by entries and by the estimated bytes of its keys. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get estimatedBytes(): number {
    return this.bytes;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (this.map.has(key)) {
      this.map.set(key, value);
      return;
    }
    const cost = keyBytes(key) + keyBytes(value) + ENTRY_BYTES;
    if (this.map.size >= this.maxEntries || this.bytes + cost > this.maxBytes) {
      this.map.clear();
      this.bytes = 0;
    }
    this.map.set(key, value);
    this.bytes += cost;
  }
}
