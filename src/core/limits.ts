/**
 * Every limit on what KC reads, in one place (the README's reliability section states them). Each is checked before
 * the input is parsed, looked up or cached, so no input, however large, makes a call or an import expensive.
 */

/** A results release: the Q1 2026 release is 27,694 bytes; anything past 2 MB is not one. */
export const MAX_RELEASE_BYTES = 2 * 1024 * 1024;
/** Columns of one table (a quarterly release prints four or five). */
export const MAX_TABLE_COLUMNS = 24;
/** Header lines of one table (its periods and currencies: this release's run to four). */
export const MAX_HEADER_LINES = 12;
/**
 * Cells of one table row of the EDGAR exhibit or of a browser's copy of it: its columns of figures and the spacer,
 * parenthesis and percent cells between them (a results release's widest row takes about 20).
 */
export const MAX_ROW_CELLS = 240;
/**
 * Elements of the EDGAR exhibit open inside one another at once (a filed exhibit nests a few dozen: body, tables,
 * rows, cells, paragraphs, font and bold wrappers). Past this the parser's own stack would make reading quadratic.
 */
export const MAX_HTML_DEPTH = 200;
/** Tables in one release (this one prints eight). */
export const MAX_TABLES = 100;
/** Significant digits of one figure: Excel holds 15 (this release's longest, a share count, has 10). */
export const MAX_FIGURE_DIGITS = 15;
/** Problems a refused release lists in its message; the count of the rest follows them. */
export const MAX_PROBLEMS_LISTED = 100;

/** Releases one workbook stores beside the one the add-in carries: six years of quarters. */
export const MAX_STORED_RELEASES = 24;
/** Their sources together: a filed exhibit is a few hundred KB (each release at most MAX_RELEASE_BYTES). */
export const MAX_STORED_BYTES = 12 * 1024 * 1024;

/** A metric name, base, statement or search typed into a function: the longest name in the catalog is 95 characters. */
export const MAX_NAME_LENGTH = 255;
/** An option (currency, scale, growth basis): the longest accepted ("quarter over quarter") is 20 characters. */
export const MAX_OPTION_LENGTH = 32;
/** Rows of an overrides range read (after its trailing blank rows). */
export const MAX_OVERRIDE_ROWS = 10_000;
/** Periods of a KC.STATEMENT periods range. */
export const MAX_PERIODS = 100;

/** Results and refusals cached per function: entries, and an estimate of the memory their keys take. */
export const RESULT_CACHE_ENTRIES = 50_000;
export const RESULT_CACHE_BYTES = 16 * 1024 * 1024;
/** Metric names resolved (ids or refusals) kept by the name index. */
export const NAME_CACHE_ENTRIES = 2_000;
export const NAME_CACHE_BYTES = 2 * 1024 * 1024;
