/**
 * The Forecast sheet: an analyst's driver-based model of the next quarters and the full years, in native formulas only
 * (so it works without the add-in, and with Goal Seek and Data Tables, which custom functions do not).
 *
 * Columns: the reported quarters (each figure a link to its cell on the statement sheets), then N estimated quarters
 * ("2026Q2E"), then a full-year column per calendar year; a year is summed only when its four quarters are all there,
 * and otherwise says which quarters it lacks. Rows: the drivers (yellow inputs per estimated quarter; in the reported
 * columns, what the filing's figures imply), the statement of comprehensive loss down to the loss per ADS, every
 * non-GAAP bridge by the scenario rules (each bridge the sum of its rows), the margins, and growth rows.
 *
 * Defaults: the latest reported quarter's own ratios and amounts, with zero growth, so the first estimated quarter
 * reproduces the latest reported quarter line by line.
 */
import { Engine, ORDINARY_SHARES_PER_ADS, PeriodKey, numberFormat, shiftPeriod, toNumber } from "../../core";
import { comboChart } from "./charts";
import { qualified } from "./formulas";
import { ChartSpec, HEADER_ROW, HomeOf, LayoutCell, SheetLayout, cellAddress } from "./types";

export const FORECAST_SHEET = "Forecast";
export const MAX_FORECAST_QUARTERS = 8;

/** A formula and its value, built together so that the cached result is the formula's own. */
interface F {
  text: string;
  value: number;
  /** Whether the text needs parentheses as an operand. */
  compound: boolean;
}

const leaf = (text: string, value: number): F => ({ text, value, compound: false });
const wrap = (f: F): string => (f.compound ? `(${f.text})` : f.text);
const plus = (...terms: F[]): F => ({ text: terms.map((t, i) => (i === 0 ? t.text : t.text.startsWith("-") ? `+(${t.text})` : `+${t.text}`)).join(""), value: terms.reduce((s, t) => s + t.value, 0), compound: true });
const minus = (a: F, b: F): F => ({ text: `${a.text}-${wrap(b)}`, value: a.value - b.value, compound: true });
const times = (a: F, b: F): F => ({ text: `${wrap(a)}*${wrap(b)}`, value: a.value * b.value, compound: true });
const over = (a: F, b: F): F => ({ text: `${wrap(a)}/${wrap(b)}`, value: a.value / b.value, compound: true });
const negate = (a: F): F => ({ text: `-${wrap(a)}`, value: -a.value, compound: true });
const num = (n: number): F => leaf(String(n), n);

type Unit = "amount" | "ratio" | "perShare" | "perADS" | "shares";

/** What a line's estimate reads: this column's lines and drivers, and the previous quarter's lines. */
interface Column {
  line(id: string): F;
  driver(key: string): F;
  previous(id: string): F;
}

interface DriverSpec {
  key: string;
  label: string;
  unit: Unit;
  /** What the filing's figures imply for a reported quarter (null where they cannot: growth without the quarter before). */
  implied: (c: Column, hasPrevious: boolean) => F | null;
}

interface LineSpec {
  id: string;
  unit: Unit;
  estimate: (c: Column) => F;
  /** How the full year is made from its four quarters: summed, or a ratio of two full-year lines. */
  year: "sum" | { ratio: [string, string] } | "average" | "perShare" | "perADS";
  total?: boolean;
}

