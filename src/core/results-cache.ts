/**
 * Results of calls that cannot change (no overrides: the filing is fixed), keyed by the call's raw arguments in nested
 * Maps, so no key string is built and the types stay apart (null is not "null", 2026 is not "2026").
 * Bounded: cleared when full.
 */
export class ResultsCache<V> {
  private root = new Map<unknown, Map<unknown, Map<unknown, Map<unknown, V>>>>();
  private size = 0;

  constructor(private readonly limit: number) {}

  get(a: unknown, b: unknown, c: unknown, d: unknown): V | undefined {
    return this.root.get(a)?.get(b)?.get(c)?.get(d);
  }

  set(a: unknown, b: unknown, c: unknown, d: unknown, value: V): void {
    if (this.size >= this.limit && this.get(a, b, c, d) === undefined) {
      this.root.clear();
      this.size = 0;
    }
    let level1 = this.root.get(a);
    if (!level1) this.root.set(a, (level1 = new Map()));
    let level2 = level1.get(b);
    if (!level2) level1.set(b, (level2 = new Map()));
    let level3 = level2.get(c);
    if (!level3) level2.set(c, (level3 = new Map()));
    if (!level3.has(d)) this.size++;
    level3.set(d, value);
  }
}
