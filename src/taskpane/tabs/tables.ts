/** Tables: a whole statement or bridge as one KC.STATEMENT formula that spills, or as values, at the selection or on a new sheet. */
import { Currency, STATEMENTS, StatementKind } from "../../core";
import { TABLE_KINDS, TableContent, insertBlock, statementContent, tableSheetName } from "../actions/insert";
import { el } from "../dom";
import type { TabContent, TabServices } from "../pane";

export function tablesTab(pane: TabServices): TabContent {
  const kind = el("select", { id: "kc-table-kind" }, ...TABLE_KINDS.map((k) => el("option", { value: k }, `${STATEMENTS[k].name} (${k})`)));
  const cur = el("select", { id: "kc-table-currency" }, el("option", { value: "RMB" }, "RMB"), el("option", { value: "USD" }, "US$"));
  const choices: Record<string, HTMLInputElement[]> = {};
  const radio = (name: string, value: string, text: string, checked: boolean) => {
    const id = `kc-${name}-${value}`;
    const input = el("input", { type: "radio", name: `kc-${name}`, id, value, ...(checked ? { checked: "" } : {}) });
    (choices[name] ??= []).push(input);
    return el("div", { class: "kc-choice" }, input, el("label", { for: id }, text));
  };
  const chosen = (name: string) => choices[name].find((i) => i.checked)?.value;
  const mode = [radio("table-mode", "formula", "A KC.STATEMENT formula (spills, follows the add-in)", true), radio("table-mode", "values", "Static values (work without the add-in)", false)];
  const where = [radio("table-where", "selection", "At the selected cell", true), radio("table-where", "newSheet", "On a new sheet", false)];

  const go = pane.actionButton({ id: "kc-insert-table", class: "kc-primary" }, "Insert table", "insert", async () => {
    const k = kind.value as StatementKind;
    let content: TableContent;
    try {
      content = statementContent(pane.engine, k, chosen("table-mode") === "values" ? "values" : "formula", cur.value as Currency);
      const said = await insertBlock(pane.workbook, content, tableSheetName(k), chosen("table-where") === "newSheet", pane.ask);
      pane.say(said.text, said.kind);
    } catch (error) {
      pane.fail(error);
    }
  });
  return {
    content: [
      el("h2", {}, "Insert a statement or bridge"),
      el("label", { for: "kc-table-kind" }, "Statement"),
      kind,
      el("label", { for: "kc-table-currency" }, "Currency"),
      cur,
      el("fieldset", {}, el("legend", {}, "As"), ...mode),
      el("fieldset", {}, el("legend", {}, "Where"), ...where),
      el("p", { class: "kc-meta" }, "Thousands as #,##0;(#,##0), margins and ratios as 0.0%, per-share amounts with two decimals. If the cells are not empty you are asked first."),
      el("div", { class: "kc-row" }, go),
    ],
  };
}