const DRIVERS: readonly DriverSpec[] = [
  { key: "PublicCloudGrowth", label: "Public cloud services, growth quarter on quarter", unit: "ratio", implied: (c, prev) => (prev ? minus(over(c.line("PublicCloudRevenues"), c.previous("PublicCloudRevenues")), num(1)) : null) },
  { key: "EnterpriseCloudGrowth", label: "Enterprise cloud services, growth quarter on quarter", unit: "ratio", implied: (c, prev) => (prev ? minus(over(c.line("EnterpriseCloudRevenues"), c.previous("EnterpriseCloudRevenues")), num(1)) : null) },
  { key: "CostOfRevenuesShare", label: "Cost of revenues, share of total revenues", unit: "ratio", implied: (c) => over(negate(c.line("CostOfRevenues")), c.line("TotalRevenues")) },
  { key: "SellingAndMarketingShare", label: "Selling and marketing expenses, share of total revenues", unit: "ratio", implied: (c) => over(negate(c.line("SellingAndMarketingExpenses")), c.line("TotalRevenues")) },
  { key: "GeneralAndAdministrativeShare", label: "General and administrative expenses, share of total revenues", unit: "ratio", implied: (c) => over(negate(c.line("GeneralAndAdministrativeExpenses")), c.line("TotalRevenues")) },
  { key: "ResearchAndDevelopmentShare", label: "Research and development expenses, share of total revenues", unit: "ratio", implied: (c) => over(negate(c.line("ResearchAndDevelopmentExpenses")), c.line("TotalRevenues")) },
  { key: "ShareBasedCompensation", label: "Share-based compensation expenses", unit: "amount", implied: (c) => c.line("ShareBasedCompensation") },
  { key: "ShareBasedCompensationInCostOfRevenues", label: "of which allocated in cost of revenues", unit: "amount", implied: (c) => c.line("ShareBasedCompensationInCostOfRevenues") },
  { key: "DepreciationAndAmortization", label: "Depreciation and amortization", unit: "amount", implied: (c) => c.line("DepreciationAndAmortization") },
  { key: "AmortizationOfIntangibleAssets", label: "of which amortization of intangible assets", unit: "amount", implied: (c) => c.line("AmortizationOfIntangibleAssets") },
  { key: "InterestIncome", label: "Interest income", unit: "amount", implied: (c) => c.line("InterestIncome") },
  { key: "InterestExpense", label: "Interest expense (negative)", unit: "amount", implied: (c) => c.line("InterestExpense") },
  { key: "ForeignExchangeGainLoss", label: "Foreign exchange gain (loss)", unit: "amount", implied: (c) => c.line("ForeignExchangeGainLoss") },
  { key: "OtherGainLossNet", label: "Other gain (loss), net", unit: "amount", implied: (c) => c.line("OtherGainLossNet") },
  { key: "OtherExpenseIncomeNet", label: "Other (expense) income, net", unit: "amount", implied: (c) => c.line("OtherExpenseIncomeNet") },
  { key: "EffectiveTaxRate", label: "Effective tax rate (tax expense / income before tax)", unit: "ratio", implied: (c) => over(negate(c.line("IncomeTaxExpenseBenefit")), c.line("LossBeforeIncomeTaxes")) },
  { key: "NonControllingInterestsShare", label: "Non-controlling interests' share of net loss", unit: "ratio", implied: (c) => over(c.line("NetLossAttributableToNonControllingInterests"), c.line("NetLoss")) },
  { key: "WeightedAverageShares", label: "Weighted average shares (basic and diluted)", unit: "shares", implied: (c) => c.line("WeightedAverageShares") },
];

const sum = (c: Column, ...ids: string[]) => plus(...ids.map((id) => c.line(id)));

