/**
 * The preview page (development builds only): the task pane beside a HyperFormula grid that stands in for Excel.
 * `?theme=dark` passes the colours Office reports for its Black theme, as Office.context.officeTheme would.
 * `?pane=320` sets the task pane's width (Excel opens it about 350 px wide; users narrow it to 320 or widen it).
 * `?lacks=ExcelApi 1.12,ExcelApi 1.8` plays an Excel without those requirement sets.
 * window.kcPreview exposes the grid, the pane, the release library and the pane's width for browser tests.
 */
import "./runtime"; // first: the functions bundle calls CustomFunctions.associate when it loads
import { DATASET } from "../../data/dataset.generated";
import { FILING_TEXT } from "../../data/filing.generated";
import { functionsEngine, useFunctionsEngine } from "../../functions/runtime";
import { mountTaskPane } from "../../taskpane/pane";
import { ReleaseLibrary } from "../../taskpane/release-library";
import { MemoryReleaseStore } from "../../taskpane/release-store";
import type { RequirementHost } from "../../taskpane/requirements";
import type { OfficeTheme } from "../../taskpane/theme";
import { GridWorkbook } from "./grid";
import { GridView } from "./grid-view";

const OFFICE_BLACK_THEME: OfficeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#363636", controlForegroundColor: "#ffffff" };
/** Excel's default task pane width. */
const DEFAULT_PANE_WIDTH = 350;

const params = new URLSearchParams(location.search);
const theme = params.get("theme") === "dark" ? OFFICE_BLACK_THEME : null;
const lacks = new Set((params.get("lacks") ?? "").split(",").map((s) => s.trim()).filter(Boolean));
/** Every set, except those `?lacks=` names. */
const requirements: RequirementHost = { isSetSupported: (name, version) => !lacks.has(`${name} ${version ?? ""}`.trim()) };

const app = document.getElementById("kc-app")!;
const setPaneWidth = (px: number) => app.style.setProperty("--pane-width", `${px}px`);
setPaneWidth(Number(params.get("pane")) || DEFAULT_PANE_WIDTH);

const grid = new GridWorkbook();
new GridView(document.getElementById("kc-grid")!, grid);
// Releases added here are kept for the page's life (the preview's workbook is in memory); adding or removing one
// recalculates the grid, as Excel's full calculation does.
const recalculate = async () => {
  grid.engine.rebuildAndRecalculate();
  grid.changed();
};
const library = new ReleaseLibrary({ dataset: DATASET, text: FILING_TEXT }, { store: new MemoryReleaseStore(), recalculate }, functionsEngine());
library.onChange(useFunctionsEngine);
const pane = mountTaskPane(app, { engine: functionsEngine(), library, filingText: FILING_TEXT, workbook: grid, theme, requirements });
(window as unknown as { kcPreview: unknown }).kcPreview = { grid, pane, library, setPaneWidth };
document.body.dataset.state = "ready";
