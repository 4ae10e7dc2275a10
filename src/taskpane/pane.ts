/**
 * The task pane's UI, in four tabs: Find (a metric across periods, traced to the filing, inserted at the active cell),
 * Tables (a whole statement or bridge as a formatted table), Model (build the model; freeze KC formulas to values) and
 * Checks (the tie-outs). Plain DOM (textContent only, never innerHTML with data); the workbook only through the
 * Workbook interface. Before writing over anything it asks; a refused write leaves the workbook as it was.
 * Styles come from taskpane.css (the pages' Content-Security-Policy allows no inline style or script).
 */
import { Currency, Engine, STATEMENTS, StatementKind, formatValue, numberFormat, statusText } from "../core";
import { TABLE_KINDS, TableContent, buildModel, checkInsert, checksView, freezeToValues, statementContent, tableSheetName, writeTable, writeTableOnNewSheet } from "./actions";
import { OfficeTheme, applyTheme } from "./theme";
import { MetricDetail, formatGrowth, metricDetail, metricFormula, searchMetrics, sourceView } from "./view-model";
import { Workbook, describeExcelError } from "./workbook";

/** Matches listed at once; more are reached by typing more. */
const MAX_LISTED = 40;

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child); // strings become text nodes
  return node;
}

export interface TaskPane {
  search(text: string): void;
  select(id: string): void;
  showTab(tab: Tab): void;
}

export type Tab = "find" | "tables" | "model" | "checks";
const TABS: Array<[Tab, string]> = [
  ["find", "Find"],
  ["tables", "Tables"],
  ["model", "Model"],
  ["checks", "Checks"],
];

export type Choice = "overwrite" | "newSheet" | "cancel";

export interface TaskPaneContext {
  /** The engine the KC functions compute with in this runtime. */
  engine: Engine;
  /** The release's text, for the source view. */
  filingText: string;
  workbook: Workbook;
  /** Office's theme (Office.context.officeTheme) when there is one. */
  theme?: OfficeTheme | null;
}