/** The lines, top to bottom, each as the statements print it; the bridges follow the scenario rules. */
const STATEMENT_LINES: readonly LineSpec[] = [
  { id: "PublicCloudRevenues", unit: "amount", estimate: (c) => times(c.previous("PublicCloudRevenues"), plus(num(1), c.driver("PublicCloudGrowth"))), year: "sum" },
  { id: "EnterpriseCloudRevenues", unit: "amount", estimate: (c) => times(c.previous("EnterpriseCloudRevenues"), plus(num(1), c.driver("EnterpriseCloudGrowth"))), year: "sum" },
  { id: "TotalRevenues", unit: "amount", estimate: (c) => sum(c, "PublicCloudRevenues", "EnterpriseCloudRevenues"), year: "sum", total: true },
  { id: "CostOfRevenues", unit: "amount", estimate: (c) => negate(times(c.driver("CostOfRevenuesShare"), c.line("TotalRevenues"))), year: "sum" },
  { id: "GrossProfit", unit: "amount", estimate: (c) => sum(c, "TotalRevenues", "CostOfRevenues"), year: "sum", total: true },
  { id: "SellingAndMarketingExpenses", unit: "amount", estimate: (c) => negate(times(c.driver("SellingAndMarketingShare"), c.line("TotalRevenues"))), year: "sum" },
  { id: "GeneralAndAdministrativeExpenses", unit: "amount", estimate: (c) => negate(times(c.driver("GeneralAndAdministrativeShare"), c.line("TotalRevenues"))), year: "sum" },
  { id: "ResearchAndDevelopmentExpenses", unit: "amount", estimate: (c) => negate(times(c.driver("ResearchAndDevelopmentShare"), c.line("TotalRevenues"))), year: "sum" },
  { id: "TotalOperatingExpenses", unit: "amount", estimate: (c) => sum(c, "SellingAndMarketingExpenses", "GeneralAndAdministrativeExpenses", "ResearchAndDevelopmentExpenses"), year: "sum", total: true },
  { id: "OperatingLoss", unit: "amount", estimate: (c) => sum(c, "GrossProfit", "TotalOperatingExpenses"), year: "sum", total: true },
  { id: "InterestIncome", unit: "amount", estimate: (c) => c.driver("InterestIncome"), year: "sum" },
  { id: "InterestExpense", unit: "amount", estimate: (c) => c.driver("InterestExpense"), year: "sum" },
  { id: "ForeignExchangeGainLoss", unit: "amount", estimate: (c) => c.driver("ForeignExchangeGainLoss"), year: "sum" },
  { id: "OtherGainLossNet", unit: "amount", estimate: (c) => c.driver("OtherGainLossNet"), year: "sum" },
  { id: "OtherExpenseIncomeNet", unit: "amount", estimate: (c) => c.driver("OtherExpenseIncomeNet"), year: "sum" },
  { id: "LossBeforeIncomeTaxes", unit: "amount", estimate: (c) => sum(c, "OperatingLoss", "InterestIncome", "InterestExpense", "ForeignExchangeGainLoss", "OtherGainLossNet", "OtherExpenseIncomeNet"), year: "sum", total: true },
  { id: "IncomeTaxExpenseBenefit", unit: "amount", estimate: (c) => negate(times(c.driver("EffectiveTaxRate"), c.line("LossBeforeIncomeTaxes"))), year: "sum" },
  { id: "NetLoss", unit: "amount", estimate: (c) => sum(c, "LossBeforeIncomeTaxes", "IncomeTaxExpenseBenefit"), year: "sum", total: true },
  { id: "NetLossAttributableToNonControllingInterests", unit: "amount", estimate: (c) => times(c.driver("NonControllingInterestsShare"), c.line("NetLoss")), year: "sum" },
  { id: "NetLossAttributableToShareholders", unit: "amount", estimate: (c) => minus(c.line("NetLoss"), c.line("NetLossAttributableToNonControllingInterests")), year: "sum", total: true },
  { id: "WeightedAverageShares", unit: "shares", estimate: (c) => c.driver("WeightedAverageShares"), year: "average" },
  { id: "NetLossPerShare", unit: "perShare", estimate: (c) => over(times(c.line("NetLossAttributableToShareholders"), num(1000)), c.line("WeightedAverageShares")), year: "perShare" },
  { id: "NetLossPerADS", unit: "perADS", estimate: (c) => times(c.line("NetLossPerShare"), num(ORDINARY_SHARES_PER_ADS)), year: "perADS" },
];

const BRIDGE_LINES: readonly LineSpec[] = [
  { id: "ShareBasedCompensationInCostOfRevenues", unit: "amount", estimate: (c) => c.driver("ShareBasedCompensationInCostOfRevenues"), year: "sum" },
  { id: "AdjustedGrossProfit", unit: "amount", estimate: (c) => sum(c, "GrossProfit", "ShareBasedCompensationInCostOfRevenues"), year: "sum", total: true },
  { id: "ShareBasedCompensation", unit: "amount", estimate: (c) => c.driver("ShareBasedCompensation"), year: "sum" },
  { id: "ForeignExchangeAdjustment", unit: "amount", estimate: (c) => negate(c.line("ForeignExchangeGainLoss")), year: "sum" },
  { id: "AdjustedNetLoss", unit: "amount", estimate: (c) => sum(c, "NetLoss", "ShareBasedCompensation", "ForeignExchangeAdjustment"), year: "sum", total: true },
  { id: "InterestIncomeAdjustment", unit: "amount", estimate: (c) => negate(c.line("InterestIncome")), year: "sum" },
  { id: "InterestExpenseAdjustment", unit: "amount", estimate: (c) => negate(c.line("InterestExpense")), year: "sum" },
  { id: "IncomeTaxAdjustment", unit: "amount", estimate: (c) => negate(c.line("IncomeTaxExpenseBenefit")), year: "sum" },
  { id: "DepreciationAndAmortization", unit: "amount", estimate: (c) => c.driver("DepreciationAndAmortization"), year: "sum" },
  { id: "AdjustedEBITDA", unit: "amount", estimate: (c) => sum(c, "AdjustedNetLoss", "InterestIncomeAdjustment", "InterestExpenseAdjustment", "IncomeTaxAdjustment", "DepreciationAndAmortization"), year: "sum", total: true },
  { id: "AmortizationOfIntangibleAssets", unit: "amount", estimate: (c) => c.driver("AmortizationOfIntangibleAssets"), year: "sum" },
  { id: "AdjustedOperatingLoss", unit: "amount", estimate: (c) => sum(c, "OperatingLoss", "ShareBasedCompensation", "AmortizationOfIntangibleAssets"), year: "sum", total: true },
];

