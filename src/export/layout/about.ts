/** The About sheet: what the workbook is, its source filing and SHA-256, how figures are made, and its sheets. */
import { Engine, STATEMENTS } from "../../core";
import { FORECAST_SHEET } from "./forecast";
import { CellRole, CellStyle, LayoutCell, SHEET_NAMES, ScenarioLayout, SheetLayout, cellAddress } from "./types";

export function buildAbout(engine: Engine, filing: { name: string; sha256: string }, sheets: SheetLayout[], scenario: ScenarioLayout): SheetLayout {
  const cells: LayoutCell[] = [];
  let row = 1;
  const put = (col: number, value: string, style?: CellStyle) => cells.push({ row, col, address: cellAddress(row, col), role: "text", value, style });
  const item = (label: string, text: string, style: CellStyle = "prose") => {
    put(1, label, "total");
    put(2, text, style);
    row++;
  };
  const count = (role: CellRole) => sheets.reduce((n, s) => n + s.cells.filter((c) => c.role === role).length, 0);
  const rateFigure = engine.printed("ExchangeRateRMBPerUSD", engine.latest, "")[0];

  put(1, `Kingsoft Cloud Holdings Limited (NASDAQ: KC, HKEX: 3896): financial statements for ${engine.latest}, as a portable model`, "title");
  row += 2;
  item(
    "What this is",
    `The balance sheet, statement of comprehensive loss, cash flow statement and reconciliations of GAAP and non-GAAP results from the company's unaudited ${engine.latest} earnings release, with derived ratios and a scenario sheet. Exported by KC for Excel (kc export-engine).`,
  );
  item(
    "No add-in needed",
    "Every figure is either a constant or an ordinary Excel formula (+ - * / and cell references). The workbook calculates in Excel, Excel on the web, LibreOffice Calc or Google Sheets without the KC add-in and without a network connection; send it to anyone.",
  );
  item("Source filing", filing.name, "code");
  item("SHA-256 of the filing", filing.sha256, "code");
  const releases = engine.releases();
  if (releases.length > 1) {
    const latest = releases[releases.length - 1];
    item(
      "Releases merged",
      `${releases.map((r) => `${r.label} (${r.sourceName})`).join("; ")}. Where two print a figure, the later release's is used; each figure's note names the release and line it comes from, and the Line column gives the line of the ${latest.label} (${latest.sourceName}), whose statements are the layout.`,
    );
  }
  item(
    "Where figures come from",
    `Constant figures are typed exactly as printed, in RMB thousands (share counts in shares, per-share amounts in RMB). The Line column gives the line of ${filing.name} each row is printed on, and each figure's note quotes the printed text. The release's US$ columns are convenience translations at ${rateFigure ? rateFigure.provenance.text : "the release's rate"} and are left out.`,
  );
  item(
    "What is computed",
    "Every subtotal, non-GAAP measure, margin and per-share amount is a formula over the printed figures, following the statement model of KC for Excel (the How column gives the formula). The subtotals and non-GAAP measures recompute to the printed figures exactly; margins and per-share amounts are unrounded (the filing prints them rounded, e.g. 12.8%).",
  );
  item(
    "Scenario",
    `On the ${scenario.sheet} sheet, type over a yellow input (${scenario.inputs.map((i) => i.metric).join(", ")}) for ${scenario.period}: the ${scenario.results.length} dependent subtotals, non-GAAP measures and margins recompute beside their reported figures. The statement sheets stay as reported.`,
  );
  item("Contents", `${count("printed")} printed figures, ${count("computed")} computed cells, ${count("reference")} cross-references.`);
  row++;
  put(1, "Sheets", "heading");
  row++;
  const describe: Record<string, string> = {
    ...Object.fromEntries(Object.values(STATEMENTS).filter((s) => s.sheet).map((s) => [s.sheet, s.sheetDescription])),
    [SHEET_NAMES.scenario]: `What-if for ${scenario.period}: inputs flow through native formulas to every margin`,
    [FORECAST_SHEET]: "The next quarters and full years, estimated from drivers (yellow inputs) by native formulas",
  };
  for (const s of sheets) {
    put(1, s.name, "code");
    put(2, describe[s.name] ?? "", "prose");
    row++;
  }
  row++;
  item("Caution", "Unaudited figures as released by the company. Not investment advice. Check the filing before relying on any figure.", "muted");
  return { name: SHEET_NAMES.about, widths: [28, 120], freeze: { rows: 0, cols: 0 }, cells };
}
