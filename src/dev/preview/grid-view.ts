/**
 * Draws the preview's workbook (grid.ts): a formula bar, the active sheet as a table, sheet tabs and charts. Click a
 * cell to make it active (Shift+click selects a block); type into the formula bar and press Enter to change it.
 * The selected cell is kept in view (after Build model: the first yellow input of the scenario).
 */
import { DetailedCellError } from "hyperformula";
import { a1, columnName, qualifiedA1 } from "../../core";
import type { ChartSpec } from "../../taskpane/workbook";
import { ChartData, chartFigure } from "./chart";
import { GridWorkbook } from "./grid";
import { formatCell } from "./number-format";

const MIN_ROWS = 20;
const MIN_COLS = 8;

export class GridView {
  private readonly table: HTMLTableElement;
  private readonly bar: HTMLInputElement;
  private readonly tabs: HTMLElement;
  private readonly nameBox: HTMLElement;
  private readonly chartBox: HTMLElement;
  private shown = "";

  constructor(
    root: HTMLElement,
    private readonly grid: GridWorkbook,
  ) {
    this.nameBox = document.createElement("span");
    this.nameBox.id = "grid-address";
    this.bar = document.createElement("input");
    this.bar.id = "grid-formula-bar";
    this.bar.setAttribute("aria-label", "Formula bar");
    this.bar.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      this.grid.setCell(this.grid.active.row, this.grid.active.col, this.bar.value);
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
    grid.onChange(() => this.render());
    this.render();
  }

  private render(): void {
    const g = this.grid;
    const engine = g.engine;
    const sheet = g.sheetId();
    const size = engine.getSheetDimensions(sheet);
    const rowCount = Math.max(MIN_ROWS, size.height + 2, g.active.row + 2);
    const colCount = Math.max(MIN_COLS, size.width + 1, g.active.col + 2);
    const sel = g.selected();
    const head = document.createElement("tr");
    head.append(document.createElement("th"));
    for (let c = 0; c < colCount; c++) {
      const th = document.createElement("th");
      th.textContent = columnName(c);
      th.scope = "col";
      head.append(th);
    }
    const rows: HTMLTableRowElement[] = [head];
    let activeCell: HTMLElement | null = null;
    for (let r = 0; r < rowCount; r++) {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.textContent = String(r + 1);
      th.scope = "row";
      tr.append(th);
      for (let c = 0; c < colCount; c++) {
        const td = document.createElement("td");
        const address = a1(r, c);
        const key = `${g.sheet}!${address}`;
        const value = engine.getCellValue({ sheet, row: r, col: c });
        td.textContent = value instanceof DetailedCellError ? value.value : typeof value === "number" ? formatCell(value, g.formats.get(key)) : value === null || value === undefined ? "" : String(value);
        if (value instanceof DetailedCellError) td.title = value.message;
        td.className = [typeof value === "number" ? "num" : "", g.bold.has(key) ? "bold" : "", g.inputs.has(key) ? "input" : ""].filter(Boolean).join(" ");
        td.dataset.address = address;
        if (r === g.active.row && c === g.active.col) {
          td.setAttribute("aria-selected", "true");
          activeCell = td;
        } else if (r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right) td.dataset.selected = "true";
        td.addEventListener("click", (event) => g.selectCell(r, c, event.shiftKey));
        tr.append(td);
      }
      rows.push(tr);
    }
    this.table.replaceChildren(...rows);
    const block = sel.top === sel.bottom && sel.left === sel.right ? a1(sel.top, sel.left) : a1(sel.top, sel.left, sel.bottom - sel.top + 1, sel.right - sel.left + 1);
    this.nameBox.textContent = `${g.sheet}!${block}`;
    const formula = engine.getCellSerialized({ sheet, row: g.active.row, col: g.active.col });
    this.bar.value = formula === null || formula === undefined ? "" : String(formula);
    this.bar.readOnly = g.protectedSheets.has(g.sheet);
    this.tabs.replaceChildren(
      ...engine.getSheetNames().map((name) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = name;
        b.dataset.sheet = name;
        b.setAttribute("aria-pressed", String(name === g.sheet));
        b.addEventListener("click", () => g.showSheet(name));
        return b;
      }),
    );
    this.chartBox.replaceChildren(...g.charts.filter((c) => c.sheet === g.sheet).map((c) => chartFigure(c, this.chartData(c))));
    // When the sheet or the active cell moved (a click, a write that selects), bring the active cell into view.
    const now = qualifiedA1({ sheet: g.sheet, ...g.active });
    if (now !== this.shown) activeCell?.scrollIntoView({ block: "nearest", inline: "nearest" });
    this.shown = now;
  }

  private chartData(spec: ChartSpec): ChartData {
    const sheet = this.grid.sheetId(spec.sheet);
    const cell = (r: number, c: number) => this.grid.engine.getCellValue({ sheet, row: spec.data.row + r, col: spec.data.col + c });
    const categories = Array.from({ length: spec.data.rows - 1 }, (_, i) => String(cell(i + 1, 0)));
    const series = Array.from({ length: spec.data.cols - 1 }, (_, s) => ({
      name: String(cell(0, s + 1)),
      line: spec.lines.includes(s),
      values: categories.map((_, i) => {
        const v = cell(i + 1, s + 1);
        return typeof v === "number" ? v : 0;
      }),
    }));
    return { categories, series };
  }
}
