/**
 * The task pane page's entry: mounts the task pane on the workbook Office.js gives (OfficeWorkbook) once Office is
 * ready, with what this Excel's requirement sets allow. Outside Excel (a plain browser) it still finds and traces
 * metrics, and says where inserting works.
 * In the shared runtime this page also hosts the custom functions (functions bundle) and the ribbon commands.
 */
import { DATASET } from "../data/dataset.generated";
import { FILING_TEXT } from "../data/filing.generated";
import { learnDateSystem } from "../functions/date-system";
import { functionsDateSystem, functionsEngine, useFunctionsEngine } from "../functions/runtime";
import { mountTaskPane } from "./pane";
import { ReleaseLibrary } from "./release-library";
import { officeReleaseHost } from "./release-store";
import { REQUIREMENT_SETS, officeRequirements } from "./requirements";
import { OfficeTheme, applyTheme } from "./theme";
import { Block, BlockContent, CellRef, OfficeWorkbook, Workbook, WriteResult, workbookError } from "./workbook";

/** The status line's text for the host Office.onReady reports (null outside Office, e.g. in a plain browser). */
export function statusText(host: Office.HostType | null | undefined): string {
  return host ? `Ready in ${host}. The KC functions are available in every cell.` : "Ready (preview outside Excel).";
}

/** Stands in for a workbook outside Excel: every action rejects, saying where inserting works. */
export class NoWorkbook implements Workbook {
  private fail(): Promise<never> {
    return Promise.reject(workbookError("noExcel"));
  }
  activeCell(): Promise<CellRef> {
    return this.fail();
  }
  selection(): Promise<Block> {
    return this.fail();
  }
  sheetNames(): Promise<string[]> {
    return this.fail();
  }
  usedRange(): Promise<Block | null> {
    return this.fail();
  }
  isRangeEmpty(): Promise<boolean> {
    return this.fail();
  }
  read(): Promise<BlockContent> {
    return this.fail();
  }
  write(): Promise<WriteResult> {
    return this.fail();
  }
}

/** Office's theme colours, when the host gives them (Office.context.officeTheme; undefined in a plain browser). */
function officeTheme(): OfficeTheme | null {
  try {
    return (Office.context as { officeTheme?: OfficeTheme } | undefined)?.officeTheme ?? null;
  } catch {
    return null;
  }
}

Office.onReady((info) => {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = statusText(info.host);
    status.dataset.state = "ready";
  }
  const root = document.getElementById("kc-app");
  const theme = officeTheme();
  applyTheme(document.body, theme); // the page around the pane (status line, footer) follows the theme too
  const inExcel = info.host === Office.HostType.Excel;
  const requirements = inExcel ? officeRequirements() : null;
  const spills = requirements?.isSetSupported(REQUIREMENT_SETS.spills.name, REQUIREMENT_SETS.spills.version) ?? false;
  const workbook = inExcel ? new OfficeWorkbook({ spills }) : new NoWorkbook();
  // The workbook's date system is the runtime's, whichever engine (over whichever releases) computes.
  if (inExcel) void learnDateSystem(functionsDateSystem, { run: (batch) => Excel.run(batch), isSetSupported: (name, version) => requirements?.isSetSupported(name, version) ?? false });
  // The functions runtime's engine: in the shared runtime the task pane and the KC functions read the same one. The
  // releases the workbook stores (custom XML parts, ExcelApi 1.5) replace it once read, and the workbook recalculates.
  const engine = functionsEngine();
  const canStore = requirements?.isSetSupported(REQUIREMENT_SETS.customXmlParts.name, REQUIREMENT_SETS.customXmlParts.version) ?? false;
  const library = canStore ? new ReleaseLibrary({ dataset: DATASET, text: FILING_TEXT }, officeReleaseHost(), engine) : null;
  library?.onChange(useFunctionsEngine);
  if (root) mountTaskPane(root, { engine, library, filingText: FILING_TEXT, workbook, theme, requirements });
  void library?.load();
});