/** Builds the task pane inside `root`. */
export function mountTaskPane(root: HTMLElement, { engine, filingText, workbook, theme }: TaskPaneContext): TaskPane {
  let currency: Currency = "RMB";
  let detail: MetricDetail | null = null;
  let period: string | null = null;
  let options: HTMLElement[] = [];
  let active = -1;

  const searchBox = el("input", {
    id: "kc-search", type: "search", role: "combobox", "aria-controls": "kc-results", "aria-expanded": "false",
    "aria-autocomplete": "list", autocomplete: "off", placeholder: "Revenue, EBITDA, margin, cash…",
  });
  const results = el("div", { id: "kc-results", class: "kc-results", role: "listbox", "aria-label": "Metrics" });
  const detailView = el("section", { id: "kc-detail", "aria-live": "polite", hidden: "" });
  const sourceSection = el("section", { id: "kc-source", class: "kc-source", hidden: "" });
  const message = el("p", { id: "kc-message", class: "kc-message", role: "status" });
  root.classList.add("kc-pane");
  applyTheme(root, theme);

  // Tabs: a tablist (arrow keys, Home, End) over four panels.
  const tabList = el("div", { role: "tablist", "aria-label": "KC for Excel", class: "kc-tabs" });
  const panels = new Map<Tab, HTMLElement>();
  const tabButtons = TABS.map(([id, text]) => {
    const b = el("button", { type: "button", role: "tab", id: `kc-tab-${id}`, "aria-controls": `kc-panel-${id}`, "aria-selected": "false", tabindex: "-1" }, text);
    b.addEventListener("click", () => showTab(id));
    return b;
  });
  tabList.append(...tabButtons);
  tabList.addEventListener("keydown", (event) => {
    const i = tabButtons.findIndex((b) => b === document.activeElement);
    if (i < 0) return;
    const next = event.key === "ArrowRight" ? (i + 1) % TABS.length : event.key === "ArrowLeft" ? (i - 1 + TABS.length) % TABS.length : event.key === "Home" ? 0 : event.key === "End" ? TABS.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    showTab(TABS[next][0]);
    tabButtons[next].focus();
  });
  const panel = (id: Tab, ...children: Node[]) => {
    const p = el("section", { role: "tabpanel", id: `kc-panel-${id}`, "aria-labelledby": `kc-tab-${id}`, tabindex: "-1", hidden: "" }, ...children);
    panels.set(id, p);
    return p;
  };
  function showTab(tab: Tab) {
    TABS.forEach(([id], i) => {
      const selected = id === tab;
      tabButtons[i].setAttribute("aria-selected", String(selected));
      tabButtons[i].tabIndex = selected ? 0 : -1;
      panels.get(id)!.hidden = !selected;
    });
    if (tab === "checks") renderChecks();
  }

  const prompt = el("div", { id: "kc-prompt", class: "kc-prompt", role: "alertdialog", "aria-modal": "false", "aria-labelledby": "kc-prompt-title", "aria-describedby": "kc-prompt-text", hidden: "" });
  root.append(
    tabList,
    message,
    prompt,
    panel("find", el("label", { for: "kc-search" }, "Find a metric"), searchBox, results, detailView, sourceSection),
    panel("tables", ...tablesPanel()),
    panel("model", ...modelPanel()),
    panel("checks"),
  );

  const say = (text: string, kind: "ok" | "error" | "info" = "info") => {
    message.textContent = text;
    message.dataset.kind = kind;
  };

  function setActive(index: number) {
    options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      searchBox.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else searchBox.removeAttribute("aria-activedescendant");
  }

  // Each keystroke re-lists the matches: option and group nodes are made once and reused, and the list is capped, so
  // a one-letter search does not lay out the whole catalog.
  const optionNodes = new Map<string, HTMLElement>();
  const groupNodes = new Map<string, HTMLElement>();
  const optionFor = (m: { id: string; label: string }) => {
    let option = optionNodes.get(m.id);
    if (!option) {
      option = el("div", { id: `kc-option-${m.id}`, role: "option", "aria-selected": "false", "data-id": m.id }, m.label, el("small", {}, m.id));
      option.addEventListener("click", () => select(m.id));
      optionNodes.set(m.id, option);
    }
    option.setAttribute("aria-selected", "false");
    return option;
  };
  const groupFor = (statement: string, name: string) => {
    let box = groupNodes.get(statement);
    if (!box) {
      const headingId = `kc-group-${statement}`;
      box = el("div", { role: "group", "aria-labelledby": headingId });
      groupNodes.set(statement, box);
    }
    box.replaceChildren(el("div", { id: `kc-group-${statement}`, role: "presentation" }, name));
    return box;
  };

  function runSearch(text: string) {
    options = [];
    active = -1;
    const groups = text.trim() ? searchMetrics(engine, text) : [];
    const boxes: HTMLElement[] = [];
    let found = 0;
    for (const group of groups) {
      found += group.metrics.length;
      const room = MAX_LISTED - options.length;
      if (room <= 0) continue;
      const box = groupFor(group.statement, group.name);
      for (const m of group.metrics.slice(0, room)) {
        const option = optionFor(m);
        options.push(option);
        box.append(option);
      }
      boxes.push(box);
    }
    results.replaceChildren(...boxes);
    searchBox.setAttribute("aria-expanded", String(options.length > 0));
    if (text.trim() && !options.length) say(`No metric matches '${text.trim()}'. Try a shorter word.`);
    else if (found > options.length) say(`Showing ${options.length} of ${found} matches: type more to narrow them.`);
    else if (message.dataset.kind !== "error") say("");
  }

  searchBox.addEventListener("input", () => runSearch(searchBox.value));
  searchBox.addEventListener("keydown", (event) => {
    if (!options.length) return;
    if (event.key === "ArrowDown") setActive((active + 1) % options.length);
    else if (event.key === "ArrowUp") setActive(active <= 0 ? options.length - 1 : active - 1);
    else if (event.key === "Home") setActive(0);
    else if (event.key === "End") setActive(options.length - 1);
    else if (event.key === "Enter" && active >= 0) select(options[active].dataset.id!);
    else if (event.key === "Escape") runSearch("");
    else return;
    event.preventDefault();
  });

  function select(id: string) {
    detail = metricDetail(engine, id, currency);
    period = detail.periods[0]?.period ?? null;
    const index = options.findIndex((o) => o.dataset.id === id);
    if (index >= 0) setActive(index);
    sourceSection.hidden = true;
    renderDetail();
  }

  function renderDetail() {
    if (!detail) return;
    const d = detail;
    const toggle = (cur: Currency, text: string) => {
      const button = el("button", { type: "button", "aria-pressed": String(currency === cur), "data-currency": cur }, text);
      button.addEventListener("click", () => {
        currency = cur;
        detail = metricDetail(engine, d.id, currency);
        renderDetail();
        if (!sourceSection.hidden) showSource();
      });
      return button;
    };
    const body = el("tbody");
    for (const p of d.periods) {
      const differs = p.printed !== null && p.printed !== p.value && d.unit !== "ratio";
      const row = el(
        "tr",
        { "data-period": p.period, "aria-selected": String(p.period === period), tabindex: "0" },
        el("td", {}, p.period),
        el("td", { class: "kc-value" }, formatValue(p.value, d.unit)),
        el("td", { class: differs ? "kc-diff" : "" }, p.printed === null ? "–" : formatValue(p.printed, d.unit)),
        el("td", {}, formatGrowth(p.yoy)),
        el("td", {}, formatGrowth(p.qoq)),
      );
      const choose = () => {
        period = p.period;
        renderDetail();
        if (!sourceSection.hidden) showSource();
      };
      row.addEventListener("click", choose);
      row.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose();
        }
      });
      body.append(row);
    }
    const button = (id: string, text: string, action: () => void, primary = false) => {
      const b = el("button", { type: "button", id, ...(primary ? { class: "kc-primary" } : {}) }, text);
      b.addEventListener("click", action);
      return b;
    };
    detailView.replaceChildren(
      el("h2", { id: "kc-detail-title" }, d.label),
      el("p", { class: "kc-meta" }, `${d.id} · ${d.statement} · ${d.unitLabel}`),
      ...(d.formula ? [el("p", { class: "kc-meta", id: "kc-definition" }, `Definition: ${d.id} = ${d.formula}`)] : []),
      el("div", { class: "kc-row", role: "group", "aria-label": "Currency" }, toggle("RMB", "RMB"), toggle("USD", "US$")),
      el(
        "table",
        { class: "kc-values", "aria-labelledby": "kc-detail-title" },
        el("thead", {}, el("tr", {}, ...["Period", "Recomputed", "Printed", "YoY", "QoQ"].map((h) => el("th", { scope: "col" }, h)))),
        body,
      ),
      el(
        "div",
        { class: "kc-row" },
        button("kc-insert-formula", `Insert formula (${period ?? ""})`, () => void insert("formula"), true),
        button("kc-insert-value", "Insert value", () => void insert("value")),
        button("kc-show-source", "Source", showSource),
      ),
    );
    detailView.hidden = false;
  }

  function showSource() {
    if (!detail || !period) return;
    const view = sourceView(engine, filingText, detail.id, period, currency);
    const children: Node[] = [el("h2", {}, `Source · ${period}`), el("p", { class: "kc-meta", id: "kc-source-description" }, view.description)];
    if (view.table) {
      const t = view.table;
      const rows = t.lines.map((l) => {
        const highlight = l.line === t.line;
        const cells = l.cells.map((c, i) => el("td", highlight && i === t.column ? { class: "kc-cell-highlight" } : {}, c));
        return el(
          "tr",
          highlight ? { class: "kc-highlight", "aria-current": "true", "data-line": String(l.line) } : { "data-line": String(l.line) },
          el("td", { class: "kc-line" }, String(l.line)),
          ...cells,
        );
      });
      children.push(el("table", { "aria-label": `${t.title}, line ${t.line} highlighted` }, el("tbody", {}, ...rows)));
    }
    sourceSection.replaceChildren(...children);
    sourceSection.hidden = false;
    sourceSection.querySelector(".kc-highlight")?.scrollIntoView({ block: "nearest" });
  }

  async function insert(kind: "formula" | "value") {
    if (!detail || !period) return;
    const p = detail.periods.find((x) => x.period === period)!;
    const text = kind === "formula" ? metricFormula(detail.id, period, currency) : formatValue(p.value, detail.unit);
    await place({ cells: [[kind === "formula" ? metricFormula(detail.id, period, currency) : p.value]], formats: [[numberFormat(detail.unit)]], rows: 1, cols: 1, what: text }, "KC values");
  }

  /** Asks what to do when the target is not empty; resolves with the choice. Cancel is the default (Esc, and focused). */
  function ask(where: string, what: string): Promise<Choice> {
    return new Promise((resolve) => {
      const previous = document.activeElement as HTMLElement | null;
      const done = (choice: Choice) => {
        prompt.hidden = true;
        prompt.replaceChildren();
        previous?.focus();
        resolve(choice);
      };
      const option = (id: string, text: string, choice: Choice, cls = "") => {
        const b = el("button", { type: "button", id, ...(cls ? { class: cls } : {}) }, text);
        b.addEventListener("click", () => done(choice));
        return b;
      };
      const cancel = option("kc-prompt-cancel", "Cancel", "cancel", "kc-primary");
      prompt.replaceChildren(
        el("h2", { id: "kc-prompt-title" }, "The target is not empty"),
        el("p", { id: "kc-prompt-text" }, `${where} already holds data. Writing ${what} there would replace it.`),
        el("div", { class: "kc-row" }, option("kc-prompt-overwrite", "Overwrite", "overwrite"), option("kc-prompt-new-sheet", "Write to a new sheet", "newSheet"), cancel),
      );
      prompt.onkeydown = (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          done("cancel");
        }
      };
      prompt.hidden = false;
      cancel.focus();
    });
  }

  /** Writes a block at the active cell if empty; otherwise asks (overwrite, new sheet, cancel). Never overwrites unasked. */
  async function place(content: TableContent, newSheetName: string, forceNewSheet = false): Promise<void> {
    try {
      if (forceNewSheet) {
        say(`Wrote ${content.what} to ${await writeTableOnNewSheet(workbook, newSheetName, content)}.`, "ok");
        return;
      }
      const check = await checkInsert(workbook, content);
      if (check.ok) {
        say(`Inserted ${content.what} at ${await writeTable(workbook, check.at, content)}.`, "ok");
        return;
      }
      say(`${check.where} is not empty.`, "info");
      const choice = await ask(check.where, content.what);
      if (choice === "cancel") say(`${check.where} is not empty: nothing was written.`, "error");
      else if (choice === "overwrite") {
        await writeTable(workbook, check.at, content);
        say(`Overwrote ${check.where} with ${content.what}.`, "ok");
      }
      else say(`Wrote ${content.what} to ${await writeTableOnNewSheet(workbook, newSheetName, content)}.`, "ok");
    } catch (error) {
      fail(error);
    }
  }

  function fail(error: unknown) {
    const text = describeExcelError(error);
    say(/Nothing was (changed|written)|nothing was written/.test(text) ? text : `${text} Nothing was changed.`, "error");
  }

  function tablesPanel(): Node[] {
    const kind = el("select", { id: "kc-table-kind" }, ...TABLE_KINDS.map((k) => el("option", { value: k }, `${STATEMENTS[k].name} (${k})`)));
    const cur = el("select", { id: "kc-table-currency" }, el("option", { value: "RMB" }, "RMB"), el("option", { value: "USD" }, "US$"));
    const radio = (name: string, value: string, text: string, checked: boolean) => {
      const id = `kc-${name}-${value}`;
      return el("div", { class: "kc-choice" }, el("input", { type: "radio", name: `kc-${name}`, id, value, ...(checked ? { checked: "" } : {}) }), el("label", { for: id }, text));
    };
    const go = el("button", { type: "button", id: "kc-insert-table", class: "kc-primary" }, "Insert table");
    go.addEventListener("click", () => {
      const k = kind.value as StatementKind;
      const mode = (root.querySelector<HTMLInputElement>("input[name=kc-table-mode]:checked")?.value ?? "formula") as "formula" | "values";
      const where = root.querySelector<HTMLInputElement>("input[name=kc-table-where]:checked")?.value ?? "selection";
      let content: TableContent;
      try {
        content = statementContent(engine, k, mode, cur.value as Currency);
      } catch (error) {
        say(error instanceof Error ? error.message : String(error), "error");
        return;
      }
      void place(content, tableSheetName(k), where === "newSheet");
    });
    return [
      el("h2", {}, "Insert a statement or bridge"),
      el("label", { for: "kc-table-kind" }, "Statement"),
      kind,
      el("label", { for: "kc-table-currency" }, "Currency"),
      cur,
      el(
        "fieldset",
        {},
        el("legend", {}, "As"),
        radio("table-mode", "formula", "A KC.STATEMENT formula (spills, follows the add-in)", true),
        radio("table-mode", "values", "Static values (work without the add-in)", false),
      ),
      el("fieldset", {}, el("legend", {}, "Where"), radio("table-where", "selection", "At the selected cell", true), radio("table-where", "newSheet", "On a new sheet", false)),
      el("p", { class: "kc-meta" }, "Thousands as #,##0;(#,##0), margins and ratios as 0.0%, per-share amounts with two decimals. If the cells are not empty you are asked first."),
      el("div", { class: "kc-row" }, go),
    ];
  }

  function modelPanel(): Node[] {
    const build = el("button", { type: "button", id: "kc-build-model", class: "kc-primary" }, "Build model");
    build.addEventListener("click", async () => {
      build.disabled = true;
      say("Building the model…");
      try {
        const plan = await buildModel(engine, workbook);
        const sheets = Object.values(plan.names);
        say(`Built the model on ${sheets.length} new sheets (${sheets.join(", ")}). Type over a yellow input on ${plan.scenario.sheet}.`, "ok");
      } catch (error) {
        fail(error);
      } finally {
        build.disabled = false;
      }
    });
    const radio = (value: string, text: string, checked: boolean) => {
      const id = `kc-freeze-${value}`;
      return el("div", { class: "kc-choice" }, el("input", { type: "radio", name: "kc-freeze-scope", id, value, ...(checked ? { checked: "" } : {}) }), el("label", { for: id }, text));
    };
    const freeze = el("button", { type: "button", id: "kc-freeze" }, "Freeze to values");
    freeze.addEventListener("click", async () => {
      const scope = (root.querySelector<HTMLInputElement>("input[name=kc-freeze-scope]:checked")?.value ?? "selection") as "selection" | "sheet";
      try {
        const result = await freezeToValues(engine, workbook, scope);
        const skipped = result.skipped.length ? ` Left ${result.skipped.length} KC formula${result.skipped.length > 1 ? "s" : ""} that show an error (${result.skipped.join(", ")}).` : "";
        if (!result.frozen.length) say(`No KC formula to freeze in ${result.scope}.${skipped}`, "info");
        else say(`Froze ${result.frozen.length} KC formula${result.frozen.length > 1 ? "s" : ""} in ${result.scope} to values; their sources are noted on ${result.record}.${skipped}`, "ok");
      } catch (error) {
        fail(error);
      }
    });
    return [
      el("h2", {}, "Build model"),
      el(
        "p",
        { class: "kc-meta" },
        "Adds new sheets (names that collide with none) with the statements as values and every subtotal and margin as a native Excel formula, as kc export-model lays them out; a scenario whose inputs drive both native formulas and KC.METRIC overrides; and a chart of the revenue mix and margins.",
      ),
      el("div", { class: "kc-row" }, build),
      el("h2", {}, "Freeze to values"),
      el("p", { class: "kc-meta" }, "Turns KC formulas into their current values, so the workbook works without the add-in. Each is noted (cell, formula, value, filing line) on the KC frozen sheet; nothing else changes."),
      el("fieldset", {}, el("legend", {}, "Freeze"), radio("selection", "The selected range", true), radio("sheet", "The whole active sheet", false)),
      el("div", { class: "kc-row" }, freeze),
    ];
  }

  let checksRendered = false;
  function renderChecks() {
    if (checksRendered) return;
    checksRendered = true;
    const view = checksView(engine);
    const table = (id: string, label: string, rows: typeof view.rows, notes: boolean) =>
      el(
        "table",
        { id, "aria-label": label, class: "kc-checks" },
        el("thead", {}, el("tr", {}, ...["Tie-out", "Period", "Printed", "Recomputed", notes ? "Why" : "Status"].map((h) => el("th", { scope: "col" }, h)))),
        el(
          "tbody",
          {},
          ...rows.map((r) =>
            el(
              "tr",
              { "data-status": r.status },
              el("td", {}, r.identity),
              el("td", {}, r.period),
              el("td", {}, r.printed.toLocaleString("en-US", { maximumFractionDigits: 4 })),
              el("td", {}, r.recomputed.toLocaleString("en-US", { maximumFractionDigits: 4 })),
              el("td", {}, notes ? r.note : statusText(r)),
            ),
          ),
        ),
      );
    panels.get("checks")!.replaceChildren(
      el("h2", {}, "Checks"),
      el("p", { id: "kc-checks-summary" }, view.summary),
      ...(view.failed.length ? [el("h3", {}, "Failed"), table("kc-checks-failed", "Failed tie-outs", view.failed, true)] : []),
      el("h3", {}, "The filing's own inconsistencies"),
      el(
        "p",
        { class: "kc-meta", id: "kc-checks-explained" },
        "The release's US$ figures are RMB translated at its stated rate, but the filing adds up each US$ column on its own, so a US$ total can differ by 1 in its last digit from the translated RMB total. The RMB figures tie exactly; KC computes from them. These rows are the filing's, not errors in KC.",
      ),
      table("kc-checks-noted", "Noted: the filing's own inconsistencies", view.noted, true),
      el("details", {}, el("summary", {}, `All ${view.rows.length} tie-outs`), table("kc-checks-all", "All tie-outs", view.rows, false)),
    );
  }

  showTab("find");
  return { search: (text) => (showTab("find"), (searchBox.value = text), runSearch(text)), select, showTab };
}
