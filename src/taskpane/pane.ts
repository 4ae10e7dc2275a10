/**
 * The task pane's shell: five tabs (Find, Tables, Model, Checks, Releases; tabs/*.ts build their content), a message
 * line per tab, the ask dialog (before writing over anything), and the one runner every workbook action goes through:
 * while an action runs, every action button is disabled. A feature the host's Excel cannot run (requirements.ts) has
 * its button disabled from the start, with the reason beside it. When releases are added or removed (the release
 * library), every tab reads the new engine. Plain DOM, text only; styles from taskpane.css.
 */
import { Engine, SourceTexts, WORKBOOK_MESSAGES } from "../core";
import { ActionRunner } from "./action-runner";
import { Choice } from "./actions/insert";
import { el } from "./dom";
import { Feature, RequirementHost, unavailableFeatures } from "./requirements";
import type { ReleaseLibrary } from "./release-library";
import { checksTab } from "./tabs/checks";
import { findTab } from "./tabs/find";
import { modelTab } from "./tabs/model";
import { releasesTab } from "./tabs/releases";
import { tablesTab } from "./tabs/tables";
import { OfficeTheme, applyTheme } from "./theme";
import { Workbook, describeExcelError } from "./workbook";

export type { Choice };

export type TabId = "find" | "tables" | "model" | "checks" | "releases";
const TABS: Array<[TabId, string]> = [
  ["find", "Find"],
  ["tables", "Tables"],
  ["model", "Model"],
  ["checks", "Checks"],
  ["releases", "Releases"],
];

export interface TaskPane {
  search(text: string): void;
  select(id: string): void;
  showTab(tab: TabId): void;
  /** True while a workbook action runs. */
  readonly busy: boolean;
}

export interface TaskPaneContext {
  /** The engine the KC functions compute with in this runtime (the library's, once it has loaded the workbook's releases). */
  engine: Engine;
  /** The releases the workbook models, where there is a workbook to store them in (absent: the Releases tab says so). */
  library?: ReleaseLibrary | null;
  /** The release's text, for the source view. */
  filingText: string;
  workbook: Workbook;
  /** Office's theme (Office.context.officeTheme) when there is one. */
  theme?: OfficeTheme | null;
  /** Which requirement sets the host has (Office.context.requirements); null or absent: not checked (no Excel here). */
  requirements?: RequirementHost | null;
}

export type MessageKind = "ok" | "error" | "info";

/** What a tab gets from the shell. */
export interface TabServices {
  /** The engine of the moment: releases added or removed replace it. */
  readonly engine: Engine;
  /** The source text of a release, by its file name, where the pane has it (the source view shows its lines). */
  sourceTexts: SourceTexts;
  workbook: Workbook;
  /** Shows a message on this tab's message line. */
  say(text: string, kind?: MessageKind): void;
  /** This tab's message line's current kind. */
  messageKind(): string | undefined;
  /** Says what went wrong (a WorkbookError's own words), adding that nothing was changed where it does not say so. */
  fail(error: unknown): void;
  /** Asks what to do when the target is not empty; Cancel is the default (Esc, and it has the focus). */
  ask(where: string, what: string): Promise<Choice>;
  /**
   * A button that runs a workbook action through the one runner: disabled while any action runs and, where this
   * Excel lacks what `feature` needs, from the start, with the reason beside it.
   */
  actionButton(attrs: { id: string; class?: string; "aria-label"?: string }, text: string, feature: Feature | null, run: () => Promise<void>): HTMLElement;
  /** Why this Excel cannot run a feature, or null when it can. */
  unavailable(feature: Feature): string | null;
}

/** What a tab gives the shell: its content, what to do when it is shown, and when the data changes (releases). */
export interface TabContent {
  content: Node[];
  onShow?(): void;
  onData?(): void;
}

