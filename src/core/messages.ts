/**
 * Every message KC shows a user, each under a stable key, its wording in one place. Tests assert messages by key.
 *
 * Call messages (MESSAGES) become a KcError: `invalidValue` (the input is wrong: Excel #VALUE!) or `notAvailable`
 * (well formed, but the filing has no such figure: #N/A). Each says what to type instead.
 * Import messages (IMPORT_MESSAGES) become an ImportError that names the filing's line.
 * Workbook messages (WORKBOOK_MESSAGES) are what the task pane says when a write is refused.
 */

import { MAX_OVERRIDE_ROWS, MAX_PERIODS, MAX_PROBLEMS_LISTED } from "./limits";
import { quote } from "./text";

export type KcErrorKind = "invalidValue" | "notAvailable";

interface MessageSpec<A extends unknown[]> {
  kind: KcErrorKind;
  text: (...args: A) => string;
}

const invalid = <A extends unknown[]>(text: (...args: A) => string): MessageSpec<A> => ({ kind: "invalidValue", text });
const missing = <A extends unknown[]>(text: (...args: A) => string): MessageSpec<A> => ({ kind: "notAvailable", text });

export const PERIOD_FORMS = "Type a quarter such as 2026Q1, Q1 2026, 1Q26, 2026-03-31, or FQ0 (latest), FQ-1.";
const QUARTER_ENDS = "quarters end on Mar 31, Jun 30, Sep 30 and Dec 31";
const OVERRIDES_USAGE = `Overrides must be a two-column range of metric names and numbers, such as {"TotalRevenues",3000000;"CostOfRevenues",-2400000}.`;
/** What to type for each option, shown when it is not valid and when it is too long to read. */
export const OPTION_FORMS = {
  currency: `Type "RMB" (the default) or "USD".`,
  statementCurrency: `Type "RMB" (the default), "USD", or "printed" for the filing's own columns (RMB and US$ side by side).`,
  scale: `Type "thousands" (as printed), "units", "millions" or "billions".`,
  basis: `Type "YoY" (year over year, the default) or "QoQ" (quarter over quarter).`,
  search: `Type a word such as "ebitda".`,
} as const;

