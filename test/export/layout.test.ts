/**
 * The portable model's layout, checked without a spreadsheet engine: every formula reads cells that exist and hold
 * numbers, uses nothing but cell references and + - * /, and evaluates (exactly) to the core's value; every printed
 * figure is a constant with the line it is printed on beside it; the Scenario sheet recomputes as the core's overrides do.
 */
import { a1, numberFormat, parseBlock, parseFormula, toNumber } from "../../src/core";
import { D } from "../../src/core/decimal";
import { FILING_NAME, FILING_SHA256, FILING_TEXT } from "../../src/data/filing.generated";
import { DEFAULT_SCENARIO_INPUTS, LayoutCell, SHEET_NAMES, buildWorkbookLayout, cellAddress, render, renameSheets, sheetGrid } from "../../src/export";
import { engine, excel } from "../helpers/engine";
import { cellIndex, cellKey, evaluateLayout, formulaReferences } from "./workbook";

const layout = buildWorkbookLayout(engine);
/** "'KC IS'!C7" -> its sheet and its cell's address. */
const splitReference = (ref: string) => {
  const block = parseBlock(ref);
  return { sheet: block.sheet, address: a1(block.row, block.col) };
};
const index = cellIndex(layout);
const filingLines = FILING_TEXT.split("\n");
const all = layout.sheets.flatMap((sheet) => sheet.cells.map((cell) => ({ sheet: sheet.name, cell })));
const formulaCells = all.filter(({ cell }) => cell.formula !== undefined);
const sheet = (name: string) => layout.sheets.find((s) => s.name === name) as (typeof layout.sheets)[number];
const at = (sheetName: string, address: string): LayoutCell | undefined => index.get(cellKey(sheetName, address))?.cell;