/** Builds the task pane inside `root`. */
export function mountTaskPane(root: HTMLElement, { engine, library, filingText, workbook, theme, requirements }: TaskPaneContext): TaskPane {
  let current = library?.engine ?? engine;
  root.classList.add("kc-pane");
  applyTheme(root, theme);
  const missing = unavailableFeatures(requirements ?? null);
  let actionButtons: Array<{ button: HTMLButtonElement; feature: Feature | null }> = [];
  const runner = new ActionRunner((busy) => {
    root.setAttribute("aria-busy", String(busy));
    actionButtons = actionButtons.filter(({ button }) => button.isConnected); // a tab re-rendered drops its old buttons
    for (const { button, feature } of actionButtons) button.disabled = busy || (feature !== null && missing.has(feature));
  });

  // Tabs: a tablist (arrow keys, Home, End) over four panels.
  const tabList = el("div", { role: "tablist", "aria-label": "KC for Excel", class: "kc-tabs" });
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

  const prompt = el("div", { id: "kc-prompt", class: "kc-prompt", role: "alertdialog", "aria-modal": "false", "aria-labelledby": "kc-prompt-title", "aria-describedby": "kc-prompt-text", hidden: "" });

  /** Asks what to do when the target is not empty; resolves with the choice. The prompt shows under the asking tab's message. */
  function ask(message: HTMLElement, where: string, what: string): Promise<Choice> {
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
      message.after(prompt);
      prompt.hidden = false;
      cancel.focus();
    });
  }

  const panels = new Map<TabId, { panel: HTMLElement; onShow?: () => void }>();
  const services = (message: HTMLElement): TabServices => {
    const say = (text: string, kind: MessageKind = "info") => {
      message.textContent = text;
      message.dataset.kind = kind;
    };
    return {
      get engine() {
        return current;
      },
      sourceTexts: (name) => library?.sourceText(name) ?? (name === engine.dataset.sourceName ? filingText : null),
      workbook,
      say,
      messageKind: () => message.dataset.kind,
      fail(error) {
        const text = describeExcelError(error);
        say(/Nothing was (changed|written)|nothing was written/.test(text) ? text : `${text} Nothing was changed.`, "error");
      },
      ask: (where, what) => ask(message, where, what),
      actionButton(attrs, text, feature, run) {
        const reason = feature ? missing.get(feature) ?? null : null;
        const b = el("button", { type: "button", ...attrs }, text);
        actionButtons.push({ button: b, feature });
        b.disabled = runner.busy || reason !== null;
        b.addEventListener("click", () => {
          void runner.run(run).then((started) => {
            if (!started) say(WORKBOOK_MESSAGES.busy(), "error");
          });
        });
        if (!reason) return b;
        const note = el("p", { class: "kc-meta kc-unavailable", id: `${attrs.id}-unavailable` }, reason);
        b.setAttribute("aria-describedby", note.id);
        return el("div", { class: "kc-action" }, b, note);
      },
      unavailable: (feature) => missing.get(feature) ?? null,
    };
  };
  const messages = new Map(TABS.map(([id]) => [id, el("p", { id: `kc-message-${id}`, class: "kc-message", role: "status" })]));
  const tabServices = (id: TabId) => services(messages.get(id)!);
  const find = findTab(tabServices("find"));
  const contents: Record<TabId, TabContent> = {
    find,
    tables: tablesTab(tabServices("tables")),
    model: modelTab(tabServices("model")),
    checks: checksTab(tabServices("checks")),
    releases: releasesTab(tabServices("releases"), library ?? null),
  };
  for (const [id] of TABS) {
    const panel = el("section", { role: "tabpanel", id: `kc-panel-${id}`, "aria-labelledby": `kc-tab-${id}`, tabindex: "-1", hidden: "" }, messages.get(id)!, ...contents[id].content);
    panels.set(id, { panel, onShow: contents[id].onShow });
  }
  root.append(tabList, ...[...panels.values()].map((p) => p.panel));

  function showTab(tab: TabId) {
    TABS.forEach(([id], i) => {
      const selected = id === tab;
      tabButtons[i].setAttribute("aria-selected", String(selected));
      tabButtons[i].tabIndex = selected ? 0 : -1;
      panels.get(id)!.panel.hidden = !selected;
    });
    panels.get(tab)!.onShow?.();
  }

  // Releases added, removed or loaded: every tab reads the new engine, and the tab shown is shown again.
  library?.onChange((next) => {
    current = next;
    for (const [, content] of Object.entries(contents)) content.onData?.();
    const shown = TABS.find(([id]) => !panels.get(id)!.panel.hidden)?.[0];
    if (shown) panels.get(shown)!.onShow?.();
  });

  showTab("find");
  return {
    search: (text) => (showTab("find"), find.search(text)),
    select: (id) => find.select(id),
    showTab,
    get busy() {
      return runner.busy;
    },
  };
}
