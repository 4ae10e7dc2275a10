/**
 * Excel on office-addin-mock, for OfficeWorkbook: the context (load / sync) and every range are OfficeMockObjects, so
 * reading a property that was not loaded and synced gives office-addin-mock's error text; sheets, charts and null-object
 * probes are plain objects. A range is kept per address (writes to "A1:B2" and reads of "A1" are apart, as the tests
 * set them up). Ranges a batch positions relative to the used range (getUsedRange().getLastRow()...) are resolved when
 * the command is queued, which is where Excel resolves them too: in order, within the batch's sync.
 */
import { OfficeMockObject } from "office-addin-mock";
import { Block, a1, parseA1, parseBlock } from "../../src/core";

export interface Calls {
  runs: number;
  syncs: number;
  /** What the code asked of Excel, in order: "range Sheet1!C4:D4", "add KC IS", "delete KC IS", "chart ...", "activate X". */
  log: string[];
}

export interface MockOptions {
  active?: string;
  selection?: string;
  /** Sheets in the workbook, whether each is protected, and its used range before any write. */
  sheets?: Record<string, { protected?: boolean; used?: string | null }>;
  /** Initial content of ranges by "Sheet!A1:B2". */
  ranges?: Record<string, { formulas?: unknown[][]; values?: unknown[][]; numberFormat?: unknown[][] }>;
  /** Spill ranges by the anchor's "Sheet!A1". */
  spills?: Record<string, { address: string; values: unknown[][] }>;
  /** The used part of the selection (for whole columns or rows); absent: none in use. */
  selectionUsed?: string;
  /** Syncs (1-based) that reject, with an Office.js-like error. */
  failSyncs?: number[];
  failCode?: string;
}

export type MockRange = { formulas: unknown[][]; values: unknown[][]; numberFormat: unknown[][]; address: string };

const blank = (v: unknown) => v === "" || v === null || v === undefined;

/** A range's formulas whether or not the code loaded them (office-addin-mock hides them until load and sync). */
function rawFormulas(r: MockRange): unknown[][] {
  if (Array.isArray(r.formulas)) return r.formulas;
  const property = (r as unknown as { _properties: Map<string, { _value: unknown; _valueBeforeLoaded: unknown }> })._properties.get("formulas");
  const value = Array.isArray(property?._value) ? property._value : property?._valueBeforeLoaded;
  return Array.isArray(value) ? (value as unknown[][]) : [];
}