const margin = (id: string, of: string): LineSpec => ({ id, unit: "ratio", estimate: (c) => over(c.line(of), c.line("TotalRevenues")), year: { ratio: [of, "TotalRevenues"] } });
const MARGIN_LINES: readonly LineSpec[] = [
  margin("GrossMargin", "GrossProfit"),
  margin("AdjustedGrossMargin", "AdjustedGrossProfit"),
  margin("NetLossMargin", "NetLoss"),
  margin("AdjustedNetLossMargin", "AdjustedNetLoss"),
  margin("AdjustedEBITDAMargin", "AdjustedEBITDA"),
  margin("AdjustedOperatingLossMargin", "AdjustedOperatingLoss"),
];

/** Growth rows: (line, basis) as KC.GROWTH computes them, and changes of margins as KC.CHANGE does. */
const GROWTH_ROWS: ReadonlyArray<{ id: string; quarters: 1 | 4; kind: "growth" | "change" }> = [
  { id: "TotalRevenues", quarters: 1, kind: "growth" },
  { id: "TotalRevenues", quarters: 4, kind: "growth" },
  { id: "GrossProfit", quarters: 4, kind: "growth" },
  { id: "AdjustedEBITDA", quarters: 1, kind: "growth" },
  { id: "AdjustedEBITDA", quarters: 4, kind: "growth" },
  { id: "NetLoss", quarters: 4, kind: "growth" },
  { id: "GrossMargin", quarters: 4, kind: "change" },
  { id: "AdjustedEBITDAMargin", quarters: 4, kind: "change" },
];

export interface ForecastColumn {
  /** "2026Q1" for a reported quarter, "2026Q2E" for an estimate, "FY2026E" for a full year. */
  label: string;
  kind: "reported" | "estimate" | "year";
  period: PeriodKey | null;
  col: number;
}

export interface ForecastLayout {
  sheet: string;
  columns: ForecastColumn[];
  /** For each full year: its quarters, and the ones the model lacks (none: the year is summed). */
  years: Array<{ label: string; year: number; quarters: PeriodKey[]; missing: PeriodKey[] }>;
  /** Driver input cells: driver key -> column label -> address ("F9"). */
  drivers: Record<string, Record<string, string>>;
  /** Line cells: metric id -> column label -> address. */
  lines: Record<string, Record<string, string>>;
  /** Growth and change rows: "TotalRevenues QoQ" -> column label -> address. */
  growth: Record<string, Record<string, string>>;
}

const LABEL = 1;
const KEY = 2;
const FIRST = 3;

/**
 * The Forecast sheet for `quarters` estimated quarters after the engine's latest, reading the reported quarters from
 * their home cells on the statement sheets.
 */