describe("sheets", () => {
  test("About first, then the statements, the bridges, the ratios and the scenario", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual(["About", "IS", "BS", "CF", "Non-GAAP", "Ratios", "Scenario"]);
  });

  test("cell addresses match their row and column, and no cell is written twice", () => {
    for (const s of layout.sheets) {
      const seen = new Set<string>();
      for (const c of s.cells) {
        expect(c.address).toBe(cellAddress(c.row, c.col));
        expect(seen.has(c.address)).toBe(false);
        seen.add(c.address);
      }
    }
  });

  test("the layout is plain data (the task pane can take it as JSON)", () => {
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  test("About states what the workbook is, the filing and its SHA-256, where figures come from, and that no add-in is needed", () => {
    const text = sheet("About").cells.map((c) => String(c.value)).join("\n");
    expect(text).toContain(FILING_NAME);
    expect(text).toContain(FILING_SHA256);
    expect(text).toMatch(/without the KC add-in/);
    expect(text).toMatch(/Line column/);
    for (const s of layout.sheets.slice(1)) expect(text).toContain(s.name);
  });
});

describe("formulas", () => {
  test("there are formulas on every sheet but About", () => {
    for (const s of layout.sheets) expect(s.cells.some((c) => c.formula !== undefined)).toBe(s.name !== "About");
  });

  test("every formula reads only existing numeric cells, with references, numbers and + - * / only (no functions, so no add-in)", () => {
    const problems: string[] = [];
    for (const { sheet: s, cell } of formulaCells) {
      const where = `${s}!${cell.address} =${cell.formula}`;
      const refs = formulaReferences(cell.formula as string, s);
      if (refs.length === 0) problems.push(`${where}: reads no cell`);
      if (/[A-Z]+\.?[A-Z]*\(/.test(cell.formula as string)) problems.push(`${where}: calls a function`);
      for (const ref of refs) {
        const target = at(ref.sheet, ref.address);
        if (!target) problems.push(`${where}: ${ref.sheet}!${ref.address} is empty`);
        else if (target.formula === undefined && typeof target.value !== "number") problems.push(`${where}: ${ref.sheet}!${ref.address} holds text`);
      }
    }
    expect(problems).toEqual([]);
    expect(formulaCells.length).toBeGreaterThan(250);
  });

  const values = evaluateLayout(layout);

  test("every formula evaluates exactly to the core's value, its cached result", () => {
    for (const { sheet: s, cell } of formulaCells) {
      const value = values.get(cellKey(s, cell.address));
      expect({ at: `${s}!${cell.address}`, value: value && toNumber(value) }).toEqual({ at: `${s}!${cell.address}`, value: cell.result });
    }
  });

  test.each([
    // Figures typed from the filing (line); in the workbook each is a formula over the printed figures.
    ["GrossProfit", "2026Q1", 345748], // 235
    ["NetLoss", "2026Q1", -343720], // 249
    ["TotalAssets", "2026Q1", 28456254], // 194
    ["AdjustedEBITDA", "2026Q1", 747506], // 305
    ["AdjustedEBITDA", "2025Q1", 318543], // 305
    ["AdjustedNetLoss", "2025Q4", -94632], // 299
    ["AdjustedGrossProfit", "2026Q1", 351406], // 273
  ])("the layout's formula for %s %s computes %p, as printed", (id, period, printed) => {
    const home = splitReference(layout.homes[`${id}|${period}`]);
    expect(at(home.sheet, home.address)?.formula).toBeDefined();
    expect(toNumber(values.get(cellKey(home.sheet, home.address)) as InstanceType<typeof D>)).toBe(printed);
  });

  test("every formula that restates a printed figure reproduces it: amounts exactly, margins and per-share amounts to the printed rounding", () => {
    let checked = 0;
    for (const { sheet: s, cell } of formulaCells) {
      if (!cell.printed) continue;
      const value = values.get(cellKey(s, cell.address)) as InstanceType<typeof D>;
      const unit = engine.metric(cell.metric as string).unit;
      const shown = unit === "amount" || unit === "shares" ? value : value.toDecimalPlaces(cell.printed.decimals, D.ROUND_HALF_UP);
      expect({ at: `${s}!${cell.address}`, line: cell.printed.line, value: shown.toFixed() }).toEqual({ at: `${s}!${cell.address}`, line: cell.printed.line, value: D(cell.printed.value).toFixed() });
      checked++;
    }
    expect(checked).toBeGreaterThan(120);
  });

  test("every metric the catalog computes is a formula at its home cell; printed leaves are constants", () => {
    for (const [key, ref] of Object.entries(layout.homes)) {
      const [metric] = key.split("|");
      const { sheet: s, address } = splitReference(ref);
      const cell = at(s, address) as LayoutCell;
      if (engine.metric(metric).formula) expect({ key, role: cell.role }).toEqual({ key, role: "computed" });
      else expect({ key, role: cell.role }).toEqual({ key, role: "printed" });
    }
  });

  test("subtotals translate their catalog formula: Total revenues is public + enterprise cloud, gross margin is gross profit / revenues", () => {
    const home = (id: string, p: string) => layout.homes[`${id}|${p}`];
    const local = (ref: string) => splitReference(ref).address;
    expect(splitReference(home("TotalRevenues", "2026Q1")).sheet).toBe("IS");
    expect(at("IS", local(home("TotalRevenues", "2026Q1")))?.formula).toBe(`${local(home("PublicCloudRevenues", "2026Q1"))}+${local(home("EnterpriseCloudRevenues", "2026Q1"))}`);
    const gm = splitReference(home("GrossMargin", "2026Q1"));
    expect(gm.sheet).toBe("Non-GAAP");
    expect(at(gm.sheet, gm.address)?.formula).toBe(`${home("GrossProfit", "2026Q1")}/${home("TotalRevenues", "2026Q1")}`);
  });
});

describe("printed figures", () => {
  const printed = all.filter(({ cell }) => cell.role === "printed");

  test("are constants equal to the printed figure, with the line they are printed on beside them and quoted in their note", () => {
    expect(printed.length).toBeGreaterThan(100);
    for (const { sheet: s, cell } of printed) {
      const p = cell.printed;
      expect(p).toBeDefined();
      if (!p) continue;
      expect(cell.formula).toBeUndefined();
      expect(D(cell.value as number).eq(D(p.value))).toBe(true);
      const row = sheet(s).cells.filter((c) => c.row === cell.row);
      expect(row.find((c) => c.role === "line")?.value).toBe(p.line);
      expect(filingLines[p.line - 1]).toContain(p.text.replace(/^-$/, "-"));
      expect(cell.note).toContain(`Line ${p.line}`);
    }
  });

  test("every RMB figure of every printed table has its cell, on the row of the line it is printed on", () => {
    for (const table of engine.tables()) {
      for (const row of table.rows) {
        const metric = engine.rowMetric(row);
        if (!metric) continue;
        table.columns.forEach((column) => {
          if (column.currency === "USD") return;
          const found = all.filter(({ cell }) => cell.metric === metric && cell.period === column.period && cell.printed?.line === row.line);
          expect({ metric, period: column.period, line: row.line, cells: found.filter((f) => f.sheet !== "Scenario").length }).toEqual({ metric, period: column.period, line: row.line, cells: 1 });
        });
      }
    }
  });

  test("a figure printed twice has one home; its other row references it (gross profit in the bridge reads the income statement)", () => {
    const gp = all.filter(({ cell }) => cell.metric === "GrossProfit" && cell.period === "2026Q1" && cell.printed);
    expect(gp.map((g) => [g.sheet, g.cell.role])).toEqual([["IS", "computed"], ["Non-GAAP", "reference"]]);
    expect(gp[1].cell.formula).toBe(layout.homes["GrossProfit|2026Q1"]);
  });
});

describe("number formats", () => {
  test.each([
    ["TotalRevenues", "#,##0;(#,##0)"],
    ["GrossMargin", "0.0%"],
    ["OperatingMargin", "0.0%"],
    ["NetLossPerShare", "#,##0.00;(#,##0.00)"],
    ["WeightedAverageShares", "#,##0"],
  ])("%s: %s", (metric, format) => {
    const cells = all.filter(({ cell }) => cell.metric === metric && cell.role !== "line");
    expect(cells.length).toBeGreaterThan(0);
    for (const { cell } of cells) expect(cell.numFmt).toBe(format);
  });

  test("every figure cell has its unit's format", () => {
    for (const { cell } of all) if (cell.metric) expect(cell.numFmt).toBe(numberFormat(engine.metric(cell.metric).unit));
  });
});

describe("scenario", () => {
  const sc = layout.scenario;
  const inputKey = (metric: string) => cellKey(sc.sheet, (sc.inputs.find((i) => i.metric === metric) as { address: string }).address);

  test("inputs are constants holding the reported figures of the latest quarter", () => {
    expect(sc.period).toBe("2026Q1");
    expect(sc.inputs.map((i) => i.metric)).toEqual([...DEFAULT_SCENARIO_INPUTS]);
    for (const input of sc.inputs) {
      const cell = at(sc.sheet, input.address) as LayoutCell;
      expect(cell.role).toBe("input");
      expect(cell.value).toBe(excel.metric(input.metric, sc.period));
    }
  });

  test("every margin the filing prints, and the derived ones, is recomputed on the Scenario sheet", () => {
    const results = sc.results.map((r) => r.metric);
    for (const id of ["TotalRevenues", "GrossProfit", "OperatingLoss", "NetLoss", "AdjustedEBITDA", "GrossMargin", "AdjustedGrossMargin", "NetLossMargin", "AdjustedNetLossMargin", "AdjustedEBITDAMargin", "NormalizedAdjustedEBITDAMargin", "AdjustedOperatingLossMargin", "NormalizedAdjustedOperatingLossMargin", "OperatingMargin", "NetLossPerShare"]) {
      expect(results).toContain(id);
    }
  });

  test.each([
    [[["PublicCloudRevenues", 2_500_000]]],
    [[["CostOfRevenues", -2_000_000], ["SellingAndMarketingExpenses", -100_000]]],
    [[["EnterpriseCloudRevenues", 0], ["ShareBasedCompensation", 10_000], ["DepreciationAndAmortization", 1_000_000]]],
  ] as Array<[Array<[string, number]>]>)("changing inputs %j moves every result exactly as the core's overrides", (changes) => {
    const values = evaluateLayout(layout, new Map(changes.map(([id, v]) => [inputKey(id), v])));
    let moved = 0;
    for (const r of sc.results) {
      const expected = excel.metric(r.metric, sc.period, null, null, changes);
      const got = toNumber(values.get(cellKey(sc.sheet, r.address)) as InstanceType<typeof D>);
      expect({ metric: r.metric, value: got }).toEqual({ metric: r.metric, value: expected });
      if (expected !== excel.metric(r.metric, sc.period)) moved++;
    }
    expect(moved).toBeGreaterThan(5);
    // The statements stay as reported.
    const reported = evaluateLayout(layout);
    for (const { sheet: s, cell } of formulaCells) {
      if (s !== sc.sheet) expect(values.get(cellKey(s, cell.address))?.eq(reported.get(cellKey(s, cell.address)) as InstanceType<typeof D>)).toBe(true);
    }
  });
});

describe("formula text", () => {
  test.each([
    ["a + b + c", "A1+B1+C1"],
    ["a - (b + c)", "A1-(B1+C1)"],
    ["a - (b - c)", "A1-(B1-C1)"],
    ["(a + b) - c", "A1+B1-C1"],
    ["(a + b) * c", "(A1+B1)*C1"],
    ["a / (b * c)", "A1/(B1*C1)"],
    ["a * b / c", "A1*B1/C1"],
    ["-(a + b)", "-(A1+B1)"],
    ["-a", "-A1"],
    ["a * 1000 / b", "A1*1000/B1"],
  ])("%s -> %s", (text, excel) => {
    const cells: Record<string, string> = { a: "A1", b: "B1", c: "C1" };
    expect(render(parseFormula(text), (id) => cells[id])).toBe(excel);
  });

  test("rejects a scenario input the filing does not have for the latest quarter", () => {
    expect(() => buildWorkbookLayout(engine, { scenarioInputs: ["CashAtBeginningOfPeriod", "NoSuchMetric"] })).toThrow(/NoSuchMetric/);
  });

  test("names of the sheets are the exported constants", () => {
    expect(new Set(layout.sheets.map((s) => s.name))).toEqual(new Set(Object.values(SHEET_NAMES)));
  });
});

describe("for other writers", () => {
  test("renameSheets moves every reference with its sheet, and the workbook still evaluates the same", () => {
    const renamed = renameSheets(layout, { IS: "KC IS", "Non-GAAP": "Bridges" });
    expect(renamed.sheets.map((s) => s.name)).toEqual(["About", "KC IS", "BS", "CF", "Bridges", "Ratios", "Scenario"]);
    expect(renamed.homes["GrossMargin|2026Q1"]).toMatch(/^Bridges!D\d+$/);
    const read = new Set(renamed.sheets.flatMap((s) => s.cells.flatMap((c) => (c.formula ? formulaReferences(c.formula, s.name).map((r) => r.sheet) : []))));
    expect([...read].sort()).toEqual(["BS", "Bridges", "CF", "KC IS", "Ratios", "Scenario"]);
    expect(renamed.sheets.flatMap((s) => s.cells.map((c) => c.formula ?? "")).join("\n")).toContain("'KC IS'!");
    const before = evaluateLayout(layout);
    const after = evaluateLayout(renamed);
    const rename = (key: string) => key.replace(/^IS!/, "KC IS!").replace(/^Non-GAAP!/, "Bridges!");
    for (const [key, value] of before) expect({ key, eq: after.get(rename(key))?.eq(value) }).toEqual({ key, eq: true });
  });

  test("sheetGrid gives dense rows from A1 with '=' formulas and formats, as Office.js takes them", () => {
    const is = sheet("IS");
    const grid = sheetGrid(is);
    const total = is.cells.find((c) => c.metric === "TotalRevenues" && c.period === "2026Q1") as LayoutCell;
    expect(grid.formulas[total.row - 1][total.col - 1]).toBe(`=${total.formula}`);
    expect(grid.formats[total.row - 1][total.col - 1]).toBe("#,##0;(#,##0)");
    expect(grid.formulas[0][0]).toBe(is.cells[0].value);
    expect(new Set(grid.formulas.map((r) => r.length))).toEqual(new Set([Math.max(...is.cells.map((c) => c.col))]));
    expect(grid.formulas.flat().filter((f) => typeof f === "string" && f.startsWith("=")).length).toBe(is.cells.filter((c) => c.formula).length);
  });
});
