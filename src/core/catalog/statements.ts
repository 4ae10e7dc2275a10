import type { StatementKind } from "../dataset";

/**
 * The statements and metric groups, and everything that follows from one: the names a user may type for it, its name
 * in messages and headers, its sheet in a model workbook, the titles that announce its table in a release, and the
 * order it is shown in. Nothing else in the code decides these.
 */
export type StatementId = StatementKind | "NARRATIVE" | "DERIVED";

export interface StatementFacts {
  id: StatementId;
  /** Its name in messages, headers and the task pane. */
  name: string;
  /** What a user may type for it (case, spaces and punctuation do not matter). */
  names: readonly string[];
  /** Its sheet in a model workbook ("KC " before it when the task pane builds the model); null: no sheet of its own. */
  sheet: string | null;
  /** What the sheet holds, for the workbook's About sheet. */
  sheetDescription: string;
  /** Titles that announce its table in a release (none for the groups that are not printed tables). */
  titles: readonly RegExp[];
  /** A title as a release prints it, for messages. */
  titleExample: string;
}

/** In the order statements are shown: in the task pane, in KC.METRICS, and as a model workbook's sheets. */
export const STATEMENTS: Readonly<Record<StatementId, StatementFacts>> = {
  IS: {
    id: "IS",
    name: "Statement of comprehensive loss",
    names: ["IS", "income statement", "P&L", "PL", "profit and loss", "statement of comprehensive loss", "statements of comprehensive loss", "comprehensive loss", "statement of operations"],
    sheet: "IS",
    sheetDescription: "Unaudited condensed consolidated statements of comprehensive loss",
    titles: [/STATEMENTS? OF (COMPREHENSIVE (LOSS|INCOME)|OPERATIONS)/i],
    titleExample: "CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
  },
  BS: {
    id: "BS",
    name: "Balance sheet",
    names: ["BS", "balance sheet", "balance sheets", "balancesheet", "financial position"],
    sheet: "BS",
    sheetDescription: "Unaudited condensed consolidated balance sheets",
    titles: [/BALANCE SHEETS?/i],
    titleExample: "CONDENSED CONSOLIDATED BALANCE SHEETS",
  },
  CF: {
    id: "CF",
    name: "Cash flow statement",
    names: ["CF", "cash flow", "cash flows", "cash flow statement", "statement of cash flows", "CFS"],
    sheet: "CF",
    sheetDescription: "Unaudited condensed consolidated statement of cash flows (summary as printed)",
    titles: [/CASH FLOWS?/i],
    titleExample: "CONDENSED CONSOLIDATED STATEMENT OF CASH FLOWS",
  },
  NONGAAP: {
    id: "NONGAAP",
    name: "Non-GAAP reconciliation",
    names: ["NONGAAP", "non-GAAP", "reconciliation", "reconciliations", "bridge", "non-GAAP bridge", "reconciliation of GAAP and non-GAAP results"],
    sheet: "Non-GAAP",
    sheetDescription: "Reconciliations of GAAP and non-GAAP results: the bridges and their margins",
    titles: [/NON-GAAP/i],
    titleExample: "RECONCILIATION OF GAAP AND NON-GAAP RESULTS",
  },
  DERIVED: {
    id: "DERIVED",
    name: "Derived measures",
    names: ["DERIVED", "ratios", "analysis", "derived measures"],
    sheet: "Ratios",
    sheetDescription: "Derived measures: margins, expense ratios, per-ADS loss, leverage",
    titles: [],
    titleExample: "",
  },
  NARRATIVE: {
    id: "NARRATIVE",
    name: "Press release text",
    names: ["NARRATIVE", "text", "press release", "release text"],
    sheet: null,
    sheetDescription: "",
    titles: [],
    titleExample: "",
  },
};

/** The four statements a release prints as tables, in display order. */
export const TABLE_STATEMENTS: readonly StatementKind[] = ["IS", "BS", "CF", "NONGAAP"];

/**
 * Which statement a table title announces, or null. The reconciliation is tried first: its title may name another
 * statement's measures, never the other way round.
 */
export function statementOfTitle(title: string): StatementKind | null {
  for (const id of ["NONGAAP", "BS", "CF", "IS"] as const) if (STATEMENTS[id].titles.some((t) => t.test(title))) return id;
  return null;
}

const nameKey = (text: string): string => text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]/g, "");

const BY_NAME: ReadonlyMap<string, StatementId> = new Map(
  Object.values(STATEMENTS).flatMap((s) => s.names.map((name) => [nameKey(name), s.id] as [string, StatementId])),
);

/** The statement a typed name stands for, or null. */
export function statementByName(typed: string): StatementId | null {
  return BY_NAME.get(nameKey(typed)) ?? null;
}
