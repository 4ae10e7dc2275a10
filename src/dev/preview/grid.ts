/**
 * The preview's workbook: sheets on HyperFormula (KC formulas compute as in Excel) behind the task pane's Workbook
 * interface, so the same task pane inserts into it, builds a model in it and freezes it. No DOM here (grid-view.ts
 * draws it), so tests drive it in Node too. It writes through the task pane's one all-or-nothing write, so like Excel
 * it refuses protected sheets and names already taken, and a refused batch leaves nothing half-written.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent, SimpleCellAddress } from "hyperformula";
import { a1, parseA1 } from "../../core";
import { BatchHost, LogPlan, ReadFacts, ReadQuery, Saved, SizedWrite, logBlock, writeAllOrNothing } from "../../taskpane/all-or-nothing";
import { Batch, Block, BlockContent, CellRef, CellValue, ChartSpec, Workbook, WriteResult, workbookError } from "../../taskpane/workbook";
import { kcEngine } from "../hyperformula-kc";

/** A cell as HyperFormula takes it: "" is an empty cell in Excel's `range.formulas`. */
const toEngine = (cell: CellValue): RawCellContent => (cell === "" ? null : cell);

export class GridWorkbook implements Workbook {
  readonly engine: HyperFormula;
  /** Number formats by "Sheet!A1". */
  readonly formats = new Map<string, string>();
  readonly charts: ChartSpec[] = [];
  /** Cells ("Sheet!A1") set in bold, and input cells (highlighted), from the batches' looks. */
  readonly bold = new Set<string>();
  readonly inputs = new Set<string>();
  readonly protectedSheets = new Set<string>();
  /**
   * Cells ("Sheet!A1") the preview refuses to write part-way through a batch, as Excel refuses a write it cannot do
   * after others in the same sync went through: how tests reach the undo.
   */
  readonly refusedCells = new Set<string>();
  sheet: string;
  active = { row: 0, col: 0 };
  anchor = { row: 0, col: 0 };
  private readonly listeners: Array<() => void> = [];

  constructor(sheet = "Sheet1") {
    this.sheet = sheet;
    this.engine = kcEngine({ [sheet]: [] });
    this.engine.on("valuesUpdated", () => this.changed());
  }

  /** Calls `listener` after every change to cells, sheets, the selection or the sheet shown. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Selects a cell, as a click does; with `extend`, the block from the previous anchor to it (Shift+click). */
  selectCell(row: number, col: number, extend = false): void {
    this.active = { row, col };
    if (!extend) this.anchor = { row, col };
    this.changed();
  }

  /** Shows a sheet, as clicking its tab does. */
  showSheet(name: string): void {
    this.sheetId(name);
    this.sheet = name;
    this.active = this.anchor = { row: 0, col: 0 };
    this.changed();
  }

  /** Types into the active cell, as the formula bar does (ignored on a protected sheet). */
  setCell(row: number, col: number, text: string): void {
    if (this.protectedSheets.has(this.sheet)) return;
    const content = text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    this.engine.setCellContents({ sheet: this.sheetId(), row, col }, [[content]]);
    this.changed();
  }

