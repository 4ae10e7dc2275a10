/**
 * Every message KC shows a user, each under a stable key, its wording in one place. Tests assert messages by key.
 *
 * Call messages (MESSAGES) become a KcError: `invalidValue` (the input is wrong: Excel #VALUE!) or `notAvailable`
 * (well formed, but the filing has no such figure: #N/A). Each says what to type instead.
 * Import messages (IMPORT_MESSAGES) become an ImportError that names the filing's line.
 * Workbook messages (WORKBOOK_MESSAGES) are what the task pane says when a write is refused.
 */

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

export const MESSAGES = {
  // Metric names
  metricNotText: invalid(() => `Metric must be text, such as "TotalRevenues" or "Adjusted EBITDA"; see =KC.METRICS() for the list.`),
  metricTooLong: invalid((length: number) => `Metric name is too long (${length} characters). Type an id such as TotalRevenues.`),
  metricAmbiguous: invalid((typed: string, ids: string[]) => `'${typed}' names more than one metric. Type one of: ${ids.join(", ")}.`),
  metricUnknown: invalid((typed: string, suggestions: string[]) =>
    `Unknown metric '${typed}'. ${suggestions.length ? `Did you mean ${suggestions.join(" or ")}?` : "See =KC.METRICS() for the list of metrics."}`),

  // Periods
  periodMissing: invalid(() => `Period is missing. ${PERIOD_FORMS}`),
  periodEmpty: invalid(() => `Period is empty. ${PERIOD_FORMS}`),
  periodRange: invalid(() => `Period must be a single cell or value, not a range or array. ${PERIOD_FORMS}`),
  periodInvalid: invalid((typed: string) => `Period '${typed}' is not valid. ${PERIOD_FORMS}`),
  periodTooLong: invalid((typed: string, max: number) => `Period '${typed}' is not valid (longer than ${max} characters). ${PERIOD_FORMS}`),
  periodNotQuarterEnd: invalid((typed: string, iso: string) => `Period '${typed}' is not valid: ${iso} is not a quarter-end date (${QUARTER_ENDS}). ${PERIOD_FORMS}`),
  periodSerialNotQuarterEnd: invalid((serial: string, iso: string) =>
    `Period '${serial}' (Excel date ${iso}) is not valid: ${iso} is not a quarter-end date (${QUARTER_ENDS}). ${PERIOD_FORMS}`),
  periodBefore: invalid((typed: string, minYear: number) => `Period '${typed}' is not valid: it reaches before ${minYear}. ${PERIOD_FORMS}`),
  periodYearQuarter: invalid((year: number, quarter: number) => `Period year ${year}, quarter ${quarter} is not valid: the year must be 1900-9999 and the quarter 1-4.`),
  periodNotKey: invalid((typed: string) => `'${typed}' is not a period key such as 2026Q1.`),
  periodLatestNotKey: invalid((typed: string) => `The latest period '${typed}' is not a period key such as 2026Q1.`),
  periodShiftNotWhole: invalid((quarters: number) => `Cannot shift a period by ${quarters} quarters: use a whole number.`),
  periodShiftOutside: invalid((key: string, quarters: number) => `${key} shifted by ${quarters} quarters falls outside the years 1900-9999.`),
  periodNotCovered: missing((id: string, period: string, available: string) => `The filing has no ${id} for ${period}. Periods it has for ${id}: ${available}.`),
  periodsTooMany: invalid(() => "Periods: give at most 100 periods."),
  statementNoPeriod: missing((statement: string, period: string, available: string) => `The ${statement} has no ${period}. Its periods: ${available}.`),

  // Options
  currencyInvalid: invalid((typed: string) => `Currency '${typed}' is not available. Type "RMB" (the default) or "USD".`),
  scaleInvalid: invalid((typed: string) => `Scale '${typed}' is not valid. Type "thousands" (as printed), "units", "millions" or "billions".`),
  basisInvalid: invalid((typed: string) => `Growth basis '${typed}' is not valid. Type "YoY" (year over year, the default) or "QoQ" (quarter over quarter).`),
  statementInvalid: invalid((typed: string, allowed: string) => `Statement '${typed}' is not valid. Type ${allowed} (or a full name such as "balance sheet").`),
  searchNotText: invalid(() => `Search must be text, such as "ebitda".`),
  searchNoMatch: missing((typed: string) => `No metric matches '${typed}'. Try a shorter search, or =KC.METRICS() for all.`),

  // Overrides
  overridesShape: invalid(() => OVERRIDES_USAGE),
  overridesTooManyRows: invalid((rows: number, max: number) => `Overrides have ${rows} rows; at most ${max} are read. ${OVERRIDES_USAGE}`),
  overrideNotNumber: invalid((id: string, row: number, typed: string) => `Override for ${id} (row ${row}) must be a number, not '${typed}'.`),
  overrideTwice: invalid((id: string, row: number) => `${id} is overridden twice (row ${row}). Keep one row per metric.`),

  // Results
  marginNotSameKind: invalid((id: string, unit: string, baseId: string, baseUnit: string) =>
    `KC.MARGIN divides two amounts of the same kind; ${id} (${unit}) by ${baseId} (${baseUnit}) is not a margin. Try KC.METRIC("${id}", ...).`),
  marginBaseZero: missing((baseId: string, period: string) => `${baseId} is zero for ${period}: no margin.`),
  growthNoBase: missing((id: string, basis: string, period: string, base: string, available: string) =>
    `${id} ${basis} growth for ${period} needs ${base}, which the filing does not have. Periods it has for ${id}: ${available}.`),
  growthBaseZero: missing((id: string, base: string) => `${id} is zero in ${base}: no growth rate.`),
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
  columnNotQuarter: (header: string) => `column '${header}' is not a quarter: only "Three Months Ended" columns are supported`,
  columnNoDate: (header: string) => `column '${header}' has no date such as "Mar 31, 2026"`,
  columnNotQuarterEnd: (header: string, date: string) => `column '${header}': ${date} is not the end of a calendar quarter`,
  columnUnknownCurrency: (header: string, heading: string) => `column '${header}' has an unknown currency heading '${heading}' (expected RMB or US$)`,
  columnDuplicated: (earlier: string, header: string) => `duplicated period: '${earlier}' and '${header}' are the same column`,
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

/** The ImportError for a message key, at a line. */
export function importError<K extends ImportMessageKey>(line: number, key: K, ...args: Parameters<(typeof IMPORT_MESSAGES)[K]>): ImportError {
  const text = IMPORT_MESSAGES[key] as (...a: Parameters<(typeof IMPORT_MESSAGES)[K]>) => string;
  return new ImportError(line, text(...args), key);
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
  functionsWithoutMessages: (set: string, hosts: string) =>
    `This version of Excel lacks ${set}: a KC function that cannot compute shows #VALUE! without saying why. Find a metric here to check its name and periods, or update Excel (${hosts} show the message).`,
} as const;

export type WorkbookMessageKey = keyof typeof WORKBOOK_MESSAGES;
