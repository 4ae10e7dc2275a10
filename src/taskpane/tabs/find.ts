/**
 * Find: search the catalog, pick a metric (arrow keys and Enter), see it in every period (recomputed beside printed,
 * RMB or US$, growth), its definition in printed labels, the filing's table it comes from, and insert its formula or
 * value at the active cell. Laid out for a pane 320 px wide: every figure of a period on two lines, and the source
 * table as its label column and one figure column at a time (any column a choice away, every cell of a line a tap away).
 */
import { Currency, SourceTable, formatValue, numberFormat } from "../../core";
import { cellContent, insertBlock } from "../actions/insert";
import { button, el, idTag, setChildren, termNodes } from "../dom";
import type { TabContent, TabServices } from "../pane";
import { MetricDetail, formatGrowth, metricDetail, metricFormula, searchMetrics, sourceView, terms } from "../view-model";

/** Matches listed at once; more are reached by typing more. */
const MAX_LISTED = 40;
/**
 * The options a keystroke places and lays out: more than the list shows at once (fitList measures them). The rest are
 * placed when the pane is idle (not at all while the next letter comes first), and laid out when scrolled to.
 */
const NEAR_OPTIONS = 8;
/** The results list shows whole options up to about this height (px); the rest scroll. */
const LIST_HEIGHT = 224;

export interface FindTab extends TabContent {
  search(text: string): void;
  select(id: string): void;
}