export const MESSAGES = {
  // Metric names
  metricNotText: invalid(() => `Metric must be text, such as "TotalRevenues" or "Adjusted EBITDA"; see =KC.METRICS() for the list.`),
  metricTooLong: invalid((max: number) => `Metric name is too long (more than ${max} characters). Type an id such as TotalRevenues.`),
  metricAmbiguous: invalid((typed: string, ids: string[]) => `'${typed}' names more than one metric. Type one of: ${ids.join(", ")}.`),
  metricUnknown: invalid((typed: string, suggestions: string[]) =>
    `Unknown metric '${typed}'. ${suggestions.length ? `Did you mean ${suggestions.join(" or ")}?` : "See =KC.METRICS() for the list of metrics."}`),

  // Periods
  periodMissing: invalid(() => `Period is missing. ${PERIOD_FORMS}`),
  periodZero: invalid(() => `Period is 0, which is what desktop Excel passes for an empty cell: fill in the period. ${PERIOD_FORMS}`),
  periodEmpty: invalid(() => `Period is empty. ${PERIOD_FORMS}`),
  periodRange: invalid(() => `Period must be a single cell or value, not a range or array. ${PERIOD_FORMS}`),
  periodInvalid: invalid((typed: string) => `Period '${typed}' is not valid. ${PERIOD_FORMS}`),
  periodYear: invalid((typed: string, year: number) =>
    `Period '${typed}' is a full year: KC functions answer quarters. Add its quarters, ${year}Q1 to ${year}Q4 (one KC.METRIC each), or see the FY${year} column of the Forecast sheet (Build forecast).`),
  periodTooLong: invalid((typed: string, max: number) => `Period '${typed}' is not valid (longer than ${max} characters). ${PERIOD_FORMS}`),
  periodNotQuarterEnd: invalid((typed: string, iso: string) => `Period '${typed}' is not valid: ${iso} is not a quarter-end date (${QUARTER_ENDS}). ${PERIOD_FORMS}`),
  periodSerialNotQuarterEnd: invalid((serial: string, iso: string) =>
    `Period '${serial}' (Excel date ${iso}) is not valid: ${iso} is not a quarter-end date (${QUARTER_ENDS}). ${PERIOD_FORMS}`),
  periodSerialOtherSystem: invalid((serial: string, iso: string, system: number, other: number, otherIso: string, key: string) =>
    `Period '${serial}' (Excel date ${iso} in the ${system} date system) is not valid: ${iso} is not a quarter-end date (${QUARTER_ENDS}). ` +
      `In the ${other} date system, which this workbook may use (File > Options > Advanced), it is ${otherIso}, the end of ${key}: if so, type the period as text, such as "${key}". ${PERIOD_FORMS}`),
  periodBefore: invalid((typed: string, minYear: number) => `Period '${typed}' is not valid: it reaches before ${minYear}. ${PERIOD_FORMS}`),
  periodYearQuarter: invalid((year: number, quarter: number) => `Period year ${year}, quarter ${quarter} is not valid: the year must be 1900-9999 and the quarter 1-4.`),
  periodNotKey: invalid((typed: string) => `'${typed}' is not a period key such as 2026Q1.`),
  periodLatestNotKey: invalid((typed: string) => `The latest period '${typed}' is not a period key such as 2026Q1.`),
  periodShiftNotWhole: invalid((quarters: number) => `Cannot shift a period by ${quarters} quarters: use a whole number.`),
  periodShiftOutside: invalid((key: string, quarters: number) => `${key} shifted by ${quarters} quarters falls outside the years 1900-9999.`),
  periodNotCovered: missing((id: string, period: string, available: string) => `The filing has no ${id} for ${period}. Periods it has for ${id}: ${available}.`),
  periodsTooMany: invalid((rows: number) =>
    `Periods range refused: it has more than ${MAX_PERIODS} periods in its ${rows} rows in use (blank rows after the last period are not read). Give at most ${MAX_PERIODS} periods.`),
  statementNoPeriod: missing((statement: string, period: string, available: string) => `The ${statement} has no ${period}. Its periods: ${available}.`),

  // Options
  currencyInvalid: invalid((typed: string) => `Currency '${typed}' is not available. ${OPTION_FORMS.currency}`),
  statementCurrencyInvalid: invalid((typed: string) => `Currency '${typed}' is not available. ${OPTION_FORMS.statementCurrency}`),
  scaleInvalid: invalid((typed: string) => `Scale '${typed}' is not valid. ${OPTION_FORMS.scale}`),
  basisInvalid: invalid((typed: string) => `Growth basis '${typed}' is not valid. ${OPTION_FORMS.basis}`),
  textTooLong: invalid((what: string, max: number, forms: string) => `${what} is too long (more than ${max} characters). ${forms}`),
  statementInvalid: invalid((typed: string, allowed: string) => `Statement '${typed}' is not valid. Type ${allowed} (or a full name such as "balance sheet").`),
  searchNotText: invalid(() => `Search must be text, such as "ebitda".`),
  searchNoMatch: missing((typed: string) => `No metric matches '${typed}'. Try a shorter search, or =KC.METRICS() for all.`),

  // Overrides
  overridesShape: invalid(() => OVERRIDES_USAGE),
  overridesTooManyRows: invalid((rows: number) =>
    `Overrides range refused: it has ${rows} rows, more than the ${MAX_OVERRIDE_ROWS} an overrides range may have (a scenario needs a few). Select only the rows of your scenario. ${OVERRIDES_USAGE}`),
  overrideRow: invalid((row: number, problem: string) => `Overrides row ${row}: ${problem}`),
  overrideValueBlank: invalid((row: number, id: string) =>
    `Overrides row ${row}: ${id} has no value. Type its value, or clear the metric cell to remove the override (desktop Excel reads a cleared value cell as 0, an override of 0).`),
  overrideNameNotText: invalid((row: number, typed: string) => `Overrides row ${row}: the metric must be a name such as TotalRevenues, not ${typed}.`),
  overrideNotNumber: invalid((id: string, row: number, typed: string) => `Override for ${id} (row ${row}) must be a number, not '${typed}'.`),
  overrideTwice: invalid((id: string, row: number) => `${id} is overridden twice (row ${row}). Keep one row per metric.`),
  overrideProse: invalid((row: number, id: string) =>
    `Overrides row ${row}: ${id} is stated only in the release's text, not in its statements: nothing in the statement model is computed from it. Override a statement figure instead.`),
  overrideComputed: invalid((row: number, id: string, formula: string, inputs: string[]) =>
    `Overrides row ${row}: ${id} is ${formula}, always computed from amounts: override ${inputs.join(" or ")} (or what they are computed from) instead.`),
  overrideConflict: invalid((row: number, id: string, relation: string, other: string, otherRow: number) =>
    `Overrides row ${row}: ${id} ${relation} ${other} (row ${otherRow}): override one of them.`),
  overrideNegative: invalid((row: number, id: string, typed: number) => `Overrides row ${row}: ${id} is never negative as presented: type ${typed}.`),
  overridePositive: invalid((row: number, id: string, typed: number) => `Overrides row ${row}: costs are negative as presented (${id}): type ${typed}.`),
  overrideNotPositive: invalid((row: number, id: string, example: string) => `Overrides row ${row}: ${id} must be above zero, such as ${example}.`),

  // Results
  marginNotSameKind: invalid((id: string, unit: string, baseId: string, baseUnit: string) =>
    `KC.MARGIN divides two amounts of the same kind; ${id} (${unit}) by ${baseId} (${baseUnit}) is not a margin. Try KC.METRIC("${id}", ...).`),
  marginBaseZero: missing((baseId: string, period: string) => `${baseId} is zero for ${period}: no margin.`),
  growthNoBase: missing((id: string, basis: string, period: string, base: string, available: string) =>
    `${id} ${basis} growth for ${period} needs ${base}, which the filing does not have. Periods it has for ${id}: ${available}.`),
  growthBaseZero: missing((id: string, base: string) => `${id} is zero in ${base}: a growth rate from zero is not meaningful. KC.CHANGE gives the change.`),
  growthAcrossSign: missing((id: string, base: string, period: string) =>
    `${id} changes sign from ${base} to ${period}: a growth rate across a change of sign is not meaningful. KC.CHANGE gives the change.`),
  growthOfRatio: invalid((id: string) =>
    `${id} is a ratio: its growth rate would be a relative change of a percentage. Use KC.CHANGE("${id}", ...) for the change in percentage points.`),
  marginMixedKinds: invalid((id: string, kind: string, baseId: string, baseKind: string) =>
    `KC.MARGIN divides two flows of a quarter or two balance-sheet positions; ${id} (${kind === "instant" ? "a position at the quarter's end" : "a flow over the quarter"}) by ${baseId} (${baseKind === "instant" ? "a position" : "a flow"}) is not a margin. Divide by a figure of the same kind, such as ${kind === "instant" ? "TotalAssets" : "TotalRevenues"}.`),
  reportedInRmbOnly: missing((id: string, period: string) =>
    `The filing prints ${id} for ${period} in RMB only. KC.METRIC("${id}","${period}","USD") translates it at the release's rate.`),
  reportedNotPrinted: missing((id: string, period: string, formula: string | null) =>
    `The filing does not print ${id} for ${period}${formula ? `; it is computed as ${formula}. Use KC.METRIC` : ""}.`),
  divideByZero: missing((id: string, period: string) => `${id} for ${period} cannot be computed: it divides by zero.`),
  beyondExcelRange: missing(() => "The result is beyond the range of an Excel number; check the overrides."),
  unexpected: invalid(() => "KC could not compute this call. Check the arguments with KC.METRICS() and KC.PERIODS()."),
} as const;

