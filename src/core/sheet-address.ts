/**
 * The one place A1 addresses and sheet names are made and read: column letters, cell and block addresses, sheet-name
 * quoting in references, the names Excel accepts for a sheet, free names, and the sheet's edges.
 * Positions are 0-based rows and columns on a named sheet; A1 text is what Excel shows ("B2", "'KC IS'!C7:E9").
 */

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A rows x cols block whose top-left cell is (row, col) on `sheet`. */
export interface Block extends CellRef {
  rows: number;
  cols: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const MAX_SHEET_NAME = 31;

/** "A", "B", ..., "Z", "AA" for a 0-based column. */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The 0-based column of "A", "AA", "xfd". */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** "B2" or "B2:D5" for a block at a 0-based position. */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnName(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? start : `${start}:${columnName(col + cols - 1)}${row + rows}`;
}

/** "$B$2": the absolute form of a 0-based cell. */
export const absoluteA1 = (row: number, col: number): string => `$${columnName(col)}$${row + 1}`;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Row and column (0-based) of "B2", "$B$2" or the start of "Sheet1!B2:C3". */
export function parseA1(address: string): { row: number; col: number } {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  const match = CELL.exec(cell);
  if (!match) throw new Error(`Not a cell address: '${address}'`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/**
 * A sheet name as it must be written before "!" in a reference: bare when Excel reads it as a name (letters, digits and
 * underscores, not starting with a digit, not a cell address such as "AB12" or an R1C1 one such as "R", "C2", "R1C1"),
 * quoted otherwise, with apostrophes doubled: IS, 'Non-GAAP', 'KC IS', 'Q1''26'.
 */
export function quoteSheetName(name: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^(R[0-9]*|C[0-9]*|R[0-9]*C[0-9]*)$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "IS!", "'Non-GAAP'!": the prefix of a reference to another sheet. */
export const sheetPrefix = (name: string): string => `${quoteSheetName(name)}!`;

/** A sheet-qualified A1 address: Sheet1!B2:C3, 'My sheet'!B2. */
export const qualifiedA1 = (block: Block | CellRef): string =>
  `${sheetPrefix(block.sheet)}${a1(block.row, block.col, "rows" in block ? block.rows : 1, "cols" in block ? block.cols : 1)}`;

const QUALIFIED = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/;

/** The block "Sheet1!B2:D5" (or one cell "'My sheet'!B2") names. Throws on anything else. */
export function parseBlock(address: string): Block {
  const m = QUALIFIED.exec(address);
  if (!m) throw new Error(`Not a sheet-qualified address: '${address}'`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const start = parseA1(m[3]);
  const end = m[4] ? parseA1(m[4]) : start;
  return { sheet, row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

/** References to other sheets in formula text ("IS!C7", "'KC IS'!C7"), each sheet name replaced by rename(name). */
export function renameSheetReferences(formula: string, rename: (name: string) => string): string {
  return formula.replace(/(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))!/g, (_, quoted: string | undefined, bare: string | undefined) =>
    sheetPrefix(rename(quoted !== undefined ? quoted.replace(/''/g, "'") : (bare as string))),
  );
}

/** Names Excel refuses: empty, over 31 characters, []:*?/\ , starting or ending with an apostrophe, or "History". */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history";
}

/** `wanted` if no sheet has that name (Excel compares names without case), else "wanted (2)", "wanted (3)", ... */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Names for a set of sheets, "prefix + name", with one suffix " (n)" for all of them when any is taken. */
export function uniqueSheetNames(names: readonly string[], existing: readonly string[], prefix = ""): Record<string, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const result = Object.fromEntries(names.map((s) => [s, `${prefix}${s}${suffix}`]));
    if (Object.values(result).every((name) => !taken.has(name.toLowerCase()))) return result;
  }
}

/** How much of a block fits on the sheet from its top-left cell (the whole block when it fits). */
export function roomFor(block: Block): { rows: number; cols: number; fits: boolean } {
  const rows = Math.min(block.rows, Math.max(0, MAX_ROWS - block.row));
  const cols = Math.min(block.cols, Math.max(0, MAX_COLS - block.col));
  return { rows, cols, fits: rows === block.rows && cols === block.cols };
}
