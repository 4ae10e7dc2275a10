/**
 * One importer, a reader per format: the filing rendered as the EDGAR HTML exhibit and as a browser's copy of it
 * (edgar-exhibit.ts) imports to exactly the figures of the text rendition, each with the line of its own source; what
 * is not Kingsoft Cloud's results release, and what a filed exhibit never holds, is refused on its line.
 */
import type { Dataset } from "../../src/core/dataset";
import { importFiling } from "../../src/core/importer";
import { readExhibit } from "../../src/core/importer/html";
import { detectFormat } from "../../src/core/importer/formats";
import { ImportError } from "../../src/core/messages";
import { caught } from "../helpers/caught";
import { renderCopiedText, renderExhibit } from "./edgar-exhibit";
import { FILING, nextQuarterFiling } from "./filing-variants";

/** Everything a dataset says, but where each figure stands in its source and how a cell is written ("-" or "—"). */
function figures(dataset: Dataset, withBold = true) {
  return {
    latest: dataset.latest,
    tables: dataset.tables.map((t) => ({
      kind: t.kind,
      title: t.title,
      unitsNote: t.unitsNote,
      anchor: t.anchor,
      columns: t.columns,
      headings: t.headings.map((h) => h.label),
      rows: t.rows.map((r) => ({ label: r.label, section: r.section, ...(withBold ? { bold: r.bold } : {}), values: r.cells.map((c) => [c.value, c.decimals, c.percent]) })),
    })),
    narrative: dataset.narrative.map(({ line, ...figure }) => figure),
    warnings: dataset.warnings,
  };
}

const TEXT = importFiling(FILING, "kingsoft-cloud-2026q1-press-release.txt");
const HTML = renderExhibit();
const COPIED = renderCopiedText(HTML);
const fromHtml = importFiling(HTML, "kc-ex99-1.htm");
const fromCopy = importFiling(COPIED, "pasted text");

const refused = (run: () => unknown): ImportError => caught(run, ImportError);

describe("the EDGAR HTML exhibit", () => {
  test("imports to exactly the figures of the text: every table, column, row, heading and prose figure", () => {
    expect(fromHtml.format).toBe("html");
    expect(figures(fromHtml)).toEqual(figures(TEXT));
    expect(fromHtml.untied).toBeUndefined();
  });

  test("was written as filing agents write it (so the reader met each feature)", () => {
    expect(HTML).toContain(`<td>&nbsp;</td><td style="text-align:right"><font style="font-family:'Times New Roman',Times,serif;font-size:10pt">&nbsp;(1,651,671</font></td><td style="text-align:left"><font style="font-family:'Times New Roman',Times,serif;font-size:10pt">)</font></td>`);
    expect(HTML).toMatch(/<td colspan="12"[^>]*><b><font[^>]*>Three Months Ended<\/font><\/b><\/td>/);
    expect(HTML).toMatch(/>&nbsp;16\.2<\/font><\/td><td[^>]*><font[^>]*>%<\/font>/);
    expect(HTML).toContain("&#8212;");
    expect(HTML).toContain("&#8211; Share-based compensation expenses");
    expect(HTML).toContain("US$392.0<sup>1</sup> million");
    expect(HTML).toMatch(/<tr style="height:6pt"><td colspan="\d+">&nbsp;<\/td><\/tr>/);
  });

  test("every figure keeps the line of the .htm it is printed on", () => {
    const lines = HTML.split("\n");
    for (const row of fromHtml.tables.flatMap((t) => t.rows)) {
      expect(lines[row.line - 1]).toMatch(/^<tr>/);
      expect(lines[row.line - 1]).toContain(row.label.split(" ").pop());
    }
    const rate = fromHtml.narrative.find((f) => f.id === "ExchangeRateRMBPerUSD")!;
    // A paragraph's figures keep the line the paragraph starts on; its text runs on over the next lines.
    expect(lines[rate.line - 1]).toMatch(/^<p /);
    expect(lines.slice(rate.line - 1, rate.line + 5).join(" ")).toContain("RMB6.8980 to US$1.00");
    expect(fromHtml.lineCount).toBe(lines.length);
  });

  test("a next quarter's exhibit reads like its text", () => {
    const next = nextQuarterFiling();
    expect(figures(importFiling(renderExhibit(next), "next.htm"))).toEqual(figures(importFiling(next)));
  });
});

describe("text copied from a browser showing the exhibit", () => {
  test("imports to exactly the figures of the text (bold does not survive a copy)", () => {
    expect(fromCopy.format).toBe("copied");
    expect(figures(fromCopy, false)).toEqual(figures(TEXT, false));
  });

  test("is a browser's copy: tab-separated cells with the spacers left empty, ')' and '%' in cells of their own", () => {
    expect(COPIED).toContain("Cost of revenues\t\u00a0\t\u00a0(1,651,671\t)\t");
    expect(COPIED).toContain("\tThree Months Ended\n");
    expect(COPIED).not.toMatch(/<[a-z]/);
  });

  test("each figure keeps the line of the pasted text", () => {
    const lines = COPIED.split("\n");
    const row = fromCopy.tables[1].rows.find((r) => r.label === "Cost of revenues")!;
    expect(lines[row.line - 1]).toMatch(/^Cost of revenues\t/);
  });
});

