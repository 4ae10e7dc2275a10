/**
 * The core's one door. Adapters (src/functions, src/taskpane, src/export, src/cli, src/dev) import from here only, never
 * a module inside src/core (eslint's no-restricted-imports enforces it). Everything behind it is pure: no Office, no
 * DOM, no state in a module. State lives in an Engine, which each entry point creates.
 */
export { createEngine, Engine } from "./engine";
export type { EngineOptions, Outcome, ReleaseSummary, StatementRow, ValueOptions } from "./engine";
export type { Cell, Matrix } from "./excel";
export type { ExcelArg, Basis } from "./args";
export { BASIS_QUARTERS, MAX_OVERRIDE_ROWS, MAX_PERIODS } from "./args";
export * as LIMITS from "./limits";

// The catalog's facts
export { IDENTITIES, METRICS, ORDINARY_SHARES_PER_ADS, STATEMENTS, TABLE_STATEMENTS, UNITS, formatNumber, formatValue, numberFormat, statementByName, unitLabel, unitOfFormat } from "./catalog";
export type { MetricSpec, Scale, SignConvention, StatementFacts, StatementId, Unit, UnitFacts } from "./catalog";

// The data
export type { Column, Currency, Dataset, NarrativeFigure, PeriodKind, PrintedCell, StatementKind, Table, TableRow } from "./dataset";
export type { Metric, Overrides, PrintedFigure, Provenance } from "./model";
export type { Check, CheckRow, CheckStatus } from "./checks";
export { statusText } from "./checks";
export type { SourceLine, SourceTable, SourceTexts, SourceView } from "./source-view";
export { importFiling, RELEASE_LIMIT_TEXT } from "./importer";
export type { ImportOptions } from "./importer";
export type { ReleaseFormat } from "./importer/document";
export { mergeReleases, releaseLabel, releasePeriods } from "./releases";
export { isFiscalYear, yearColumnsNote } from "./fiscal-years";
export { stripMarkup } from "./importer/markup";

// Periods and values
export type { DateSystem, PeriodKey } from "./periods";
export { comparePeriods, describeAvailable, quarterEndDate, shiftPeriod } from "./periods";
export { toNumber } from "./scale";
export type { Dec } from "./decimal";

// The statement model's formula language (for writers that translate a metric's formula into cell formulas)
export type { Expr } from "./formula";
export { parseFormula, references } from "./formula";

// Messages
export { IMPORT_MESSAGES, ImportError, KcError, MESSAGES, ReleaseRefused, WORKBOOK_MESSAGES, importError, isKcError, kcError } from "./messages";
export type { ImportMessageKey, KcErrorKind, MessageKey, WorkbookMessageKey } from "./messages";
export { quote } from "./text";
export { escapeXml, unescapeXml } from "./xml-text";

// Sheet addresses and KC formula text
export * from "./sheet-address";
export * from "./kc-formula";