export function mockExcel(options: MockOptions = {}) {
  const calls: Calls = { runs: 0, syncs: 0, log: [] };
  const sheets = new Map(Object.entries(options.sheets ?? { Sheet1: {} }).map(([name, o]) => [name, { protected: false, used: null as string | null, ...o }]));
  const root = new OfficeMockObject({
    context: {
      workbook: {
        activeCell: { address: options.active ?? "Sheet1!C4" },
        selected: { address: options.selection ?? "Sheet1!C4", used: { address: options.selectionUsed ?? "" } },
        store: {},
        worksheets: {},
      },
    },
  }) as OfficeMockObject & { context: OfficeMockObject & { sync(): Promise<void>; workbook: OfficeMockObject & Record<string, OfficeMockObject> } };
  const wb = root.context.workbook;
  const store = wb.store as unknown as Record<string, MockRange> & { addMock(name: string): void };
  const ranges = new Map<string, MockRange>();
  const spillParentProbes: string[] = [];

  /** The spill (anchor and block) a cell is part of, from options.spills. */
  const spillOf = (sheet: string, row: number, col: number) =>
    Object.entries(options.spills ?? {})
      .map(([anchor, s]) => ({ anchor: parseBlock(anchor), block: parseBlock(s.address), s }))
      .find(({ block }) => block.sheet === sheet && row >= block.row && row < block.row + block.rows && col >= block.col && col < block.col + block.cols);

  const range = (sheet: string, address: string): MockRange => {
    const key = `${sheet}!${address}`;
    calls.log.push(`range ${key}`);
    if (!ranges.has(key)) {
      const [rows, cols] = (() => {
        if (/^[A-Z]+:[A-Z]+$/.test(address)) return [1, 1]; // a whole column: only its format is used
        const [a, b] = address.split(":").map(parseA1);
        return b ? [b.row - a.row + 1, b.col - a.col + 1] : [1, 1];
      })();
      const fill = (v: unknown) => Array.from({ length: rows }, () => Array(cols).fill(v));
      const init = options.ranges?.[key] ?? {};
      store.addMock(key);
      const mock = store[key] as unknown as MockRange & { populate(o: object): void; setValue(name: string, value: unknown): void };
      mock.populate({ address: key, formulas: init.formulas ?? fill(""), values: init.values ?? init.formulas ?? fill(""), numberFormat: init.numberFormat ?? fill("General"), format: { columnWidth: 0, font: { bold: false }, fill: { color: "" } } });
      const origin = /^[A-Z]+:[A-Z]+$/.test(address) ? { row: 0, col: 0 } : parseA1(address);
      mock.setValue("getCell", (r: number, c: number) => ({
        getSpillingToRangeOrNullObject: () => {
          const spill = options.spills?.[`${sheet}!${a1(origin.row + r, origin.col + c)}`];
          return { load: () => undefined, isNullObject: !spill, address: spill?.address, values: spill?.values };
        },
        getSpillParentOrNullObject: () => {
          const cell = { row: origin.row + r, col: origin.col + c };
          spillParentProbes.push(`${sheet}!${a1(cell.row, cell.col)}`);
          const spill = spillOf(sheet, cell.row, cell.col);
          const inside = spill && !(spill.anchor.row === cell.row && spill.anchor.col === cell.col);
          return { load: () => undefined, isNullObject: !inside, address: inside ? spill.anchor : undefined };
        },
      }));
      mock.setValue("select", () => void calls.log.push(`select ${key}`));
      mock.setValue("getResizedRange", (r: number, c: number) => range(sheet, a1(origin.row, origin.col, rows + r, cols + c)));
      ranges.set(key, mock);
    }
    return ranges.get(key)!;
  };

  /** The sheet's used range now: what it held before, and every range written on it since. */
  const usedNow = (name: string): Block | null => {
    const s = sheets.get(name)!;
    const blocks = s.used ? [parseBlock(`${name}!${s.used}`)] : [];
    for (const [key, r] of ranges) {
      if (!key.startsWith(`${name}!`) || /![A-Z]+:[A-Z]+$/.test(key)) continue;
      const b = parseBlock(key);
      rawFormulas(r).forEach((row, i) => row.forEach((v, j) => void (blank(v) ? null : blocks.push({ ...b, row: b.row + i, col: b.col + j, rows: 1, cols: 1 }))));
    }
    if (!blocks.length) return null;
    const bottom = Math.max(...blocks.map((b) => b.row + b.rows));
    const right = Math.max(...blocks.map((b) => b.col + b.cols));
    return { sheet: name, row: 0, col: 0, rows: bottom, cols: right };
  };

  /** What the cells of `block` hold, from every other range kept on the sheet (their non-empty cells). */
  const composed = (name: string, self: string, block: Block): unknown[][] => {
    const own = ranges.get(self);
    const grid = Array.from({ length: block.rows }, (_, i) => Array.from({ length: block.cols }, (_, j) => (own ? rawFormulas(own)[i]?.[j] ?? "" : "")));
    for (const [key, r] of ranges) {
      if (key === self || !key.startsWith(`${name}!`) || /![A-Z]+:[A-Z]+$/.test(key)) continue;
      const b = parseBlock(key);
      rawFormulas(r).forEach((row, i) => row.forEach((v, j) => void (blank(v) || b.row + i >= block.rows || b.col + j >= block.cols ? null : (grid[b.row + i][b.col + j] = v))));
    }
    return grid;
  };

  /** A range computed from a block, with the navigation OfficeWorkbook's log rows use. */
  const relative = (sheet: string, b: Block): object => ({
    getLastRow: () => relative(sheet, { ...b, row: b.row + b.rows - 1, rows: 1 }),
    getEntireRow: () => relative(sheet, { ...b, col: 0, cols: 1 }),
    getCell: (r: number, c: number) => relative(sheet, { ...b, row: b.row + r, col: b.col + c, rows: 1, cols: 1 }),
    getOffsetRange: (r: number, c: number) => relative(sheet, { ...b, row: b.row + r, col: b.col + c }),
    getResizedRange: (r: number, c: number) => range(sheet, a1(b.row, b.col, b.rows + r, b.cols + c)),
  });

  const sheetApi = (name: string) => {
    const s = sheets.get(name);
    if (!s) throw Object.assign(new Error(`The requested resource doesn't exist: ${name}`), { code: "ItemNotFound" });
    const protectionKey = `protection ${name}`;
    if (!(store as unknown as Record<string, unknown>)[protectionKey]) {
      store.addMock(protectionKey);
      (store[protectionKey] as unknown as { populate(o: object): void }).populate({ protected: s.protected });
    }
    return {
      protection: store[protectionKey],
      getRange: (address: string) => range(name, address),
      getUsedRangeOrNullObject: () => {
        const used = usedNow(name);
        if (!used) return { load: () => undefined, isNullObject: true };
        const key = a1(used.row, used.col, used.rows, used.cols);
        const content = composed(name, `${name}!${key}`, used);
        const r = range(name, key) as MockRange & { isNullObject?: boolean };
        r.isNullObject = false;
        r.formulas = content;
        return r;
      },
      getUsedRange: () => {
        const used = usedNow(name);
        if (!used) throw Object.assign(new Error("No used range"), { code: "ItemNotFound" });
        return relative(name, used);
      },
      activate: () => void calls.log.push(`activate ${name}`),
      freezePanes: {
        freezeAt: (r: MockRange) => void calls.log.push(`freeze ${[...ranges].find(([, x]) => x === r)?.[0]}`),
        freezeRows: (n: number) => void calls.log.push(`freeze rows ${n}`),
        freezeColumns: (n: number) => void calls.log.push(`freeze columns ${n}`),
      },
      delete: () => (calls.log.push(`delete ${name}`), sheets.delete(name)),
      charts: {
        add: (type: string, data: MockRange, seriesBy: string) => {
          calls.log.push(`chart ${type} ${[...ranges].find(([, r]) => r === data)?.[0]} ${seriesBy}`);
          const series: Array<Record<string, string>> = [];
          const axes: Record<string, { numberFormat: string }> = {};
          const chart = {
            title: { text: "" },
            legend: { position: "" },
            series: { getItemAt: (i: number) => (series[i] ??= { index: String(i) }) },
            axes: { getItem: (type: string, group: string) => (axes[`${type} ${group}`] ??= { numberFormat: "" }) },
            setPosition: (from: string, to: string) => void calls.log.push(`position ${from}:${to}`),
          };
          charts.push({ chart, series, axes });
          return chart;
        },
      },
    };
  };
  const charts: Array<{ chart: { title: { text: string } }; series: Array<Record<string, string>>; axes: Record<string, { numberFormat: string }> }> = [];
  Object.assign(wb, {
    getActiveCell: () => wb.activeCell,
    getSelectedRange: () => wb.selected,
  });
  const selected = wb.selected as unknown as { used: { isNullObject?: boolean }; getUsedRangeOrNullObject?: () => unknown };
  Object.assign(selected.used, { isNullObject: !options.selectionUsed });
  selected.getUsedRangeOrNullObject = () => selected.used;
  Object.assign(wb.worksheets, {
    getItem: sheetApi,
    getItemOrNullObject: (name: string) => {
      const found = [...sheets.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
      return found ? { load: () => undefined, isNullObject: false, name: found, delete: () => sheetApi(found).delete() } : { load: () => undefined, isNullObject: true, delete: () => undefined };
    },
    add: (name: string) => {
      calls.log.push(`add ${name}`);
      if ([...sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw Object.assign(new Error(`A sheet named ${name} exists`), { code: "ItemAlreadyExists" });
      sheets.set(name, { protected: false, used: null });
      return sheetApi(name);
    },
    load: () => undefined,
  });
  Object.defineProperty(wb.worksheets, "items", { get: () => [...sheets.keys()].map((name) => ({ name })) });
  const excel = {
    run: async (callback: (context: unknown) => Promise<unknown>) => {
      calls.runs++;
      const context = root.context;
      const sync = context.sync.bind(context);
      const mine = async () => {
        calls.syncs++;
        if (options.failSyncs?.includes(calls.syncs)) {
          throw Object.assign(new Error("The cell or chart you're trying to change is protected."), { code: options.failCode ?? "AccessDenied" });
        }
        await sync();
      };
      // Each run sees its own context object, as Excel.run gives: two runs may be in flight at once.
      const own = Object.create(context) as typeof context;
      own.sync = mine;
      return callback(own);
    },
  };
  (globalThis as { Excel?: unknown }).Excel = excel;
  return { calls, range: (key: string) => ranges.get(key), sheets, charts, spillParentProbes, usedNow };
}

/** The error a promise rejects with (the test fails if it resolves). */
export const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as Error,
  );
