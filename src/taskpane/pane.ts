/**
 * The task pane's UI: find a metric, see its values across periods, trace a figure to the filing, insert it at the
 * active cell. Plain DOM (textContent only, never innerHTML with data); the workbook only through the Workbook interface.
 */
import type { Currency } from "../core/dataset";
import { TASKPANE_CSS } from "./styles";
import { MetricDetail, formatGrowth, formatValue, metricDetail, metricFormula, numberFormat, searchMetrics, sourceView } from "./view-model";
import { Workbook, a1, writeIfEmpty } from "./workbook";

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
}

/** Builds the task pane inside `root`. */
export function mountTaskPane(root: HTMLElement, workbook: Workbook): TaskPane {
  if (!document.getElementById("kc-pane-style")) document.head.append(el("style", { id: "kc-pane-style" }, TASKPANE_CSS));
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
  root.append(el("label", { for: "kc-search" }, "Find a metric"), searchBox, results, message, detailView, sourceSection);

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

  function runSearch(text: string) {
    results.replaceChildren();
    options = [];
    active = -1;
    const groups = text.trim() ? searchMetrics(text) : [];
    for (const group of groups) {
      const headingId = `kc-group-${group.statement}`;
      const box = el("div", { role: "group", "aria-labelledby": headingId }, el("div", { id: headingId, role: "presentation" }, group.name));
      for (const m of group.metrics) {
        const option = el("div", { id: `kc-option-${m.id}`, role: "option", "aria-selected": "false", "data-id": m.id }, m.label, el("small", {}, m.id));
        option.addEventListener("click", () => select(m.id));
        options.push(option);
        box.append(option);
      }
      results.append(box);
    }
    searchBox.setAttribute("aria-expanded", String(options.length > 0));
    if (text.trim() && !options.length) say(`No metric matches '${text.trim()}'. Try a shorter word.`);
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
    detail = metricDetail(id, currency);
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
        detail = metricDetail(d.id, currency);
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
    const view = sourceView(detail.id, period, currency);
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
    try {
      const at = await workbook.activeCell();
      const formats = [[numberFormat(detail.unit)]];
      const result =
        kind === "formula"
          ? await writeIfEmpty(workbook, at, { formulas: [[metricFormula(detail.id, period, currency)]], formats })
          : await writeIfEmpty(workbook, at, { values: [[p.value]], formats });
      if (result.ok) say(`Inserted ${kind === "formula" ? metricFormula(detail.id, period, currency) : formatValue(p.value, detail.unit)} at ${at.sheet}!${a1(at.row, at.col)}.`, "ok");
      else say(result.message, "error");
    } catch (error) {
      say(`Could not write to the workbook: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`, "error");
    }
  }

  return { search: (text) => ((searchBox.value = text), runSearch(text)), select };
}