  sheetId(name = this.sheet): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw workbookError("noSheet", name);
    return id;
  }

  /** The selected block's corners. */
  selected(): { top: number; left: number; bottom: number; right: number } {
    return {
      top: Math.min(this.anchor.row, this.active.row),
      left: Math.min(this.anchor.col, this.active.col),
      bottom: Math.max(this.anchor.row, this.active.row),
      right: Math.max(this.anchor.col, this.active.col),
    };
  }

  async activeCell(): Promise<CellRef> {
    return { sheet: this.sheet, ...this.active };
  }

  async selection(): Promise<Block> {
    const s = this.selected();
    return { sheet: this.sheet, row: s.top, col: s.left, rows: s.bottom - s.top + 1, cols: s.right - s.left + 1 };
  }

  async sheetNames(): Promise<string[]> {
    return this.engine.getSheetNames();
  }

  /** The block from A1 to the last cell in use, or null when the sheet is empty. */
  usedBlock(sheet: string): Block | null {
    const { width, height } = this.engine.getSheetDimensions(this.sheetId(sheet));
    return width && height ? { sheet, row: 0, col: 0, rows: height, cols: width } : null;
  }

  async usedRange(sheet: string): Promise<Block | null> {
    return this.usedBlock(sheet);
  }

  async isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean> {
    const sheet = this.sheetId(at.sheet);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) if (!this.engine.isCellEmpty({ sheet, row: at.row + r, col: at.col + c })) return false;
    }
    return true;
  }

  /** A cell as Excel's `range.formulas` reads it: its formula, its constant, or the value a spill put there. */
  formulaAt(address: SimpleCellAddress): CellValue {
    const formula = this.engine.getCellFormula(address);
    if (formula) return formula;
    const value = this.engine.isCellPartOfArray(address) ? this.engine.getCellValue(address) : this.engine.getCellSerialized(address);
    return plain(value);
  }

  /** A cell a spill fills (not its anchor). */
  isSpilled(address: SimpleCellAddress): boolean {
    return this.engine.isCellPartOfArray(address) && !this.engine.getCellFormula(address);
  }

  async read(block: Block): Promise<BlockContent> {
    const sheet = this.sheetId(block.sheet);
    const at = (r: number, c: number) => ({ sheet, row: block.row + r, col: block.col + c });
    const grid = <T>(f: (r: number, c: number) => T) => Array.from({ length: block.rows }, (_, r) => Array.from({ length: block.cols }, (_, c) => f(r, c)));
    const formulas = grid((r, c) => this.formulaAt(at(r, c)));
    const values = grid((r, c) => plain(this.engine.getCellValue(at(r, c))));
    const spills: BlockContent["spills"] = [];
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !f.startsWith("=") || !this.engine.isCellPartOfArray(at(r, c))) return;
        const anchor = at(r, c);
        const inArray = (dr: number, dc: number) => this.isSpilled({ sheet, row: anchor.row + dr, col: anchor.col + dc });
        let rows = 1;
        let cols = 1;
        while (inArray(rows, 0)) rows++;
        while (inArray(0, cols)) cols++;
        spills.push({
          row: anchor.row,
          col: anchor.col,
          values: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => plain(this.engine.getCellValue({ sheet, row: anchor.row + i, col: anchor.col + j })))),
        });
      }),
    );
    return { formulas, values, spills };
  }

  async write(batch: Batch): Promise<WriteResult> {
    try {
      const result = await writeAllOrNothing(new GridBatchHost(this), batch);
      if (batch.activate) {
        this.sheet = batch.activate;
        this.active = this.anchor = batch.select ? parseA1(batch.select) : { row: 0, col: 0 };
      }
      return result;
    } finally {
      this.changed();
    }
  }
}

function plain(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return value.value;
  return value === null || value === undefined ? "" : (value as CellValue);
}

/** The all-or-nothing write's primitives on the grid. Each batch gets its own host, which remembers what it added. */
class GridBatchHost implements BatchHost {
  private chartCount = 0;
  private logWritten: Block | null = null;

  constructor(private readonly grid: GridWorkbook) {}

  private get engine(): HyperFormula {
    return this.grid.engine;
  }

  async read(query: ReadQuery): Promise<ReadFacts> {
    const names = this.engine.getSheetNames();
    const find = (name: string) => names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? null;
    const saved: Saved[] = query.blocks.map((block) => {
      const sheet = this.grid.sheetId(block.sheet);
      const cells = (f: (address: SimpleCellAddress, key: string) => CellValue | string) =>
        Array.from({ length: block.rows }, (_, r) => Array.from({ length: block.cols }, (_, c) => f({ sheet, row: block.row + r, col: block.col + c }, `${block.sheet}!${a1(block.row + r, block.col + c)}`)));
      return {
        block,
        formulas: cells((address) => (this.grid.isSpilled(address) ? "" : this.grid.formulaAt(address))),
        formats: cells((_, key) => this.grid.formats.get(key) ?? "General") as string[][],
      };
    });
    return {
      sheets: Object.fromEntries(query.sheets.map((name) => [name, find(name)])),
      protected: query.protection.filter((name) => this.grid.protectedSheets.has(name)),
      saved,
      used: Object.fromEntries(query.used.map((name) => [name, this.grid.usedBlock(name)])),
    };
  }

