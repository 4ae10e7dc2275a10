/**
 * Making the task pane's DOM: elements with attributes and children, where a string child is always a text node
 * (data never becomes markup), and how ids and labels are shown.
 */
import type { Term } from "./view-model";

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child); // strings become text nodes
  return node;
}

/**
 * Makes `children` the parent's children, in that order, moving as few nodes as possible: those no longer wanted are
 * removed and the missing ones inserted, while a child already in place stays attached (the browser keeps its style,
 * layout and shaped text instead of redoing them, as it would after replaceChildren).
 */
export function setChildren(parent: Element, children: readonly Node[]): void {
  const wanted = new Set(children);
  for (let node = parent.firstChild; node; ) {
    const next = node.nextSibling;
    if (!wanted.has(node)) node.remove();
    node = next;
  }
  let at = parent.firstChild;
  for (const child of children) {
    if (child === at) at = at.nextSibling;
    else parent.insertBefore(child, at);
  }
}

/** A button that calls `onClick`. */
export function button(attrs: Attrs, text: string, onClick: () => void): HTMLButtonElement {
  const b = el("button", { type: "button", ...attrs }, text);
  b.addEventListener("click", onClick);
  return b;
}

/** An id in small type, with a line-break opportunity between its words ("Accounts<wbr>Receivable<wbr>Net"). */
export function idTag(id: string): HTMLElement {
  const tag = el("small", { class: "kc-id" });
  id.split(/(?<=[a-z0-9])(?=[A-Z])/).forEach((word, i) => {
    if (i) tag.append(el("wbr"));
    tag.append(word);
  });
  return tag;
}

/**
 * Formula or identity terms: each metric's printed label, with its id small beside it where it first appears (`ids:
 * "all"`, for a definition) or only where the label alone does not say which metric it is (`"ambiguous"`).
 */
export function termNodes(terms: Term[], ids: "all" | "ambiguous" = "all"): Node[] {
  const seen = new Set<string>();
  return terms.map((t): Node => {
    if (typeof t === "string") return document.createTextNode(t);
    const show = !seen.has(t.id) && (ids === "all" || t.ambiguous);
    seen.add(t.id);
    return el("span", { class: "kc-term" }, t.label, ...(show ? [" ", idTag(t.id)] : []));
  });
}
