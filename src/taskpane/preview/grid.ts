/**
 * The preview's workbook: a small grid on HyperFormula that implements the task pane's Workbook interface, so the
 * same task pane can insert into it and its KC formulas compute as they would in Excel. Click a cell to make it
 * active; type into the formula bar and press Enter to change it.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { formatValue } from "../view-model";
import { CellRef, CellValue, Workbook, a1, columnName } from "../workbook";
import { previewEngine } from "./kc-engine";

const ROWS = 20;
const COLS = 8;

function display(value: unknown, format: string | undefined): string {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  if (format === "0.0%") return formatValue(value, "ratio");
  if (format?.startsWith("#,##0.00")) return formatValue(value, "perShare");
  if (format?.startsWith("#,##0")) return formatValue(value, "amount");
  return String(value);
}

export class GridWorkbook implements Workbook {
  readonly engine: HyperFormula;
  private readonly formats = new Map<string, string>();
  private sheet: string;
  private active = { row: 0, col: 0 };
  private readonly table: HTMLTableElement;
  private readonly bar: HTMLInputElement;
  private readonly tabs: HTMLElement;
  private readonly nameBox: HTMLElement;

  constructor(private readonly root: HTMLElement, sheet = "Sheet1") {
    this.sheet = sheet;
    this.engine = previewEngine(sheet);
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
    this.tabs = document.createElement("div");
    this.tabs.className = "grid-tabs";
    root.append(barRow, this.table, this.tabs);
    this.engine.on("valuesUpdated", () => this.render());
    this.render();
  }

  /** Selects a cell, as a click does. */
  selectCell(row: number, col: number): void {
    this.active = { row, col };
    this.render();
  }

  private setCell(row: number, col: number, text: string): void {
    const content = text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    this.engine.setCellContents({ sheet: this.sheetId(), row, col }, [[content]]);
    this.render();
  }

  private sheetId(name = this.sheet): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new Error(`No sheet named '${name}'.`);
    return id;
  }

  private render(): void {
    const sheet = this.sheetId();
    const head = document.createElement("tr");
    head.append(document.createElement("th"));
    for (let c = 0; c < COLS; c++) {
      const th = document.createElement("th");
      th.textContent = columnName(c);
      head.append(th);
    }
    const rows: HTMLTableRowElement[] = [head];
    for (let r = 0; r < ROWS; r++) {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.textContent = String(r + 1);
      tr.append(th);
      for (let c = 0; c < COLS; c++) {
        const td = document.createElement("td");
        const address = a1(r, c);
        const value = this.engine.getCellValue({ sheet, row: r, col: c });
        td.textContent = display(value, this.formats.get(`${this.sheet}!${address}`));
        if (value instanceof DetailedCellError) td.title = value.message;
        if (typeof value === "number") td.className = "num";
        td.dataset.address = address;
        if (r === this.active.row && c === this.active.col) td.setAttribute("aria-selected", "true");
        td.addEventListener("click", () => this.selectCell(r, c));
        tr.append(td);
      }
      rows.push(tr);
    }
    this.table.replaceChildren(...rows);
    this.nameBox.textContent = `${this.sheet}!${a1(this.active.row, this.active.col)}`;
    const formula = this.engine.getCellSerialized({ sheet, row: this.active.row, col: this.active.col });
    this.bar.value = formula === null || formula === undefined ? "" : String(formula);
    this.tabs.replaceChildren(
      ...this.engine.getSheetNames().map((name) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = name;
        b.setAttribute("aria-pressed", String(name === this.sheet));
        b.addEventListener("click", () => ((this.sheet = name), this.render()));
        return b;
      }),
    );
  }

  async activeCell(): Promise<CellRef> {
    return { sheet: this.sheet, ...this.active };
  }

  async isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean> {
    const sheet = this.sheetId(at.sheet);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) if (!this.engine.isCellEmpty({ sheet, row: at.row + r, col: at.col + c })) return false;
    }
    return true;
  }

  async writeValues(at: CellRef, values: CellValue[][]): Promise<void> {
    this.engine.setCellContents({ sheet: this.sheetId(at.sheet), row: at.row, col: at.col }, values);
    this.render();
  }

  async writeFormulas(at: CellRef, formulas: string[][]): Promise<void> {
    this.engine.setCellContents({ sheet: this.sheetId(at.sheet), row: at.row, col: at.col }, formulas);
    this.render();
  }

  async writeFormats(at: CellRef, formats: string[][]): Promise<void> {
    formats.forEach((row, r) => row.forEach((f, c) => this.formats.set(`${at.sheet}!${a1(at.row + r, at.col + c)}`, f)));
    this.render();
  }

  async addSheet(name: string): Promise<string> {
    if (!this.engine.isItPossibleToAddSheet(name)) throw new Error(`A sheet named '${name}' already exists.`);
    this.engine.addSheet(name);
    this.sheet = name;
    this.render();
    return name;
  }
}