  /** Writes cells, refusing (as Excel would, mid-batch) where a test said so. */
  private put(block: Block, cells: CellValue[][], formats?: string[][]): void {
    const refused = cells.flatMap((row, r) => row.map((_, c) => `${block.sheet}!${a1(block.row + r, block.col + c)}`)).find((key) => this.grid.refusedCells.has(key));
    if (refused) throw Object.assign(new Error(`The cell ${refused} cannot be changed.`), { code: "AccessDenied" });
    this.engine.setCellContents({ sheet: this.grid.sheetId(block.sheet), row: block.row, col: block.col }, cells.map((row) => row.map(toEngine)));
    formats?.forEach((row, r) => row.forEach((f, c) => this.grid.formats.set(`${block.sheet}!${a1(block.row + r, block.col + c)}`, f)));
  }

  async apply(batch: Batch, writes: SizedWrite[], log: LogPlan | null): Promise<Block | null> {
    this.chartCount = this.grid.charts.length;
    this.engine.suspendEvaluation();
    try {
      for (const name of batch.newSheets ?? []) this.engine.addSheet(name);
      for (const w of writes) this.put(w, w.cells, w.formats);
      if (log) {
        const used = this.grid.usedBlock(log.sheet);
        // Below what the sheet holds now, worked out in the same step as the write.
        const block = logBlock(log, log.atRow ?? (used ? used.row + used.rows : 0));
        this.put(block, log.rows);
        this.logWritten = block;
      }
      for (const chart of batch.charts ?? []) {
        this.grid.sheetId(chart.sheet);
        this.grid.charts.push(chart);
      }
      for (const look of batch.looks ?? []) {
        this.grid.sheetId(look.sheet);
        look.bold?.forEach((address) => this.grid.bold.add(`${look.sheet}!${address}`));
        look.inputs?.forEach((address) => this.grid.inputs.add(`${look.sheet}!${address}`));
      }
      if (batch.activate) this.grid.sheetId(batch.activate);
    } finally {
      this.engine.resumeEvaluation();
    }
    return this.logWritten;
  }

  async undo(added: string[], saved: Saved[]): Promise<void> {
    this.engine.suspendEvaluation();
    try {
      for (const name of added) {
        const id = this.engine.getSheetId(name);
        if (id !== undefined) this.engine.removeSheet(id);
        for (const set of [this.grid.bold, this.grid.inputs]) for (const key of [...set]) if (key.startsWith(`${name}!`)) set.delete(key);
      }
      for (const s of saved) {
        // Everything but the formulas first, then the formulas: a spill's anchor written before the empty cells it
        // spills into would find them taken.
        const at = { sheet: this.grid.sheetId(s.block.sheet), row: s.block.row, col: s.block.col };
        const isFormula = (cell: CellValue) => typeof cell === "string" && cell.startsWith("=");
        this.engine.setCellContents(at, s.formulas.map((row) => row.map((cell) => (isFormula(cell) ? null : toEngine(cell)))));
        s.formulas.forEach((row, r) => row.forEach((cell, c) => void (isFormula(cell) ? this.engine.setCellContents({ ...at, row: at.row + r, col: at.col + c }, [[cell]]) : null)));
        s.formats.forEach((row, r) =>
          row.forEach((f, c) => {
            const key = `${s.block.sheet}!${a1(s.block.row + r, s.block.col + c)}`;
            if (f === "General") this.grid.formats.delete(key);
            else this.grid.formats.set(key, f);
          }),
        );
      }
      const log = this.logWritten;
      if (log && !added.includes(log.sheet)) this.engine.setCellContents({ sheet: this.grid.sheetId(log.sheet), row: log.row, col: log.col }, Array.from({ length: log.rows }, () => Array<null>(log.cols).fill(null)));
      this.grid.charts.length = this.chartCount;
    } finally {
      this.engine.resumeEvaluation();
    }
  }
}
