/**
 * Checks: the tie-outs (=KC.CHECKS()) as a list whose items wrap at any width: the identity in printed labels (ids small
 * beside them), the period and both figures, and the status with how far apart the figures are on one line. The
 * filing's own inconsistencies are explained once, above their list; every tie-out is a tap away.
 */
import { button, el, idTag, termNodes } from "../dom";
import type { TabContent, TabServices } from "../pane";
import { CheckItem, checksView } from "../view-model";

function item(c: CheckItem): HTMLElement {
  return el(
    "li",
    { class: "kc-check", "data-status": c.status },
    el("p", { class: "kc-check-identity" }, ...termNodes(c.identity, "ambiguous"), ...[c.currency, c.release].flatMap((tag) => (tag ? [" ", el("span", { class: "kc-tag" }, tag)] : []))),
    el("p", { class: "kc-check-figures" }, `${c.period} · printed ${c.printed} · recomputed ${c.recomputed}`),
    el("p", { class: "kc-check-verdict" }, el("strong", {}, c.status), c.verdict.slice(c.status.length)),
  );
}

const list = (id: string, label: string, items: CheckItem[]) => el("ul", { id, class: "kc-checks", "aria-label": label }, ...items.map(item));

export function checksTab(pane: TabServices): TabContent {
  let rendered = false;
  const content = el("div", { id: "kc-checks" });
  return {
    content: [content],
    // Releases added or removed: laid out again when next shown (the shell shows the current tab again).
    onData() {
      rendered = false;
    },
    onShow() {
      if (rendered) return;
      rendered = true;
      const view = checksView(pane.engine);
      const all = el("div", { id: "kc-checks-all-box", hidden: "" });
      const showAll = button({ id: "kc-checks-show-all", "aria-expanded": "false", "aria-controls": all.id }, `Show all ${view.all.length} tie-outs`, () => {
        if (!all.firstChild) all.append(list("kc-checks-all", "All tie-outs", view.all)); // laid out when first asked for
        all.hidden = !all.hidden;
        showAll.setAttribute("aria-expanded", String(!all.hidden));
        showAll.textContent = all.hidden ? `Show all ${view.all.length} tie-outs` : `Hide the ${view.all.length} tie-outs`;
      });
      content.replaceChildren(
        el("h2", {}, "Checks"),
        el("p", { id: "kc-checks-summary" }, view.summary),
        ...(view.failed.length ? [el("h3", {}, "Failed"), list("kc-checks-failed", "Failed tie-outs", view.failed)] : []),
        ...(view.restated.length
          ? [
              el("h3", {}, "Restated by a later release"),
              el("p", { class: "kc-meta", id: "kc-checks-restated-note" }, "A later release printed these figures differently: KC uses the later release's, as its Releases tab said when it was added."),
              list("kc-checks-restated", "Restated figures", view.restated),
            ]
          : []),
        ...(view.waiting.length ? [el("h3", {}, "Year columns not checked yet"), list("kc-checks-years", "Year columns not checked against their quarters", view.waiting)] : []),
        el("h3", {}, "The filing's own inconsistencies"),
        el(
          "p",
          { class: "kc-meta", id: "kc-checks-explained" },
          "The release's US$ figures are RMB translated at its stated rate, but the filing adds up each US$ column on its own, so a US$ total can differ by 1 or 2 in its last digit from the translated RMB total. The RMB figures tie exactly; KC computes from them. These rows are the filing's, not errors in KC.",
        ),
        list("kc-checks-noted", "Noted: the filing's own inconsistencies", view.noted),
        el("div", { class: "kc-row" }, showAll),
        all,
        el("p", { class: "kc-meta" }, "Where two rows of the filing share a label, the metric's id (what =KC.METRIC takes) is beside it, such as ", idTag("PrepaymentsAndOtherAssetsCurrent"), "."),
      );
    },
  };
}
