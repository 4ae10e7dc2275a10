/**
 * The preview page (development builds only): the task pane beside a HyperFormula grid that stands in for Excel.
 * window.kcPreview exposes both for browser tests.
 */
import { mountTaskPane } from "../pane";
import { GridWorkbook } from "./grid";

const grid = new GridWorkbook(document.getElementById("kc-grid")!);
const pane = mountTaskPane(document.getElementById("kc-app")!, grid);
(window as unknown as { kcPreview: unknown }).kcPreview = { grid, pane };
document.body.dataset.state = "ready";