export type MessageKey = keyof typeof MESSAGES;
type ArgsOf<K extends MessageKey> = Parameters<(typeof MESSAGES)[K]["text"]>;

/** A failed KC call: its kind (the Excel error it shows), the message's key, and the message. */
export class KcError extends Error {
  readonly kind: KcErrorKind;
  readonly key: MessageKey;

  constructor(key: MessageKey, message: string) {
    super(message);
    this.name = "KcError";
    this.key = key;
    this.kind = MESSAGES[key].kind;
  }
}

/** The KcError for a message key and its arguments. */
export function kcError<K extends MessageKey>(key: K, ...args: ArgsOf<K>): KcError {
  const text = MESSAGES[key].text as (...a: ArgsOf<K>) => string;
  return new KcError(key, text(...args));
}

export function isKcError(error: unknown): error is KcError {
  return error instanceof KcError;
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export const IMPORT_MESSAGES = {
  noRate: () => `the release states no RMB/US$ convenience rate ("RMB6.8980 to US$1.00")`,
  rowTwoMetrics: (label: string, ids: string[]) => `the row '${label}' matches ${ids.join(" and ")}`,
  noHeader: (title: string, line: number) => `table '${title}' (line ${line}) has no header row with its periods`,
  emptyRow: () => "empty row inside a table",
  rowNoLabel: () => "a row of figures has no label",
  noRows: (title: string) => `table '${title}' has no rows of figures`,
  tooManyFigures: (label: string, figures: number, columns: number) => `row '${label}' has ${figures} figures but the header has ${columns} columns`,
  tooFewFigures: (label: string, figures: number, columns: number, header: string) =>
    `row '${label}' has ${figures} figures but the header has ${columns} columns (nothing under '${header}')`,
  notANumber: (label: string, header: string, text: string) => `row '${label}', column '${header}': '${text}' is not a number`,
  tooManyDigits: (label: string, header: string, text: string, max: number) =>
    `row '${label}', column '${header}': '${text}' has more than ${max} significant digits, more than Excel holds (no release prints such a figure)`,
  missingStatement: (kind: string, example: string) => `the release has no ${kind} table (no title such as "${example}" before a table)`,
  periodsDisagree: (title: string, own: string, agreed: string) =>
    `table '${title}' has columns for ${own}, but the release's statements cover ${agreed}: check the dates in its header`,
  proseAfterQuarter: (id: string, text: string, period: string, current: string) => `${id} (${text}) is for ${period}, after the release's quarter ${current}`,
  proseStatedTwice: (id: string, text: string, earlier: string, line: number) => `${id} is stated as ${text} here but as ${earlier} on line ${line}`,
  proseNotYearBefore: (year: string, current: string) => `"the same quarter of ${year}" is not a year before ${current}`,
  proseNotQuarterEnd: (date: string) => `'${date}' is not the end of a calendar quarter`,
  columnNoCurrency: (header: string) => `column '${header}' has no currency heading (RMB or US$), though the table's other columns have one`,
  columnsOutOfOrder: (headers: string[]) => `the columns ${headers.map((h) => `'${h}'`).join(", ")} are not in time order: check the table header`,
  columnNoHeading: (index: number) => `column ${index} of the table header has no heading`,
  columnPartYear: (header: string, length: string) =>
    `column '${header}' is over ${length}: KC reads "Three Months Ended" columns (quarters) and, beside a fourth quarter's, "Year Ended" or "Twelve Months Ended" columns (fiscal years ending Dec 31); not ${length}`,
  columnNoDate: (header: string) => `column '${header}' has no date such as "Mar 31, 2026"`,
  columnNotQuarterEnd: (header: string, date: string) => `column '${header}': ${date} is not the end of a calendar quarter`,
  columnUnknownCurrency: (header: string, heading: string) => `column '${header}' has an unknown currency heading '${heading}' (expected RMB or US$)`,
  columnDuplicated: (earlier: string, header: string) => `duplicated period: '${earlier}' and '${header}' are the same column`,
  yearColumnNoDate: (header: string) => `year column '${header}' has no date such as "Dec 31, 2025" (the day its year ends)`,
  yearColumnNotDecember: (header: string, date: string) =>
    `year column '${header}' ends on ${date}: KC reads fiscal years that end on Dec 31 (the calendar year, as Kingsoft Cloud's do)`,
  yearColumnNotEnded: (header: string, latest: string) => `year column '${header}' is for a year that has not ended by the release's quarter ${latest}`,
  columnsOnlyYears: (title: string) => `table '${title}' prints year columns but no quarter: a results release prints its quarters, and a year only beside them`,
  headingsNotPlaced: (headings: string[], columns: number) =>
    `the headings ${headings.map((h) => `'${h}'`).join(", ")} stand over ${columns} columns, and the columns' dates do not show which columns each heads (each heading's in time order): check the table header, or read the exhibit file (.htm) itself`,

  // Limits: checked before the text is parsed
  releaseTooLarge: (max: string) => `the release is larger than ${max}, the most KC reads (a results release is a few dozen KB): nothing was imported`,
  tooManyHeaderLines: (title: string, max: number) => `table '${title}' has a header of more than ${max} lines (its periods and currencies take a few): check the lines before its first row`,
  tooManyColumns: (columns: number, max: number) => `the table header has ${columns} columns; a results release prints at most ${max}`,
  tooManyTables: (max: number) => `a table beyond the first ${max}: a results release prints about ten`,
  tooManyCells: (cells: number, max: number) =>
    `a table row of ${cells} cells; a results release's rows have at most ${max} (its columns of figures and the spacers between them)`,

  // The EDGAR exhibit (HTML) and text copied from a browser
  headingOverNoFigures: (heading: string, columns: number) =>
    `the heading '${heading}' stands over none of the table's ${columns} columns of figures: check the table's header`,
  nestedTable: (line: number) => `a table inside a table (the outer one opens on line ${line}): a results release's tables are never nested`,
  tableNotClosed: () => "this table is never closed (no </table> before the end of the file): the file is cut short or is not a filed exhibit",
  tooDeep: (max: number) => `elements nested more than ${max} deep (a filed exhibit nests a few dozen: tables, rows, cells, paragraphs and their wrappers): the file is not a filed exhibit`,
  activeContent: (tag: string) => `the file carries <${tag}>, which a filed EDGAR exhibit never does (EDGAR accepts no active content): nothing was read`,

  // What the release is
  sameQuarterTwice: (release: string, earlier: string, later: string) =>
    `the ${release} is there twice ('${earlier}' and '${later}'): keep one (remove the other first)`,
  notResultsRelease: (example: string) =>
    `this is not a results release: no headline such as "${example}". KC reads Kingsoft Cloud's quarterly results releases, whole (copy the exhibit from its headline to its last table)`,
  otherCompany: (issuer: string, headline: string) =>
    `this is ${issuer}'s release ("${headline}"), not Kingsoft Cloud's: KC reads Kingsoft Cloud's results releases only`,

  // Tie-outs and the release's own form, run on every import: a release with any of these is refused
  untied: (identity: string, period: string, printed: string, recomputed: string, lines: string) =>
    `${identity} does not tie for ${period}: printed ${printed}, recomputed ${recomputed}${lines ? ` from lines ${lines}` : ""}`,
  printedTwice: (statement: string, first: number, second: number) => `the ${statement} is printed twice (lines ${first} and ${second})`,
  notReleaseFormat: (label: string, header: string, text: string, how: string) =>
    `row '${label}', column '${header}': '${text}' is not in the release's number format (it prints ${how})`,
  alikeInBoth: (line: number, release: string, otherLine: number, otherRelease: string) =>
    `alike in both releases (line ${line} of the ${release}, line ${otherLine} of the ${otherRelease})`,
  restated: (period: string, id: string, later: string, laterRelease: string, laterLine: number, earlier: string, earlierRelease: string, earlierLine: number) =>
    `restated: ${period} ${id}: ${later} in the ${laterRelease} (line ${laterLine}), ${earlier} in the ${earlierRelease} (line ${earlierLine}); KC uses the ${laterRelease}'s figure`,
  incomplete: (warning: string) => `the release and the catalog disagree: ${warning}`,
  roundsToPrinted: (decimals: number) => `to the printed rounding (${decimals} decimals)`,
  differsBy: (difference: string) => `differs by ${difference}`,

  // Year columns (a fourth quarter's release) against the year's quarters
  yearNeedsQuarters: (year: string, missing: string[]) => `${year}: needs ${missing.join(", ")} to check the year column (add the releases that print them)`,
  yearQuarterNotPrinted: (year: string, id: string, quarters: string[]) => `${year} ${id}: no release prints ${id} for ${quarters.join(", ")}, so the year column is not checked against its quarters`,
  yearIsSum: (quarters: string[], releases: string[]) => `the sum of ${quarters.join(" + ")} (from the ${releases.join(" and the ")})`,
  yearIsOpening: (quarter: string) => `the year opens where ${quarter} opens`,
  yearIsClosing: (quarter: string) => `the year closes where ${quarter} closes`,
  yearTiesAsPrinted: (release: string, restated: string[]) =>
    `ties to the quarters as the ${release} and the releases before it printed them; ${restated.join(", ")} restated since (KC uses the later figures)`,
  yearNotSum: (difference: string, what: string) => `differs by ${difference}: the year column is not ${what}`,
  yearColumnsRead: (years: string[]) =>
    `${years.join(", ")} read and checked: each ties out like a quarter, and against the sum of its quarters where the releases hold all four. They are not periods the KC functions answer: the functions model quarters, and a year is the sum of its quarters`,
  refused: (count: number, listed: number) =>
    `${count === 1 ? "1 problem" : `${count} problems`}${count > listed ? ` (the first ${listed} above)` : ""}: nothing was imported. ` +
    "`kc import --allow-untied` (or `npm run generate:data -- --allow-untied`) imports it anyway and records them, so that kc check and KC.CHECKS show them.",
} as const;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** Raised by the importer: the filing text is not in the expected format. Always names the 1-based line. */
export class ImportError extends Error {
  readonly line: number;
  readonly key: ImportMessageKey | null;

  constructor(line: number, problem: string, key: ImportMessageKey | null = null) {
    super(`line ${line}: ${problem}`);
    this.name = "ImportError";
    this.line = line;
    this.key = key;
  }
}

/** Longest excerpt an import message quotes (a label, a header, a cell; a tie-out's identity runs to 197 characters). */
const IMPORT_QUOTE_LENGTH = 240;
/** Most items of a list (headers, ids) an import message names. */
const IMPORT_LIST_LENGTH = 12;

/** A message argument as it may be shown: text quoted to a short excerpt, a list cut to its first items. */
function excerpt(arg: unknown): unknown {
  if (typeof arg === "string") return quote(arg, IMPORT_QUOTE_LENGTH);
  if (!Array.isArray(arg)) return arg;
  const shown = arg.slice(0, IMPORT_LIST_LENGTH).map((item) => quote(item, IMPORT_QUOTE_LENGTH));
  return arg.length > IMPORT_LIST_LENGTH ? [...shown, `${arg.length - IMPORT_LIST_LENGTH} more`] : shown;
}

/** The text of an import message, every argument cut to a short excerpt (a 10 MB cell is quoted by its start). */
export function importMessage<K extends ImportMessageKey>(key: K, ...args: Parameters<(typeof IMPORT_MESSAGES)[K]>): string {
  const text = IMPORT_MESSAGES[key] as (...a: unknown[]) => string;
  return text(...args.map(excerpt));
}

/** One problem of a release, at its line. */
export interface ReleaseProblem {
  line: number;
  problem: string;
}

/**
 * A release refused for its tie-outs or its form: every problem, each on its own "line N: ..." line (the first
 * MAX_PROBLEMS_LISTED of them), then how many there are and what to do.
 */
export class ReleaseRefused extends ImportError {
  readonly problems: readonly ReleaseProblem[];

  constructor(problems: readonly ReleaseProblem[]) {
    const [first, ...rest] = problems.slice(0, MAX_PROBLEMS_LISTED);
    const text = [first.problem, ...rest.map(problemLine), importMessage("refused", problems.length, MAX_PROBLEMS_LISTED)].join("\n");
    super(first.line, text, "refused");
    this.name = "ReleaseRefused";
    this.problems = problems;
  }
}

export const problemLine = (p: ReleaseProblem): string => `line ${p.line}: ${p.problem}`;

/** The ImportError for a message key, at a line. */
export function importError<K extends ImportMessageKey>(line: number, key: K, ...args: Parameters<(typeof IMPORT_MESSAGES)[K]>): ImportError {
  return new ImportError(line, importMessage(key, ...args), key);
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook writes (task pane and preview)

export const WORKBOOK_MESSAGES = {
  noExcel: () => "There is no workbook here: open the task pane in Excel, or use the preview page (preview.html in a development build).",
  doesNotFit: (rows: number, cols: number, from: string, fitRows: number, fitCols: number) =>
    `The table needs ${rows} rows x ${cols} columns, but from ${from} the sheet has room for ${fitRows} x ${fitCols}: nothing was written. Select a cell higher up or further left, or write to a new sheet.`,
  notRectangular: () => "Write a non-empty rectangular block.",
  badSheetName: (name: string) => `'${name}' cannot be a sheet name (at most 31 characters, none of [ ] : * ? / \\): nothing was written.`,
  formatsShape: () => "Number formats must have the shape of the cells they format.",
  nothingInUse: (address: string) => `Nothing is in use in ${address}: select the cells to work on.`,
  sheetTaken: (name: string) => `A sheet named '${name}' already exists: nothing was written. Rename or delete it, or try again (the task pane picks a free name).`,
  sheetProtected: (name: string) => `The sheet '${name}' is protected: nothing was written. Unprotect it (Review > Unprotect Sheet), or write to a new sheet.`,
  noSheet: (name: string) => `No sheet named '${name}'.`,
  refused: (why: string, undone: boolean, targets: string) =>
    `${why} ${undone ? "Nothing was changed." : `Excel also refused to undo the part it had written: check ${targets}.`}`,
  protectedOrReadOnly: (reason: string) => `Excel refused the change: the sheet or workbook is protected or read-only (${reason}).`,
  cellEditMode: () => "Excel is editing a cell: press Enter or Esc in the sheet, then try again.",
  itemExists: (reason: string) => `A sheet with that name already exists (${reason}).`,
  excelRefused: (reason: string) => `Excel refused the change: ${reason}.`,
  changedSinceRead: (cell: string) => `${cell} changed while the task pane was working: nothing was written. Check it and try again.`,
  busy: () => "Another action is still running: wait for it to finish, then try again.",
  needsRequirementSet: (feature: string, set: string, hosts: string) =>
    `${feature} needs the Excel API ${set}, which this version of Excel lacks (${hosts} have it). Update Excel to use it; the rest of KC works here.`,
  // Releases stored in the workbook (the Releases tab)
  releaseQuarterThere: (release: string, name: string) => `The ${release} is already in this workbook ('${name}'): remove it first to put this one in its place.`,
  releaseCarried: (release: string) => `The ${release} is the one KC carries: it is always there.`,
  tooManyReleases: (max: number) => `This workbook already holds ${max} releases, the most KC stores in one: remove one first.`,
  releasesTooLarge: (max: string) => `With this release the workbook would store more than ${max} of releases, the most KC stores in one: remove one first.`,
  releaseStoredUnreadable: (name: string, problem: string) => `The release '${name}' stored in this workbook does not import any more (${problem}): it is left out. Remove it, or add it again.`,
  notRecalculated: (done: string, reason: string) => `${done} But Excel did not recalculate (${reason}): press Ctrl+Alt+F9 to recalculate every formula.`,
  functionsWithoutMessages: (set: string, hosts: string) =>
    `This version of Excel lacks ${set}: a KC function that cannot compute shows #VALUE! without saying why. Find a metric here to check its name and periods, or update Excel (${hosts} show the message).`,
} as const;

export type WorkbookMessageKey = keyof typeof WORKBOOK_MESSAGES;
