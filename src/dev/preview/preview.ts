/**
 * The preview page (development builds only): the task pane beside a HyperFormula grid that stands in for Excel.
 * `?theme=dark` passes the colours Office reports for its Black theme, as Office.context.officeTheme would.
 * window.kcPreview exposes both for browser tests.
 */
import "./runtime"; // first: the functions bundle calls CustomFunctions.associate when it loads
import { FILING_TEXT } from "../../data/filing.generated";
import { functionsEngine } from "../../functions/runtime";
import { mountTaskPane } from "../../taskpane/pane";
import type { OfficeTheme } from "../../taskpane/theme";
import { GridWorkbook } from "./grid";

const OFFICE_BLACK_THEME: OfficeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#363636", controlForegroundColor: "#ffffff" };

const theme = new URLSearchParams(location.search).get("theme") === "dark" ? OFFICE_BLACK_THEME : null;
const grid = new GridWorkbook(document.getElementById("kc-grid")!);
const pane = mountTaskPane(document.getElementById("kc-app")!, { engine: functionsEngine(), filingText: FILING_TEXT, workbook: grid, theme });
(window as unknown as { kcPreview: unknown }).kcPreview = { grid, pane };
document.body.dataset.state = "ready";
