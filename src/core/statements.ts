import type { StatementId } from "./catalog";
import type { Dataset, StatementKind } from "./dataset";
import { invalidValue } from "./errors";
import { quote } from "./lookup";
import type { Model } from "./model";
import { PeriodKey, comparePeriods } from "./periods";

export const STATEMENTS: Record<StatementId, { name: string; names: string[] }> = {
  BS: { name: "Balance sheet", names: ["BS", "balance sheet", "balance sheets", "balancesheet", "financial position"] },
  IS: {
    name: "Statement of comprehensive loss",
    names: ["IS", "income statement", "P&L", "PL", "profit and loss", "statement of comprehensive loss", "statements of comprehensive loss", "comprehensive loss", "statement of operations"],
  },
  NONGAAP: { name: "Non-GAAP reconciliation", names: ["NONGAAP", "non-GAAP", "reconciliation", "reconciliations", "bridge", "non-GAAP bridge", "reconciliation of GAAP and non-GAAP results"] },
  CF: { name: "Cash flow statement", names: ["CF", "cash flow", "cash flows", "cash flow statement", "statement of cash flows", "CFS"] },
  NARRATIVE: { name: "Press release text", names: ["NARRATIVE", "text", "press release", "release text"] },
  DERIVED: { name: "Derived measures", names: ["DERIVED", "ratios", "analysis", "derived measures"] },
};

const TABLE_KINDS: ReadonlySet<string> = new Set<StatementKind>(["BS", "IS", "NONGAAP", "CF"]);
const key = (text: string): string => text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]/g, "");
const BY_NAME = new Map<string, StatementId>();
for (const [id, { names }] of Object.entries(STATEMENTS)) for (const name of names) BY_NAME.set(key(name), id as StatementId);

/** A statement by id or name; only the four printed statements unless `anyCatalogGroup` (for METRICS). */
export function readStatement(arg: unknown, anyCatalogGroup = false): StatementKind {
  const found = typeof arg === "string" ? BY_NAME.get(key(arg)) : undefined;
  if (!found || (!anyCatalogGroup && !TABLE_KINDS.has(found))) {
    const allowed = anyCatalogGroup ? "BS, IS, NONGAAP, CF, NARRATIVE or DERIVED" : "BS, IS, NONGAAP or CF";
    throw invalidValue(`Statement '${quote(String(arg ?? ""))}' is not valid. Type ${allowed} (or a full name such as "balance sheet").`);
  }
  return found as StatementKind;
}

export interface StatementRow {
  label: string;
  /** null for a heading row ("Current assets:"). */
  metric: string | null;
  line: number;
}

/** The periods the filing's tables cover (one statement's, when given), in order. */
export function filingPeriods(dataset: Dataset, kind?: StatementKind): PeriodKey[] {
  const periods = new Set(dataset.tables.filter((t) => !kind || t.kind === kind).flatMap((t) => t.columns.map((c) => c.period)));
  return [...periods].sort(comparePeriods);
}

/** The statement's rows in the filing's order, headings included, each figure row with the metric it prints. */
export function statementRows(model: Model, kind: StatementKind): StatementRow[] {
  const rows: StatementRow[] = [];
  for (const table of model.dataset.tables) {
    if (table.kind !== kind) continue;
    let section: string | null = null;
    for (const row of table.rows) {
      if (row.section && row.section !== section) rows.push({ label: row.section, metric: null, line: row.line });
      section = row.section;
      rows.push({ label: row.label, metric: model.rowMetric.get(row) ?? null, line: row.line });
    }
  }
  return rows;
}
