/**
 * Model: build the model (new sheets, native formulas, a scenario, a chart), and freeze KC formulas to values: whole KC
 * calls first; formulas that mix KC with other logic are listed, and frozen only by the explicit second step.
 */
import { CellRef, qualifiedA1 } from "../../core";
import { buildModel } from "../actions/build-model";
import { FreezeResult, freezeToValues } from "../actions/freeze";
import { el } from "../dom";
import type { TabContent, TabServices } from "../pane";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a freeze says: what was frozen and where it was noted, what was left and why. */
export function freezeMessage(result: FreezeResult, step: "first" | "mixed"): string {
  const parts: string[] = [];
  if (result.frozen.length) {
    parts.push(
      step === "first"
        ? `Froze ${plural(result.frozen.length, "KC formula", "KC formulas")} in ${result.scope} to values; their sources are noted on ${result.record}.`
        : `Froze ${plural(result.frozen.length, "formula that mixes", "formulas that mix")} KC with other logic to values; each formula is kept on ${result.record}.`,
    );
  } else parts.push(`No ${step === "first" ? "KC formula" : "formula with a KC call"} to freeze in ${result.scope}.`);
  if (result.mixed.length) {
    const n = result.mixed.length;
    parts.push(`${plural(n, "formula mixes", "formulas mix")} KC with other logic and ${n === 1 ? "was" : "were"} left alone (${result.mixed.map((c) => qualifiedA1(c)).join(", ")}).`);
  }
  if (result.skipped.length) parts.push(`Left ${plural(result.skipped.length, "KC formula that shows", "KC formulas that show")} an error (${result.skipped.join(", ")}).`);
  return parts.join(" ");
}

export function modelTab(pane: TabServices): TabContent {
  const build = pane.actionButton({ id: "kc-build-model", class: "kc-primary" }, "Build model", "buildModel", async () => {
    pane.say("Building the model…");
    try {
      const plan = await buildModel(pane.engine, pane.workbook);
      const sheets = Object.values(plan.names);
      pane.say(
        `Built the model on ${sheets.length} new sheets (${sheets.join(", ")}). On ${plan.scenario.sheet}, type over a yellow input (${plan.scenario.inputRange}): its native formulas and the KC.METRIC formulas below them move together.`,
        "ok",
      );
    } catch (error) {
      pane.fail(error);
    }
  });

  const scope = ["selection", "sheet"].map((value, i) => {
    const id = `kc-freeze-${value}`;
    const input = el("input", { type: "radio", name: "kc-freeze-scope", id, value, ...(i === 0 ? { checked: "" } : {}) });
    return { input, node: el("div", { class: "kc-choice" }, input, el("label", { for: id }, i === 0 ? "The selected range" : "The whole active sheet")) };
  });

  // The second step: shown after a freeze that left formulas mixing KC with other logic.
  let leftAlone: CellRef[] = [];
  const mixedStep = el("div", { id: "kc-freeze-mixed-step", class: "kc-row", hidden: "" });
  const freezeMixed = pane.actionButton({ id: "kc-freeze-mixed" }, "Freeze those too", "freeze", async () => {
    try {
      const result = await freezeToValues(pane.engine, pane.workbook, { cells: leftAlone }, { mixed: true });
      showMixedStep([]);
      pane.say(freezeMessage(result, "mixed"), result.frozen.length ? "ok" : "info");
    } catch (error) {
      pane.fail(error);
    }
  });
  mixedStep.append(freezeMixed, el("span", { class: "kc-meta", id: "kc-freeze-mixed-note" }));
  function showMixedStep(cells: CellRef[]) {
    leftAlone = cells;
    mixedStep.hidden = cells.length === 0;
    mixedStep.querySelector("button")!.textContent = cells.length === 1 ? "Freeze that one too" : `Freeze those ${cells.length} too`;
    mixedStep.querySelector("#kc-freeze-mixed-note")!.textContent = "Each becomes its value; its formula is kept on KC frozen.";
  }

  const freeze = pane.actionButton({ id: "kc-freeze" }, "Freeze to values", "freeze", async () => {
    try {
      const result = await freezeToValues(pane.engine, pane.workbook, scope.find((s) => s.input.checked)?.input.value === "sheet" ? "sheet" : "selection");
      showMixedStep(result.mixed);
      pane.say(freezeMessage(result, "first"), result.frozen.length ? "ok" : "info");
    } catch (error) {
      showMixedStep([]);
      pane.fail(error);
    }
  });

  return {
    content: [
      el("h2", {}, "Build model"),
      el(
        "p",
        { class: "kc-meta" },
        "Adds new sheets (names that collide with none) with the statements as values and every subtotal and margin as a native Excel formula, as kc export-model lays them out; a scenario whose inputs drive both native formulas and KC.METRIC overrides; and a chart of the revenue mix and margins.",
      ),
      el("div", { class: "kc-row" }, build),
      el("h2", {}, "Freeze to values"),
      el(
        "p",
        { class: "kc-meta" },
        "Turns each cell whose formula is one KC call (a spilled table: its whole block) into its current value, so the workbook works without the add-in. Each is noted (cell, formula, value, filing line) on the KC frozen sheet. A formula that mixes KC with other logic is left as it is and listed; text that only mentions KC is never touched.",
      ),
      el("fieldset", {}, el("legend", {}, "Freeze"), ...scope.map((s) => s.node)),
      el("div", { class: "kc-row" }, freeze),
      mixedStep,
    ],
  };
}
