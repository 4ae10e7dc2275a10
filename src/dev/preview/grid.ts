/**
 * The preview's workbook: a small grid on HyperFormula that implements the task pane's Workbook interface, so the
 * same task pane can insert into it, build a model in it and freeze it, and its KC formulas compute as in Excel.
 * Click a cell to make it active (Shift+click selects a block); type into the formula bar and press Enter to change it.
 * Like Excel it refuses writes to a protected sheet and sheet names already taken, and a batch is all or nothing.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent, SimpleCellAddress } from "hyperformula";
import { a1, columnName, formatValue, unitOfFormat } from "../../core";
import { Batch, Block, BlockContent, CellRef, CellValue, ChartSpec, Workbook, WorkbookError, checkBatch, workbookError } from "../../taskpane/workbook";
import { kcEngine } from "../hyperformula-kc";

const MIN_ROWS = 20;
const MIN_COLS = 8;
const SVG = "http://www.w3.org/2000/svg";

/** A cell as the grid shows it: numbers as their number format's unit shows them, as Excel would. */
function display(value: unknown, format: string | undefined): string {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  const unit = unitOfFormat(format);
  return unit ? formatValue(value, unit) : String(value);
}

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
  private sheet: string;
  private active = { row: 0, col: 0 };
  private anchor = { row: 0, col: 0 };
  private readonly table: HTMLTableElement;
  private readonly bar: HTMLInputElement;
  private readonly tabs: HTMLElement;
  private readonly nameBox: HTMLElement;
  private readonly chartBox: HTMLElement;

  constructor(root: HTMLElement, sheet = "Sheet1") {
    this.sheet = sheet;
    this.engine = kcEngine({ [sheet]: [] });
    this.nameBox = document.createElement("span");
    this.nameBox.id = "grid-address";
    this.bar = document.createElement("input");
    this.bar.id = "grid-formula-bar";
    this.bar.setAttribute("aria-label", "Formula bar");
    this.bar.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      this.setCell(this.active.row, this.active.col, this.bar.value);
    });
    const barRow = document.createElement("div");
    barRow.className = "grid-bar";
    barRow.append(this.nameBox, this.bar);
    this.table = document.createElement("table");
    this.table.id = "grid";
    this.table.className = "grid";
    this.table.setAttribute("aria-label", "Preview sheet");
    this.tabs = document.createElement("div");
    this.tabs.className = "grid-tabs";
    this.tabs.setAttribute("role", "group");
    this.tabs.setAttribute("aria-label", "Sheets");
    this.chartBox = document.createElement("div");
    this.chartBox.id = "grid-charts";
    const scroller = document.createElement("div");
    scroller.className = "grid-scroll";
    scroller.append(this.table);
    root.append(barRow, scroller, this.tabs, this.chartBox);
    this.engine.on("valuesUpdated", () => this.render());
    this.render();
  }

  /** Selects a cell, as a click does; with `extend`, the block from the previous anchor to it (Shift+click). */
  selectCell(row: number, col: number, extend = false): void {
    this.active = { row, col };
    if (!extend) this.anchor = { row, col };
    this.render();
  }

  /** Shows a sheet, as clicking its tab does. */
  showSheet(name: string): void {
    this.sheetId(name);
    this.sheet = name;
    this.active = this.anchor = { row: 0, col: 0 };
    this.render();
  }

  private setCell(row: number, col: number, text: string): void {
    if (this.protectedSheets.has(this.sheet)) return;
    const content = text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    this.engine.setCellContents({ sheet: this.sheetId(), row, col }, [[content]]);
    this.render();
  }

  private sheetId(name = this.sheet): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw workbookError("noSheet", name);
    return id;
  }

  private selected(): { top: number; left: number; bottom: number; right: number } {
    return {
      top: Math.min(this.anchor.row, this.active.row),
      left: Math.min(this.anchor.col, this.active.col),
      bottom: Math.max(this.anchor.row, this.active.row),
      right: Math.max(this.anchor.col, this.active.col),
    };
  }

  private render(): void {
    const sheet = this.sheetId();
    const size = this.engine.getSheetDimensions(sheet);
    const rowCount = Math.max(MIN_ROWS, size.height + 2);
    const colCount = Math.max(MIN_COLS, size.width + 1);
    const sel = this.selected();
    const head = document.createElement("tr");
    head.append(document.createElement("th"));
    for (let c = 0; c < colCount; c++) {
      const th = document.createElement("th");
      th.textContent = columnName(c);
      th.scope = "col";
      head.append(th);
    }
    const rows: HTMLTableRowElement[] = [head];
    for (let r = 0; r < rowCount; r++) {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.textContent = String(r + 1);
      th.scope = "row";
      tr.append(th);
      for (let c = 0; c < colCount; c++) {
        const td = document.createElement("td");
        const address = a1(r, c);
        const value = this.engine.getCellValue({ sheet, row: r, col: c });
        td.textContent = display(value, this.formats.get(`${this.sheet}!${address}`));
        if (value instanceof DetailedCellError) td.title = value.message;
        const key = `${this.sheet}!${address}`;
        td.className = [typeof value === "number" ? "num" : "", this.bold.has(key) ? "bold" : "", this.inputs.has(key) ? "input" : ""].filter(Boolean).join(" ");
        td.dataset.address = address;
        if (r === this.active.row && c === this.active.col) td.setAttribute("aria-selected", "true");
        else if (r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right) td.dataset.selected = "true";
        td.addEventListener("click", (event) => this.selectCell(r, c, event.shiftKey));
        tr.append(td);
      }
      rows.push(tr);
    }
    this.table.replaceChildren(...rows);
    const block = sel.top === sel.bottom && sel.left === sel.right ? a1(sel.top, sel.left) : a1(sel.top, sel.left, sel.bottom - sel.top + 1, sel.right - sel.left + 1);
    this.nameBox.textContent = `${this.sheet}!${block}`;
    const formula = this.engine.getCellSerialized({ sheet, row: this.active.row, col: this.active.col });
    this.bar.value = formula === null || formula === undefined ? "" : String(formula);
    this.bar.readOnly = this.protectedSheets.has(this.sheet);
    this.tabs.replaceChildren(
      ...this.engine.getSheetNames().map((name) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = name;
        b.dataset.sheet = name;
        b.setAttribute("aria-pressed", String(name === this.sheet));
        b.addEventListener("click", () => this.showSheet(name));
        return b;
      }),
    );
    this.chartBox.replaceChildren(...this.charts.filter((c) => c.sheet === this.sheet).map((c) => this.chartFigure(c)));
  }

  /** A chart record drawn as a small SVG: stacked columns, lines on their own (secondary) scale. */
  private chartFigure(spec: ChartSpec): HTMLElement {
    const sheet = this.sheetId(spec.sheet);
    const cell = (r: number, c: number) => this.engine.getCellValue({ sheet, row: spec.data.row + r, col: spec.data.col + c });
    const categories = Array.from({ length: spec.data.rows - 1 }, (_, i) => String(cell(i + 1, 0)));
    const series = Array.from({ length: spec.data.cols - 1 }, (_, s) => ({
      name: String(cell(0, s + 1)),
      line: spec.lines.includes(s),
      values: categories.map((_, i) => {
        const v = cell(i + 1, s + 1);
        return typeof v === "number" ? v : 0;
      }),
    }));
    const figure = document.createElement("figure");
    figure.className = "grid-chart";
    figure.dataset.title = spec.title;
    const caption = document.createElement("figcaption");
    caption.textContent = `${spec.title} (chart at ${a1(spec.at.row, spec.at.col)}; in Excel a native combo chart)`;
    const [w, h, pad] = [420, 180, 24];
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${w} ${h + 30}`);
    svg.setAttribute("width", String(w));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `${spec.title}: ${series.map((s) => s.name).join(", ")} by ${categories.join(", ")}`);
    const bars = series.filter((s) => !s.line);
    const lines = series.filter((s) => s.line);
    const maxBar = Math.max(1, ...categories.map((_, i) => bars.reduce((t, s) => t + Math.max(0, s.values[i]), 0)));
    const lineValues = lines.flatMap((s) => s.values);
    const [lo, hi] = [Math.min(0, ...lineValues), Math.max(0.01, ...lineValues)];
    const slot = (w - 2 * pad) / Math.max(1, categories.length);
    const colors = ["#0f6cbd", "#6cb8f6", "#c4314b", "#107c41", "#8764b8"];
    const add = (tag: string, attrs: Record<string, string>, text?: string) => {
      const node = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      svg.append(node);
    };
    categories.forEach((category, i) => {
      let y = h;
      bars.forEach((s, b) => {
        const height = (Math.max(0, s.values[i]) / maxBar) * (h - pad);
        y -= height;
        add("rect", { x: String(pad + i * slot + slot * 0.25), y: String(y), width: String(slot * 0.5), height: String(height), fill: colors[b % colors.length] });
      });
      add("text", { x: String(pad + i * slot + slot / 2), y: String(h + 14), "text-anchor": "middle", "font-size": "11" }, category);
    });
    lines.forEach((s, l) => {
      const points = s.values.map((v, i) => `${pad + i * slot + slot / 2},${h - ((v - lo) / (hi - lo)) * (h - pad)}`).join(" ");
      add("polyline", { points, fill: "none", stroke: colors[(bars.length + l) % colors.length], "stroke-width": "2" });
    });
    add("text", { x: String(pad), y: String(h + 28), "font-size": "10" }, series.map((s) => `${s.line ? "—" : "■"} ${s.name}`).join("   "));
    figure.append(caption, svg);
    return figure;
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

  async usedRange(sheet: string): Promise<Block | null> {
    const { width, height } = this.engine.getSheetDimensions(this.sheetId(sheet));
    return width && height ? { sheet, row: 0, col: 0, rows: height, cols: width } : null;
  }

  async isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean> {
    const sheet = this.sheetId(at.sheet);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) if (!this.engine.isCellEmpty({ sheet, row: at.row + r, col: at.col + c })) return false;
    }
    return true;
  }

  private formulaAt(address: SimpleCellAddress): CellValue {
    const formula = this.engine.getCellFormula(address);
    if (formula) return formula;
    const value = this.engine.isCellPartOfArray(address) ? this.engine.getCellValue(address) : this.engine.getCellSerialized(address);
    return this.plain(value);
  }

  private plain(value: unknown): CellValue {
    if (value instanceof DetailedCellError) return value.value;
    return value === null || value === undefined ? "" : (value as CellValue);
  }

  async read(block: Block): Promise<BlockContent> {
    const sheet = this.sheetId(block.sheet);
    const at = (r: number, c: number) => ({ sheet, row: block.row + r, col: block.col + c });
    const grid = <T>(f: (r: number, c: number) => T) => Array.from({ length: block.rows }, (_, r) => Array.from({ length: block.cols }, (_, c) => f(r, c)));
    const formulas = grid((r, c) => this.formulaAt(at(r, c)));
    const values = grid((r, c) => this.plain(this.engine.getCellValue(at(r, c))));
    const spills: BlockContent["spills"] = [];
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !f.startsWith("=") || !this.engine.isCellPartOfArray(at(r, c))) return;
        const anchor = at(r, c);
        const inArray = (dr: number, dc: number) => {
          const a = { sheet, row: anchor.row + dr, col: anchor.col + dc };
          return this.engine.isCellPartOfArray(a) && !this.engine.getCellFormula(a);
        };
        let rows = 1;
        let cols = 1;
        while (inArray(rows, 0)) rows++;
        while (inArray(0, cols)) cols++;
        spills.push({
          row: anchor.row,
          col: anchor.col,
          values: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => this.plain(this.engine.getCellValue({ sheet, row: anchor.row + i, col: anchor.col + j })))),
        });
      }),
    );
    return { formulas, values, spills };
  }

  async write(batch: Batch): Promise<void> {
    const writes = checkBatch(batch);
    const newSheets = batch.newSheets ?? [];
    const existing = new Set(this.engine.getSheetNames().map((n) => n.toLowerCase()));
    const taken = newSheets.find((n) => existing.has(n.toLowerCase()));
    if (taken) throw workbookError("sheetTaken", taken);
    const locked = [...writes.map((w) => w.sheet), ...(batch.charts ?? []).map((c) => c.sheet)].find((s) => this.protectedSheets.has(s));
    if (locked) throw workbookError("sheetProtected", locked);
    const fresh = new Set(newSheets.map((n) => n.toLowerCase()));
    const saved = writes
      .filter((w) => !fresh.has(w.sheet.toLowerCase()))
      .map((w) => {
        const sheet = this.sheetId(w.sheet);
        const cells = Array.from({ length: w.rows }, (_, r) =>
          Array.from({ length: w.cols }, (_, c) => {
            const address = { sheet, row: w.row + r, col: w.col + c };
            return this.engine.isCellPartOfArray(address) && !this.engine.getCellFormula(address) ? null : (this.engine.getCellSerialized(address) as RawCellContent);
          }),
        );
        const formats = cells.map((row, r) => row.map((_, c) => this.formats.get(`${w.sheet}!${a1(w.row + r, w.col + c)}`)));
        return { w, cells, formats };
      });
    const chartCount = this.charts.length;
    this.engine.suspendEvaluation();
    try {
      for (const name of newSheets) this.engine.addSheet(name);
      for (const w of writes) {
        this.engine.setCellContents({ sheet: this.sheetId(w.sheet), row: w.row, col: w.col }, w.cells.map((row) => row.map(toEngine)));
        w.formats?.forEach((row, r) => row.forEach((f, c) => this.formats.set(`${w.sheet}!${a1(w.row + r, w.col + c)}`, f)));
      }
      for (const chart of batch.charts ?? []) {
        this.sheetId(chart.sheet);
        this.charts.push(chart);
      }
      for (const look of batch.looks ?? []) {
        this.sheetId(look.sheet);
        look.bold?.forEach((address) => this.bold.add(`${look.sheet}!${address}`));
        look.inputs?.forEach((address) => this.inputs.add(`${look.sheet}!${address}`));
      }
    } catch (error) {
      for (const name of newSheets) {
        const id = this.engine.getSheetId(name);
        if (id !== undefined) this.engine.removeSheet(id);
        for (const set of [this.bold, this.inputs]) for (const key of [...set]) if (key.startsWith(`${name}!`)) set.delete(key);
      }
      for (const s of saved) {
        this.engine.setCellContents({ sheet: this.sheetId(s.w.sheet), row: s.w.row, col: s.w.col }, s.cells);
        s.formats.forEach((row, r) =>
          row.forEach((f, c) => {
            const key = `${s.w.sheet}!${a1(s.w.row + r, s.w.col + c)}`;
            if (f === undefined) this.formats.delete(key);
            else this.formats.set(key, f);
          }),
        );
      }
      this.charts.length = chartCount;
      throw new WorkbookError(`The preview refused the change: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
    } finally {
      this.engine.resumeEvaluation();
    }
    if (batch.activate) this.showSheet(batch.activate);
    else this.render();
  }
}