describe("the format is told from the name or the content", () => {
  test.each([
    ["kc-ex99-1.htm", "anything", "html"],
    ["release.HTML", "anything", "html"],
    ["pasted", HTML, "html"],
    ["release.txt", FILING, "text"],
    ["pasted", COPIED, "copied"],
  ])("%s", (name, text, format) => {
    expect(detectFormat(text, name)).toBe(format);
  });
});

describe("the exhibit's tables are read as tables", () => {
  const page = (rows: string) => `<html><body><p><b>Kingsoft Cloud Announces Unaudited First Quarter 2026 Financial Results</b></p><table>\n${rows}\n</table></body></html>`;
  const table = (html: string) => readExhibit(html).blocks.find((b) => b.kind === "table")!;

  test("a heading spanning columns heads each of them; a closing parenthesis joins its number; a nil dash stays", () => {
    const t = table(page(`<tr><td></td><td colspan="6">Three Months Ended</td></tr>\n<tr><td></td><td></td><td colspan="2">Mar 31, 2025</td><td></td><td colspan="2">Mar 31, 2026</td></tr>\n<tr><td>Cost</td><td></td><td>(1,651</td><td>)</td><td></td><td>&#8212;</td><td></td></tr>`));
    expect(t.kind === "table" && t.rows.map((r) => [r.line, r.cells.map((c) => c.text), r.spans])).toEqual([
      [2, ["", "Three Months Ended"], [2]],
      [3, ["", "Mar 31, 2025", "Mar 31, 2026"], [1, 1]],
      [4, ["Cost", "(1,651)", "—"], undefined],
    ]);
  });

  test("an opening parenthesis in a cell of its own, a footnote marker on a label, a row spanning two rows", () => {
    const t = table(page(`<tr><td rowspan="2"></td><td colspan="2">Q1</td></tr>\n<tr><td colspan="2">RMB</td></tr>\n<tr><td>Adjusted EBITDA<sup>5</sup></td><td>(</td><td>12)</td></tr>`));
    expect(t.kind === "table" && t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["", "Q1"], ["", "RMB"], ["Adjusted EBITDA", "(12)"]]);
  });

  test("a title printed as the table's first rows reads as the title before the table", () => {
    const blocks = readExhibit(page(`<tr><td colspan="3"><b>UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS</b></td></tr>\n<tr><td></td><td>Mar 31, 2026</td></tr>\n<tr><td>Cash</td><td>1</td></tr>`)).blocks;
    expect(blocks.map((b) => (b.kind === "paragraph" ? [b.text, b.bold] : b.rows.length))).toEqual([
      ["Kingsoft Cloud Announces Unaudited First Quarter 2026 Financial Results", true],
      ["UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", true],
      2,
    ]);
  });

  test("a heading over no column of figures is refused on its line", () => {
    const error = refused(() => readExhibit(page(`<tr><td></td><td>Mar 31, 2026</td><td></td><td></td><td>US$</td></tr>\n<tr><td>Cash</td><td>1</td><td></td><td>2</td><td></td></tr>`)));
    expect([error.key, error.line]).toEqual(["headingOverNoFigures", 2]);
  });
});

describe("what is not Kingsoft Cloud's results release is refused, in every format", () => {
  const otherCompany = (text: string) => text.replace(/Kingsoft Cloud Announces Unaudited/g, "Acme Holdings Announces Unaudited");
  const noHeadline = (text: string) => text.replace(/Kingsoft Cloud Announces Unaudited First Quarter 2026 Financial Results/g, "Kingsoft Cloud Holds its Annual General Meeting");

  test.each([
    ["text", FILING, "release.txt", 71],
    ["html", HTML, "release.htm", null],
    ["copied", COPIED, "pasted", null],
  ])("%s: another company's release names the company and the headline's line", (_, text, name, line) => {
    const error = refused(() => importFiling(otherCompany(text), name));
    expect(error.key).toBe("otherCompany");
    expect(error.message).toMatch(/this is Acme Holdings's release \("Acme Holdings Announces Unaudited First Quarter 2026 Financial Results"\), not Kingsoft Cloud's/);
    const lines = otherCompany(text).split("\n");
    expect(lines[error.line - 1]).toContain(line === null ? "Acme Holdings Announces" : "Acme");
    if (line !== null) expect(error.line).toBe(line);
  });

  test.each([
    ["text", FILING, "release.txt"],
    ["html", HTML, "release.htm"],
    ["copied", COPIED, "pasted"],
  ])("%s: a document that is not a results release", (_, text, name) => {
    const error = refused(() => importFiling(noHeadline(text), name));
    expect([error.key, error.line]).toEqual(["notResultsRelease", 1]);
    expect(error.message).toMatch(/^line 1: this is not a results release: no headline such as "Kingsoft Cloud Announces/);
  });
});