export function findTab(pane: TabServices): FindTab {
  let currency: Currency = "RMB";
  let detail: MetricDetail | null = null;
  let period: string | null = null;
  let options: HTMLElement[] = [];
  let active = -1;
  let sourceColumn: number | null = null;

  const searchBox = el("input", {
    id: "kc-search", type: "search", role: "combobox", "aria-controls": "kc-results", "aria-expanded": "false",
    "aria-autocomplete": "list", autocomplete: "off", placeholder: "Revenue, EBITDA, margin, cash…",
  });
  const results = el("div", { id: "kc-results", class: "kc-results", role: "listbox", "aria-label": "Metrics" });
  const detailView = el("section", { id: "kc-detail", "aria-live": "polite", hidden: "" });
  const sourceSection = el("section", { id: "kc-source", class: "kc-source", hidden: "" });

  function setActive(index: number) {
    placeRest();
    options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      searchBox.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else searchBox.removeAttribute("aria-activedescendant");
  }

  const whenIdle = (work: () => void) => (typeof requestIdleCallback === "function" ? requestIdleCallback(() => work(), { timeout: 200 }) : setTimeout(work, 50));

  // Each keystroke re-lists the matches: option and group nodes are made once and reused, only the nodes that change
  // are moved (setChildren), and the list is capped, so a one-letter search does not lay out the whole catalog.
  const optionNodes = new Map<string, HTMLElement>();
  const groupNodes = new Map<string, { box: HTMLElement; heading: HTMLElement }>();
  const optionFor = (m: { id: string; label: string }) => {
    let option = optionNodes.get(m.id);
    if (!option) {
      option = el("div", { id: `kc-option-${m.id}`, role: "option", "aria-selected": "false", "data-id": m.id }, m.label, idTag(m.id));
      option.addEventListener("click", () => select(m.id));
      optionNodes.set(m.id, option);
    }
    if (option.getAttribute("aria-selected") !== "false") option.setAttribute("aria-selected", "false");
    return option;
  };
  const groupFor = (statement: string, name: string) => {
    let group = groupNodes.get(statement);
    if (!group) {
      const heading = el("div", { id: `kc-group-${statement}`, role: "presentation" });
      group = { box: el("div", { role: "group", "aria-labelledby": heading.id }), heading };
      groupNodes.set(statement, group);
    }
    if (group.heading.textContent !== name) group.heading.textContent = name;
    return group;
  };

  /**
   * Ends the visible part of the list at an option's bottom edge, so no option shows cut in half. It measures under the
   * height limit already set (the options stand where they stand whatever the limit: the scrollbar's gutter is always
   * kept), so a keystroke lays the pane out once, and a second time only when the limit has to change. An empty list
   * (hidden) needs no measuring: the pane's first layout is not forced while it mounts.
   */
  function fitList() {
    let limit = "";
    if (options.length && results.scrollHeight > LIST_HEIGHT) {
      const top = results.getBoundingClientRect().top + results.clientTop - results.scrollTop;
      let fits = 0;
      for (const option of options) {
        if (!option.isConnected) break; // not placed yet: below the near ones, far past the list's height
        const bottom = option.getBoundingClientRect().bottom - top;
        if (bottom > LIST_HEIGHT) break;
        fits = bottom;
      }
      limit = `${Math.ceil(fits)}px`; // the content box: the borders come on top
    }
    if (results.style.maxHeight !== limit) results.style.maxHeight = limit;
  }

  /** The last search's groups in order, each with its box, heading and options (placed in the list or waiting). */
  let listing: Array<{ box: HTMLElement; heading: HTMLElement; listed: HTMLElement[] }> = [];
  let restPending: (() => void) | null = null;

  /** Puts the listing's first `count` options (with their groups' boxes and headings) in the list, and no others. */
  function place(count: number) {
    const boxes: HTMLElement[] = [];
    let placed = 0;
    for (const { box, heading, listed } of listing) {
      if (placed >= count) break;
      const shown = listed.length <= count - placed ? listed : listed.slice(0, count - placed);
      placed += shown.length;
      setChildren(box, [heading, ...shown]);
      boxes.push(box);
    }
    setChildren(results, boxes);
  }

  /** Places the options past the near ones now, if they still wait (a key that moves through them needs them). */
  function placeRest() {
    restPending?.();
  }

  function search(text: string) {
    options = [];
    active = -1;
    restPending = null;
    listing = [];
    const groups = text.trim() ? searchMetrics(pane.engine, text) : [];
    let found = 0;
    for (const group of groups) {
      found += group.metrics.length;
      const room = MAX_LISTED - options.length;
      if (room <= 0) continue;
      const listed = group.metrics.slice(0, room).map(optionFor);
      for (const option of listed) {
        const far = options.push(option) > NEAR_OPTIONS;
        if (option.classList.contains("kc-far") !== far) option.classList.toggle("kc-far", far);
      }
      listing.push({ ...groupFor(group.statement, group.name), listed });
    }
    place(NEAR_OPTIONS);
    if (options.length > NEAR_OPTIONS) {
      const rest = () => {
        if (restPending !== rest) return; // a later search replaced this list
        restPending = null;
        place(MAX_LISTED);
        if (!results.style.maxHeight) fitList(); // the near options did not fill the list's height: these may
      };
      restPending = rest;
      whenIdle(rest);
    }
    const expanded = String(options.length > 0);
    if (searchBox.getAttribute("aria-expanded") !== expanded) searchBox.setAttribute("aria-expanded", expanded);
    if (text.trim() && !options.length) pane.say(`No metric matches '${text.trim()}'. Try a shorter word.`);
    else if (found > options.length) pane.say(`Showing ${options.length} of ${found} matches: type more to narrow them.`);
    else if (pane.messageKind() !== "error") pane.say("");
    if (options.length) results.scrollTop = 0; // (an empty list is hidden: nothing to scroll, no layout to force)
    fitList(); // last: the one layout it measures includes the message line's change
  }

  searchBox.addEventListener("input", () => search(searchBox.value));
  searchBox.addEventListener("keydown", (event) => {
    if (!options.length) return;
    if (event.key === "ArrowDown") setActive((active + 1) % options.length);
    else if (event.key === "ArrowUp") setActive(active <= 0 ? options.length - 1 : active - 1);
    else if (event.key === "Home") setActive(0);
    else if (event.key === "End") setActive(options.length - 1);
    else if (event.key === "Enter" && active >= 0) select(options[active].dataset.id!);
    else if (event.key === "Escape") search("");
    else return;
    event.preventDefault();
  });

  function select(id: string) {
    detail = metricDetail(pane.engine, id, currency);
    period = detail.periods[0]?.period ?? null;
    const index = options.findIndex((o) => o.dataset.id === id);
    if (index >= 0) setActive(index);
    sourceSection.hidden = true;
    renderDetail();
  }

  /** Shows `key` as the chosen period (its source too, when shown), keeping the focus on it. */
  function choosePeriod(key: string) {
    period = key;
    renderDetail();
    if (!sourceSection.hidden) showSource();
    detailView.querySelector<HTMLElement>(`[data-period="${key}"]`)?.focus();
  }

  /** One period: the period and the figure on the first line; printed, YoY and QoQ below. A choice (aria-selected). */
  function periodOption(d: MetricDetail, p: MetricDetail["periods"][number]): HTMLElement {
    const differs = p.printed !== null && p.printed !== p.value && d.unit !== "ratio";
    const facts = [
      el("span", { class: differs ? "kc-diff" : "" }, `Printed ${p.printed === null ? "–" : formatValue(p.printed, d.unit)}`),
      ...(d.unit === "ratio" ? [] : [el("span", {}, `YoY ${formatGrowth(p.yoy)}`), el("span", {}, `QoQ ${formatGrowth(p.qoq)}`)]),
    ];
    const option = el(
      "div",
      { role: "option", id: `kc-period-${p.period}`, "data-period": p.period, "aria-selected": String(p.period === period), tabindex: p.period === period ? "0" : "-1" },
      el("span", { class: "kc-period" }, p.period),
      el("span", { class: "kc-value" }, formatValue(p.value, d.unit)),
      el("span", { class: "kc-facts" }, ...facts),
    );
    option.addEventListener("click", () => choosePeriod(p.period));
    option.addEventListener("keydown", (event) => {
      const all = d.periods.map((x) => x.period);
      const i = all.indexOf(p.period);
      const next = event.key === "Enter" || event.key === " " ? p.period : event.key === "ArrowDown" ? all[i + 1] : event.key === "ArrowUp" ? all[i - 1] : undefined;
      if (!next) return;
      event.preventDefault();
      choosePeriod(next);
    });
    return option;
  }

  function renderDetail() {
    if (!detail) return;
    const d = detail;
    const toggle = (cur: Currency, text: string) =>
      button({ "aria-pressed": String(currency === cur), "data-currency": cur }, text, () => {
        currency = cur;
        sourceColumn = null; // the figure's own column in the other currency
        detail = metricDetail(pane.engine, d.id, currency);
        renderDetail();
        if (!sourceSection.hidden) showSource();
      });
    const insert = (kind: "formula" | "value") => async () => {
      if (!detail || !period) return;
      const p = detail.periods.find((x) => x.period === period)!;
      const content = kind === "formula" ? metricFormula(detail.id, period, currency) : p.value;
      const said = await insertBlock(pane.workbook, cellContent(content, numberFormat(detail.unit), kind === "formula" ? String(content) : formatValue(p.value, detail.unit)), "KC values", false, pane.ask).catch((error: unknown) => {
        pane.fail(error);
        return null;
      });
      if (said) pane.say(said.text, said.kind);
    };
    detailView.replaceChildren(
      el("h2", { id: "kc-detail-title" }, d.label, " ", idTag(d.id)),
      el("p", { class: "kc-meta" }, `${d.statement} · ${d.unitLabel}`),
      ...(d.formula ? [el("p", { class: "kc-meta kc-definition", id: "kc-definition" }, "Definition: ", ...termNodes(terms(pane.engine, d.formula)))] : []),
      el("div", { class: "kc-row", role: "group", "aria-label": "Currency" }, toggle("RMB", "RMB"), toggle("USD", "US$")),
      el("div", { class: "kc-periods", role: "listbox", "aria-labelledby": "kc-detail-title" }, ...d.periods.map((p) => periodOption(d, p))),
      el(
        "div",
        { class: "kc-row" },
        pane.actionButton({ id: "kc-insert-formula", class: "kc-primary" }, `Insert formula (${period ?? ""})`, "insert", insert("formula")),
        pane.actionButton({ id: "kc-insert-value" }, "Insert value", "insert", insert("value")),
        button({ id: "kc-show-source" }, "Source", () => {
          sourceColumn = null;
          showSource();
        }),
      ),
    );
    detailView.hidden = false;
  }

  function showSource() {
    if (!detail || !period) return;
    const view = sourceView(pane.engine, pane.sourceTexts, detail.id, period, currency);
    const children: Node[] = [el("h2", {}, `Source · ${period}`), el("p", { class: "kc-meta", id: "kc-source-description" }, view.description)];
    if (view.table) children.push(...sourceTable(view.table));
    sourceSection.replaceChildren(...children);
    sourceSection.hidden = false;
    sourceSection.querySelector(".kc-highlight")?.scrollIntoView({ block: "center" });
  }

  /** The table as lines of label and one column's figure; the figure's line highlighted. */
  function sourceTable(t: SourceTable): Node[] {
    const column = sourceColumn ?? t.column;
    const picker = el("select", { id: "kc-source-column" }, ...t.columns.map((header, i) => el("option", { value: String(i + 1), ...(i + 1 === column ? { selected: "" } : {}) }, header)));
    picker.addEventListener("change", () => {
      sourceColumn = Number(picker.value);
      showSource();
      document.getElementById("kc-source-column")?.focus();
    });
    const lines = t.lines.map((l) => {
      const highlight = l.line === t.line;
      const figure = l.cells[column] ?? "";
      const line = el(
        "li",
        { "data-line": String(l.line), ...(highlight ? { class: "kc-highlight", "aria-current": "true" } : {}) },
        el("span", { class: "kc-line" }, String(l.line)),
        el("span", { class: "kc-label" }, l.cells[0] ?? ""),
        el("span", { class: `kc-figure${highlight && column === t.column ? " kc-cell-highlight" : ""}` }, figure),
      );
      // Every column of the line, a tap away.
      const others = l.cells.slice(1).flatMap((cell, i) => (cell && i + 1 !== column ? [el("li", {}, `${t.columns[i] ?? ""}: `, el("span", { class: "kc-figure" }, cell))] : []));
      if (others.length) {
        const all = el("ul", { class: "kc-line-columns", id: `kc-line-${l.line}-columns`, hidden: "" }, ...others);
        const toggle = button({ class: "kc-more", "aria-expanded": "false", "aria-controls": all.id, "aria-label": `Every column of line ${l.line}` }, "⋯", () => {
          all.hidden = !all.hidden;
          toggle.setAttribute("aria-expanded", String(!all.hidden));
        });
        line.append(toggle, all);
      }
      return line;
    });
    const several = pane.engine.releases().length > 1;
    return [
      el("p", { class: "kc-source-title" }, t.title),
      ...(several ? [el("p", { class: "kc-meta", id: "kc-source-release" }, `${t.release} · ${t.sourceName}`)] : []),
      el("label", { for: "kc-source-column" }, "Column"),
      picker,
      el("ol", { class: "kc-source-lines", "aria-label": `${t.title}, line ${t.line} highlighted` }, ...lines),
    ];
  }

  // The pane's width decides where labels wrap, so how many whole options fit: fit again when it changes.
  new ResizeObserver(() => fitList()).observe(searchBox);

  // Every metric's option node, made once the pane is idle (a few ms): a keystroke then only places nodes, and the
  // first letters typed do not wait for forty of them to be made.
  whenIdle(() => {
    for (const m of pane.engine.search("")) optionFor(m);
  });

  const functionsNote = pane.unavailable("functionMessages");
  return {
    content: [
      ...(functionsNote ? [el("p", { class: "kc-meta kc-unavailable", id: "kc-functions-note" }, functionsNote)] : []),
      el("label", { for: "kc-search" }, "Find a metric"),
      searchBox,
      results,
      detailView,
      sourceSection,
    ],
    onShow: fitList,
    // Releases added or removed: the matches, the metric's periods and its source, over the new data.
    onData() {
      if (searchBox.value.trim()) search(searchBox.value);
      if (!detail) return;
      detail = metricDetail(pane.engine, detail.id, currency);
      if (!detail.periods.some((p) => p.period === period)) period = detail.periods[0]?.period ?? null;
      renderDetail();
      if (!sourceSection.hidden) showSource();
    },
    search: (text) => {
      searchBox.value = text;
      search(text);
    },
    select,
  };
}