export function buildForecast(engine: Engine, quarters: number, home: HomeOf, name = FORECAST_SHEET): { sheet: SheetLayout; forecast: ForecastLayout; chart: ChartSpec } {
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > MAX_FORECAST_QUARTERS) {
    throw new Error(`a forecast has 1 to ${MAX_FORECAST_QUARTERS} quarters, not ${quarters}`);
  }
  const reported = engine.filingPeriods("IS");
  const latest = reported[reported.length - 1];
  const estimated = Array.from({ length: quarters }, (_, i) => shiftPeriod(latest, i + 1));
  const quarterColumns: ForecastColumn[] = [
    ...reported.map((p, i) => ({ label: p, kind: "reported" as const, period: p, col: FIRST + i })),
    ...estimated.map((p, i) => ({ label: `${p}E`, kind: "estimate" as const, period: p, col: FIRST + reported.length + i })),
  ];
  const byPeriod = new Map(quarterColumns.map((c) => [c.period as PeriodKey, c]));
  const yearNumbers = [...new Set(quarterColumns.map((c) => Number((c.period as string).slice(0, 4))))];
  const years = yearNumbers.map((year) => {
    const wanted = [1, 2, 3, 4].map((q) => `${year}Q${q}`);
    const missing = wanted.filter((p) => !byPeriod.has(p));
    const estimatedYear = wanted.some((p) => byPeriod.get(p)?.kind === "estimate");
    return { label: `FY${year}${estimatedYear ? "E" : ""}`, year, quarters: wanted, missing };
  });
  const yearColumns: ForecastColumn[] = years.map((y, i) => ({ label: y.label, kind: "year", period: null, col: FIRST + quarterColumns.length + i }));
  const columns = [...quarterColumns, ...yearColumns];

  const cells: LayoutCell[] = [];
  const put = (cell: Omit<LayoutCell, "address">) => cells.push({ ...cell, address: cellAddress(cell.row, cell.col) });
  const at = new Map<string, { address: string; value: number }>();
  const key = (what: string, column: string) => `${what}|${column}`;
  const read = (what: string, column: ForecastColumn | undefined): F => {
    const found = column && at.get(key(what, column.label));
    if (!found) throw new Error(`forecast: no ${what} in ${column?.label ?? "the quarter before"}`);
    return leaf(found.address, found.value);
  };

  put({ row: 1, col: LABEL, role: "text", style: "title", value: `Forecast: ${quarters} quarter${quarters > 1 ? "s" : ""} after ${latest} (RMB thousands), driven by the yellow inputs` });
  put({
    row: 2,
    col: LABEL,
    role: "text",
    style: "subtitle",
    value: `Reported quarters are read from the statement sheets; estimated quarters (E) compute from the drivers. Defaults are ${latest}'s own ratios and amounts with zero growth, so ${estimated[0]}E reproduces ${latest}. Only native formulas: Goal Seek and Data Tables work.`,
  });
  put({ row: 3, col: LABEL, role: "text", style: "muted", value: "A full year is summed only when its four quarters are all here; otherwise its column says which are missing." });
  put({ row: HEADER_ROW, col: LABEL, role: "header", style: "header", value: "Line item" });
  put({ row: HEADER_ROW, col: KEY, role: "header", style: "header", value: "Metric / driver" });
  for (const c of columns) put({ row: HEADER_ROW, col: c.col, role: "header", style: "header", value: c.label, period: c.period ?? undefined });

  let row = HEADER_ROW + 1;
  for (const y of years) {
    const c = yearColumns.find((x) => x.label === y.label) as ForecastColumn;
    put({ row, col: c.col, role: "text", style: y.missing.length ? "muted" : undefined, value: y.missing.length ? `needs ${y.missing.join(", ")}` : "4 quarters" });
  }
  put({ row, col: LABEL, role: "text", style: "muted", value: "Full year" });
  row += 2;

  // Rows first (so every formula knows where its inputs are), then cells column by column, left to right.
  const heading = (text: string) => put({ row: row++, col: LABEL, role: "text", style: "heading", value: text });
  heading("Drivers (type over the yellow cells of the estimated quarters)");
  const driverRow = new Map(DRIVERS.map((d) => [d.key, row++]));
  row++;
  heading("Statement of comprehensive loss");
  const lineRow = new Map<string, number>(STATEMENT_LINES.map((l) => [l.id, row++]));
  row++;
  heading("Reconciliations of GAAP and non-GAAP results");
  for (const l of BRIDGE_LINES) lineRow.set(l.id, row++);
  row++;
  heading("Margins");
  for (const l of MARGIN_LINES) lineRow.set(l.id, row++);
  row++;
  heading("Growth and change");
  const growthRow = new Map(GROWTH_ROWS.map((g) => [growthKey(g), row++]));
  const lines = [...STATEMENT_LINES, ...BRIDGE_LINES, ...MARGIN_LINES];

  for (const d of DRIVERS) {
    put({ row: driverRow.get(d.key)!, col: LABEL, role: "text", value: d.label });
    put({ row: driverRow.get(d.key)!, col: KEY, role: "text", style: "code", value: d.key });
  }
  for (const l of lines) {
    const metric = engine.metric(l.id);
    put({ row: lineRow.get(l.id)!, col: LABEL, role: "text", style: l.total ? "total" : undefined, value: forecastLabel(metric.label, l.id) });
    put({ row: lineRow.get(l.id)!, col: KEY, role: "text", style: "code", value: l.id });
  }
  for (const g of GROWTH_ROWS) {
    put({ row: growthRow.get(growthKey(g))!, col: LABEL, role: "text", value: growthLabel(engine.metric(g.id).label, g) });
    put({ row: growthRow.get(growthKey(g))!, col: KEY, role: "text", style: "code", value: growthKey(g) });
  }

  const formulaCell = (r: number, c: ForecastColumn, f: F, unit: Unit | "growth", extra: Partial<LayoutCell> = {}) => {
    const numFmt = unit === "growth" ? numberFormat("ratio") : numberFormat(unit);
    const result = Number.isFinite(f.value) ? f.value : undefined;
    put({ row: r, col: c.col, role: "computed", formula: f.text, result, numFmt, period: c.period ?? undefined, ...extra });
    return { address: cellAddress(r, c.col), value: f.value };
  };

  quarterColumns.forEach((c) => {
    const previousColumn = c.period ? byPeriod.get(shiftPeriod(c.period, -1)) : undefined;
    const column: Column = {
      line: (id) => read(id, c),
      driver: (k) => read(`driver:${k}`, c),
      previous: (id) => read(id, previousColumn),
    };
    if (c.kind === "reported") {
      for (const l of lines) {
        const h = home(l.id, c.period as PeriodKey);
        if (!h) throw new Error(`forecast: ${l.id} has no cell for ${c.period}`);
        const value = toNumber(engine.exact(l.id, c.period as PeriodKey));
        const f = leaf(qualified(h, name), value);
        at.set(key(l.id, c.label), formulaCell(lineRow.get(l.id)!, c, f, l.unit, { role: "reference", metric: l.id }));
      }
      for (const d of DRIVERS) {
        const f = d.implied(column, previousColumn !== undefined);
        if (f) at.set(key(`driver:${d.key}`, c.label), formulaCell(driverRow.get(d.key)!, c, f, d.unit, { style: "muted" }));
      }
    } else {
      const latestColumn = quarterColumns[reported.length - 1];
      for (const d of DRIVERS) {
        // The default: the latest reported quarter's own figure (zero for growth), as a value the user types over.
        const implied = d.key.endsWith("Growth") ? 0 : (at.get(key(`driver:${d.key}`, latestColumn.label)) as { value: number }).value;
        const r = driverRow.get(d.key)!;
        put({ row: r, col: c.col, role: "input", value: implied, numFmt: numberFormat(d.unit), style: "input", period: c.period ?? undefined, note: `Driver for ${c.label}; default: ${latest}'s own figure${d.key.endsWith("Growth") ? " (zero growth)" : ""}.` });
        at.set(key(`driver:${d.key}`, c.label), { address: cellAddress(r, c.col), value: implied });
      }
      for (const l of lines) at.set(key(l.id, c.label), formulaCell(lineRow.get(l.id)!, c, l.estimate(column), l.unit, { metric: l.id }));
    }
    for (const g of GROWTH_ROWS) {
      const base = c.period ? byPeriod.get(shiftPeriod(c.period, -g.quarters)) : undefined;
      if (!base) continue;
      const now = read(g.id, c);
      const then = read(g.id, base);
      const f = g.kind === "change" ? minus(now, then) : growthFormula(now, then);
      formulaCell(growthRow.get(growthKey(g))!, c, f, "growth");
    }
  });

  for (const y of years) {
    const c = yearColumns.find((x) => x.label === y.label) as ForecastColumn;
    if (y.missing.length) continue;
    const quartersOf = y.quarters.map((p) => byPeriod.get(p) as ForecastColumn);
    const range = (id: string): F => {
      const first = read(id, quartersOf[0]);
      const last = read(id, quartersOf[3]);
      const value = quartersOf.reduce((s, q) => s + read(id, q).value, 0);
      return { text: `SUM(${first.text}:${last.text})`, value, compound: false };
    };
    const average = (id: string): F => {
      const r = range(id);
      return { text: `AVERAGE(${r.text.slice(4, -1)})`, value: r.value / 4, compound: false };
    };
    const yearLine = (id: string) => read(id, c);
    for (const l of lines) {
      let f: F;
      if (l.year === "sum") f = range(l.id);
      else if (l.year === "average") f = average(l.id);
      else if (l.year === "perShare") f = over(times(yearLine("NetLossAttributableToShareholders"), num(1000)), yearLine("WeightedAverageShares"));
      else if (l.year === "perADS") f = times(yearLine("NetLossPerShare"), num(ORDINARY_SHARES_PER_ADS));
      else f = over(yearLine(l.year.ratio[0]), yearLine(l.year.ratio[1]));
      at.set(key(l.id, c.label), formulaCell(lineRow.get(l.id)!, c, f, l.unit, { metric: l.id }));
    }
  }

  // Chart data: the quarters down; revenues reported and estimated in two series (told apart), and the margin.
  row += 2;
  put({ row: row++, col: LABEL, role: "text", style: "heading", value: "Chart data: total revenues (reported, estimated) and Adjusted EBITDA margin" });
  const dataTop = row;
  ["Quarter", "Total revenues (reported)", "Total revenues (estimated)", "Adjusted EBITDA margin"].forEach((h, i) => put({ row, col: LABEL + i, role: "header", style: "header", value: h }));
  row++;
  for (const c of quarterColumns) {
    put({ row, col: LABEL, role: "text", value: c.label });
    const revenue = read("TotalRevenues", c);
    formulaCell(row, { ...c, col: c.kind === "reported" ? LABEL + 1 : LABEL + 2 }, revenue, "amount");
    formulaCell(row, { ...c, col: LABEL + 3 }, read("AdjustedEBITDAMargin", c), "ratio");
    row++;
  }

  const record = (ids: Iterable<string>, prefix = "") =>
    Object.fromEntries([...ids].map((id) => [id, Object.fromEntries(columns.flatMap((c) => (at.has(key(prefix + id, c.label)) ? [[c.label, at.get(key(prefix + id, c.label))!.address]] : [])))]));
  const growthCells: Record<string, Record<string, string>> = {};
  for (const g of GROWTH_ROWS) {
    const r = growthRow.get(growthKey(g))!;
    growthCells[growthKey(g)] = Object.fromEntries(cells.filter((x) => x.row === r && x.col >= FIRST).map((x) => [columns.find((c) => c.col === x.col)!.label, x.address]));
  }
  const widths = [58, 36, ...columns.map(() => 14)];
  return {
    sheet: { name, widths, freeze: { rows: HEADER_ROW, cols: KEY }, cells },
    forecast: {
      sheet: name,
      columns,
      years,
      drivers: record(DRIVERS.map((d) => d.key), "driver:"),
      lines: record(lines.map((l) => l.id)),
      growth: growthCells,
    },
    // Reported and estimated revenues are two column series (one of them empty in each quarter), so they are told apart.
    chart: comboChart(name, "Total revenues, reported and estimated (RMB thousands), and Adjusted EBITDA margin", { row: dataTop, col: LABEL, rows: row - dataTop, cols: 4 }, [2], 6),
  };
}

