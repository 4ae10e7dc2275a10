/**
 * Releases: the releases the workbook models, and adding one: choose a file (the EDGAR exhibit .htm or .html, or a
 * .txt) or paste the release's text; see what was found (its periods, statements and checks, on its own and with the
 * releases already here, every restatement and failure listed) before adding it; add; remove a release added before.
 * Adding and removing go through the one action runner, like every workbook action. Plain DOM, text only.
 */
import { CheckRow, ImportError, LIMITS, RELEASE_LIMIT_TEXT, WORKBOOK_MESSAGES, importError, statusText } from "../../core";
import { button, el } from "../dom";
import type { TabContent, TabServices } from "../pane";
import { Applied, Candidate, CheckCounts, ReleaseEntry, ReleaseLibrary, decodeRelease, formatName } from "../release-library";

const countsText = (c: CheckCounts): string => `${c.ok} ok, ${c.noted} noted, ${c.failed} failed`;
const PASTED = "pasted text";

export function releasesTab(pane: TabServices, library: ReleaseLibrary | null): TabContent {
  const list = el("ul", { id: "kc-releases", class: "kc-releases", "aria-label": "Releases in this workbook" });
  const leftOut = el("div", { id: "kc-releases-left-out" });
  const fileInput = el("input", { type: "file", id: "kc-release-file", accept: ".htm,.html,.txt,text/html,text/plain" });
  const paste = el("textarea", { id: "kc-release-paste", rows: "4", placeholder: "Open the release in your browser, select all (Ctrl+A), copy, and paste it here." });
  const readPasted = button({ id: "kc-release-read" }, "Read pasted text", () => readText(paste.value, PASTED));
  const preview = el("section", { id: "kc-release-preview", "aria-live": "polite", hidden: "" });
  let candidate: Candidate | null = null;

  /** The releases modelled: the library's, or (no workbook to store any in) the engine's own. */
  const entries = (): ReleaseEntry[] =>
    library ? library.entries() : pane.engine.releases().map((r) => ({ id: null, label: r.label, name: r.sourceName, format: r.format, periods: r.periods }));

  function renderList() {
    // A stored release that does not import any more is left out when the workbook opens: said here, in full.
    leftOut.replaceChildren(...(library?.loadProblems ?? []).map((problem) => el("p", { class: "kc-message", "data-kind": "error" }, problem)));
    list.replaceChildren(
      ...entries().map((r) => {
        const facts = `${r.name} · ${formatName(r.format)} · ${r.periods.join(", ")}`;
        const item = el("li", { class: "kc-release", "data-quarter": r.periods[r.periods.length - 1] }, el("p", { class: "kc-release-label" }, el("strong", {}, r.label)), el("p", { class: "kc-meta" }, facts));
        if (r.id === null) item.append(el("p", { class: "kc-meta" }, "Carried by the add-in."));
        else if (library) {
          const id = r.id;
          item.append(pane.actionButton({ id: `kc-release-remove-${id}`, class: "kc-release-remove", "aria-label": `Remove the ${r.label}` }, "Remove", "releases", async () => said(await library.remove(id), `Removed the ${r.label} (${r.name}).`)));
        }
        return item;
      }),
    );
  }

  /** Says what was done, and whether Excel recalculated. */
  function said(applied: Applied, done: string) {
    renderList();
    const periods = pane.engine.filingPeriods();
    const now = `${done} KC now covers ${periods[0]} to ${periods[periods.length - 1]} (${periods.length} quarters).`;
    if (applied.recalculated) pane.say(`${now} Every KC formula was recalculated.`, "ok");
    else pane.say(WORKBOOK_MESSAGES.notRecalculated(now, applied.reason ?? ""), "error");
  }

  function readText(text: string, name: string) {
    candidate = null;
    preview.hidden = true;
    if (!library) return;
    if (text.trim() === "") {
      pane.say("Paste a release's text first (or choose its file).", "error");
      return;
    }
    try {
      candidate = library.read(text, name);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      pane.say(`${name}: ${error.message}`, "error");
      return;
    }
    showCandidate(candidate);
  }

  const checkList = (id: string, label: string, rows: CheckRow[]) =>
    el("ul", { id, class: "kc-checks", "aria-label": label }, ...rows.map((r) => el("li", { class: "kc-check", "data-status": r.status }, el("p", { class: "kc-check-identity" }, `${r.period} ${r.identity}`), el("p", { class: "kc-check-verdict" }, statusText(r)))));

  function showCandidate(c: Candidate) {
    const allowUntied = el("input", { type: "checkbox", id: "kc-release-untied" });
    const add = pane.actionButton({ id: "kc-release-add", class: "kc-primary" }, "Add release", "releases", async () => {
      if (!library || candidate !== c) return;
      if (c.failed.length && !allowUntied.checked) {
        pane.say(`The ${c.label} has ${c.failed.length} failed check(s): tick "Add it anyway" to add it with them (they stay listed in Checks).`, "error");
        return;
      }
      try {
        const applied = await library.add(c);
        candidate = null;
        preview.hidden = true;
        paste.value = "";
        fileInput.value = "";
        said(applied, `Added the ${c.label} (${c.name}).`);
      } catch (error) {
        pane.fail(error);
      }
    });
    const cancel = button({ id: "kc-release-cancel" }, "Cancel", () => {
      candidate = null;
      preview.hidden = true;
      pane.say("");
    });
    preview.replaceChildren(
      el("h3", {}, "Found"),
      el("p", { id: "kc-release-found" }, el("strong", {}, c.label), ` (${c.name}, ${formatName(c.format)})`),
      el("p", { id: "kc-release-periods" }, `Periods: ${c.periods.join(", ")}`),
      el("p", { id: "kc-release-statements" }, `Statements: ${c.statements.join(", ")}`),
      ...(c.years ? [el("p", { id: "kc-release-years" }, `Year columns: ${c.years}`)] : []),
      el("p", { id: "kc-release-own" }, `Its checks: ${countsText(c.own)}`),
      ...(c.refusal ? [] : [el("p", { id: "kc-release-across" }, `With the releases already here: ${countsText(c.across)}`)]),
      ...(c.restated.length ? [el("p", { class: "kc-meta" }, "Restated (the later release's figure is used):"), checkList("kc-release-restated", "Restated figures", c.restated)] : []),
      ...(c.failed.length ? [el("p", { class: "kc-meta" }, "Failed:"), checkList("kc-release-failed", "Failed checks", c.failed)] : []),
      ...(c.refusal ? [el("p", { id: "kc-release-refusal", class: "kc-message", "data-kind": "error" }, c.refusal)] : []),
      ...(c.failed.length && !c.refusal ? [el("div", { class: "kc-choice" }, allowUntied, el("label", { for: "kc-release-untied" }, "Add it anyway (its failures stay listed in Checks)"))] : []),
      el("div", { class: "kc-row" }, ...(c.refusal ? [] : [add]), cancel),
    );
    preview.hidden = false;
    pane.say(c.refusal ? "" : `Read the ${c.label}: check what was found, then add it.`, "info");
  }

  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    if (file.size > LIMITS.MAX_RELEASE_BYTES) {
      pane.say(`${file.name}: ${importError(1, "releaseTooLarge", RELEASE_LIMIT_TEXT).message}`, "error");
      return;
    }
    void file.arrayBuffer().then((buffer) => readText(decodeRelease(new Uint8Array(buffer)), file.name));
  });

  renderList();
  const adding = library
    ? [
        el("h3", {}, "Add a release"),
        el("label", { for: "kc-release-file" }, "From a file (.htm, .html, .txt)"),
        fileInput,
        el("label", { for: "kc-release-paste" }, "Or paste its text"),
        paste,
        el("div", { class: "kc-row" }, readPasted),
        preview,
      ]
    : [el("p", { class: "kc-meta kc-unavailable", id: "kc-releases-no-workbook" }, pane.unavailable("releases") ?? "Releases are stored in a workbook: open the task pane in Excel (or the preview page) to add one.")];
  return {
    content: [
      el("h2", {}, "Releases"),
      el("p", { class: "kc-meta" }, "Every KC formula computes over the releases below. Add a Kingsoft Cloud results release to model more quarters: it is stored in this workbook, so a colleague with the add-in sees the same figures, and nothing is sent anywhere."),
      list,
      leftOut,
      ...adding,
    ],
    onData: renderList,
  };
}
