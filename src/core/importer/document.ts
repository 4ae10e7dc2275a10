/**
 * A release as every reader hands it to the importer: paragraphs and tables in the release's order, each with the line
 * of the source it starts on. The text rendition, the EDGAR HTML exhibit and text copied from a browser are each read
 * into this form (text.ts, html.ts, copied.ts); the tables, the prose figures, the tie-outs and the refusals are then
 * the same for every format.
 */

/** How a release was read: the project's text rendition, the EDGAR HTML exhibit, or text copied from a browser. */
export type ReleaseFormat = "text" | "html" | "copied";

/** One cell of a table row, markup removed, whitespace collapsed. */
export interface DocCell {
  text: string;
  /** Printed in bold (the text rendition's <b> or **; the exhibit's <b>, <strong> or bold style). */
  bold: boolean;
}

/** One row of a table: its label cell first, then one cell per column of figures. */
export interface DocRow {
  /** 1-based line of the source the row starts on. */
  line: number;
  cells: DocCell[];
  /**
   * How many columns of figures each cell after the label spans, where the source says ("Three Months Ended" over
   * every period column); absent where it does not (the text rendition), and then a header row whose only text is in
   * its first column spans every column.
   */
  spans?: number[];
}

export interface DocTable {
  kind: "table";
  line: number;
  rows: DocRow[];
}

export interface DocParagraph {
  kind: "paragraph";
  line: number;
  /** The paragraph's text, markup removed, whitespace collapsed. */
  text: string;
  /** Wholly bold (a statement's title is); null where the source cannot say (text copied from a browser). */
  bold: boolean | null;
}

export type DocBlock = DocTable | DocParagraph;

export interface ReleaseDocument {
  format: ReleaseFormat;
  /** Lines of the source (a message about the whole release names the last). */
  lineCount: number;
  blocks: DocBlock[];
}

/** Whitespace of every kind (the exhibit's &nbsp; included) as one space, trimmed. */
export const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();