/** growth = now / then - 1, "n.m." from zero or across a change of sign, as KC.GROWTH says (#N/A there). */
function growthFormula(now: F, then: F): F {
  const meaningful = then.value !== 0 && (now.value === 0 || Math.sign(now.value) === Math.sign(then.value));
  const value = meaningful ? now.value / then.value - 1 : NaN;
  return { text: `IF(OR(${then.text}=0,${now.text}*${then.text}<0),"n.m.",${now.text}/${then.text}-1)`, value, compound: false };
}

const growthKey = (g: { id: string; quarters: number; kind: string }) => `${g.id} ${g.kind === "change" ? "change " : ""}${g.quarters === 1 ? "QoQ" : "YoY"}`;

function growthLabel(label: string, g: { quarters: number; kind: string }): string {
  const name = forecastLabel(label, "");
  return g.kind === "change" ? `${name}, change ${g.quarters === 1 ? "quarter on quarter" : "year on year"} (points)` : `${name}, growth ${g.quarters === 1 ? "quarter on quarter" : "year on year"}`;
}

/** A label that reads alone on the forecast sheet: the statements' label without its dash and decorations. */
function forecastLabel(label: string, id: string): string {
  if (id === "NetLossPerShare") return "Net loss per share, basic and diluted";
  if (id === "WeightedAverageShares") return "Shares used in the net loss per share computation, basic and diluted";
  return label.replace(/^[–-]\s*/, "").replace(/\s*\(Non-GAAP Financial Measure\)\s*$/, "");
}
