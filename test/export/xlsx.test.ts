/** The exceljs writer and `kc export-model`: the file holds the layout's formulas, cached results, formats and notes. */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isDeepStrictEqual } from "util";
import { runExportModel } from "../../src/cli/export-model";
import { engine } from "../helpers/engine";
import { buildWorkbookLayout } from "../../src/export/layout";
import { writeXlsx } from "../../src/export/xlsx";

const layout = buildWorkbookLayout(engine);
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "kc-xlsx-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("writeXlsx", () => {
  /** The layout written once with the defaults and read back, for the tests that only read it. */
  let written: Promise<ExcelJS.Workbook> | undefined;
  const writtenModel = () => (written ??= writeXlsx(layout, join(dir, "model.xlsx")).then(() => read(join(dir, "model.xlsx"))));

  test("writes every cell of the layout: constants, formulas with the core's cached result, number formats, notes", async () => {
    const workbook = await writtenModel();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(layout.sheets.map((s) => s.name));
    let notes = 0;
    const problems: unknown[] = [];
    for (const sheet of layout.sheets) {
      const ws = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      for (const cell of sheet.cells) {
        const at = `${sheet.name}!${cell.address}`;
        const target = ws.getCell(cell.address);
        // exceljs writes <v>0</v> but reads a cached 0 back as no result.
        const result = cell.result === 0 ? undefined : cell.result;
        const want = cell.formula === undefined ? cell.value : result === undefined ? { formula: cell.formula } : { formula: cell.formula, result };
        if (!isDeepStrictEqual(target.value, want)) problems.push({ at, got: target.value, want });
        if (cell.numFmt && target.numFmt !== cell.numFmt) problems.push({ at, numFmt: target.numFmt, want: cell.numFmt });
        if (cell.note) notes++;
      }
    }
    expect(problems).toEqual([]);
    expect(notes).toBeGreaterThan(100);
    const is = workbook.getWorksheet("IS") as ExcelJS.Worksheet;
    expect(is.views[0]).toMatchObject({ state: "frozen", ySplit: 5, xSplit: 1 });
  });

  test("cachedResults: false writes bare formulas, for a viewer that must recalculate", async () => {
    const file = join(dir, "bare.xlsx");
    await writeXlsx(layout, file, { cachedResults: false });
    const ws = (await read(file)).getWorksheet("IS") as ExcelJS.Worksheet;
    const cell = layout.sheets.find((s) => s.name === "IS")?.cells.find((c) => c.metric === "TotalRevenues") ;
    expect(ws.getCell(cell?.address as string).value).toEqual({ formula: cell?.formula });
  });

  test("scenario inputs are styled as inputs", async () => {
    const ws = (await writtenModel()).getWorksheet(layout.scenario.sheet) as ExcelJS.Worksheet;
    const fill = ws.getCell(layout.scenario.inputs[0].address).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FFFFF2CC");
  });
});

describe("kc export-model", () => {
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const code = await runExportModel(engine, args, (s) => lines.push(s));
    return { code, text: lines.join("\n") };
  };

  test("writes the workbook and says what it holds", async () => {
    const file = join(dir, "kc.xlsx");
    const { code, text } = await run([file]);
    expect(code).toBe(0);
    expect(text).toContain(`Wrote ${file}: sheets About, IS, BS, CF, Non-GAAP, Ratios, Scenario.`);
    expect(text).toMatch(/\d+ printed figures with their filing lines, \d+ native formulas, 8 scenario inputs for 2026Q1/);
    expect(text).toContain("Charts: Revenue mix (RMB thousands) and margins (sheet Ratios).");
    expect((await read(file)).worksheets).toHaveLength(7);
    expect(readdirSync(dir).filter((f) => f.includes(".partial-"))).toEqual([]);
  });

  test.each([
    [[], /give the workbook to write/],
    [["model.csv"], /must end in \.xlsx/],
    [["a.xlsx", "b.xlsx"], /expected one file, got 2/],
    [["--force", "a.xlsx"], /unknown option --force/],
    [["/no/such/folder/a.xlsx"], /folder \/no\/such\/folder does not exist/],
  ])("usage error %j -> exit 2", async (args, message) => {
    const { code, text } = await run(args as string[]);
    expect(code).toBe(2);
    expect(text).toMatch(message);
    expect(text).toContain("usage: kc export-model FILE.xlsx");
  });

  test("a folder named like a workbook is a usage error", async () => {
    expect((await run([dir + "/"])).code).toBe(2);
    const folder = join(dir, "folder.xlsx");
    require("fs").mkdirSync(folder);
    const { code, text } = await run([folder]);
    expect(code).toBe(2);
    expect(text).toMatch(/is a folder/);
  });

  test("errors go to err when it is given, the report to out", async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await runExportModel(engine, ["model.csv"], (s) => out.push(s), (s) => err.push(s))).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("\n")).toMatch(/must end in \.xlsx/);
    expect(await runExportModel(engine, [join(dir, "ok.xlsx")], (s) => out.push(s), (s) => err.push(s))).toBe(0);
    expect(out.join("\n")).toMatch(/^Wrote /);
  });

  test("--help prints the usage", async () => {
    expect(await run(["--help"])).toEqual({ code: 0, text: expect.stringContaining("usage: kc export-model FILE.xlsx") });
  });

  test("a file that cannot be written -> exit 1, no partial file left", async () => {
    const file = join(dir, `${"x".repeat(300)}.xlsx`);
    const { code, text } = await run([file]);
    expect(code).toBe(1);
    expect(text).toMatch(/cannot write/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes(".partial-"))).toEqual([]);
  });
});
