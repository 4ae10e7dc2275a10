/**
 * The filing rendered as an EDGAR filing agent renders an EX-99.1 exhibit (.htm), and as a browser copies that exhibit
 * as text. Built from the text rendition (src/data/sources, or a variant of it), so each format holds exactly the
 * figures of the text. What the exhibit does, as filing agents do:
 *   - tables laid out on a grid: a spacer cell before each column of figures, the number in its own cell and a closing
 *     parenthesis, or a percent sign, in a cell of its own after it ("(1,651,671" then ")"; "16.2" then "%");
 *   - "Three Months Ended" in one cell spanning every period column (colspan), or beside it "Year Ended" over the year
 *     columns (a fourth quarter's release), dates spanning number and parenthesis;
 *   - &nbsp; in empty cells and before numbers, &#8212; for nil, &#8211; before bridge rows, typographic quotes as
 *     entities; <font>, <b> and <sup> (footnote markers in the prose) wrappers; empty rows for spacing;
 *   - prose in <p> elements, wrapped over several source lines; titles as bold lines separated by <br>.
 * The browser's copy is what Chromium's innerText gives for that page (test/browser checks it against Chromium):
 * paragraphs and lines as lines, a table row as one line of tab-separated cells, each spanning cell once.
 */
import { FILING } from "./filing-variants";

const FONT = `<font style="font-family:'Times New Roman',Times,serif;font-size:10pt">`;
/** A heading over the columns of one length of period. */
const PERIOD_HEADING = /^(?:three|six|nine|twelve) months ended$|^years? ended$/i;
/** Physical cells per column of figures: a spacer, the number, a closing parenthesis or percent sign. */
const PER_COLUMN = 3;

/** Text escaped for HTML, with the typography filing agents write as character references. */
function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/—/g, "&#8212;")
    .replace(/–/g, "&#8211;")
    .replace(/’/g, "&#8217;")
    .replace(/“/g, "&#8220;")
    .replace(/”/g, "&#8221;");
}

/** The text rendition's inline markup (**bold**, <b>, <sup>, \$, autolinks, [text](link)) as HTML. */
function inline(line: string): string {
  let out = "";
  let bold = false;
  for (const part of line.split(/(\*\*|<\/?b>|<sup>[^<]*<\/sup>|<https?:\/\/[^>\s]+>|\[[^\]]*\]\([^)]*\)|\\[$_*])/)) {
    if (part === "**") out += (bold = !bold) ? "<b>" : "</b>";
    else if (/^<\/?b>$/.test(part)) out += part;
    else if (part.startsWith("<sup>")) out += part;
    else if (part.startsWith("<http")) out += `<a href="${escape(part.slice(1, -1))}">${escape(part.slice(1, -1))}</a>`;
    else if (part.startsWith("[") && part.includes("](")) out += `<a href="${escape(part.slice(part.indexOf("](") + 2, -1))}">${escape(part.slice(1, part.indexOf("](")))}</a>`;
    else if (/^\\[$_*]$/.test(part)) out += part[1];
    else out += escape(part);
  }
  return out;
}

/** A long paragraph wrapped over several source lines, as filing agents' tools write them. */
function wrap(html: string, width = 100): string {
  const words = html.split(" ");
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current && current.length + word.length > width) (lines.push(current), (current = ""));
    current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join("\n");
}

interface Cell {
  text: string;
  bold: boolean;
}

const cellOf = (raw: string): Cell => ({ text: raw.replace(/<\/?(?:b|a)\b[^>]*>/g, "").replace(/\\\$/g, "$").trim(), bold: /<b>/.test(raw) });

/** A figure split as filing agents split it: the number, then ")" or "%" in a cell of its own; "-" is &#8212;. */
function splitFigure(text: string): [string, string] {
  if (text === "-") return ["&#8212;", ""];
  if (text.startsWith("(") && text.endsWith(")")) return [`(${text.slice(1, -1)}`, ")"];
  if (text.endsWith("%")) return [text.slice(0, -1), "%"];
  return [text, ""];
}

const bolded = (html: string, bold: boolean) => (bold ? `<b>${FONT}${html}</font></b>` : `${FONT}${html}</font>`);

/** One table of the text rendition (its tab-separated lines) as an exhibit table. */
function table(lines: string[]): string {
  const rows = lines.map((l) => l.split("\t").map(cellOf));
  const columns = Math.max(...rows.map((r) => r.length)) - 1;
  const width = 1 + PER_COLUMN * columns;
  const out: string[] = [`<table cellspacing="0" cellpadding="0" style="width:100%;border-collapse:collapse">`];
  rows.forEach(([label, ...cells], r) => {
    const header = label.text === "";
    if (!header && cells.every((c) => c.text === "") && r > 0) {
      out.push(`<tr style="height:6pt"><td colspan="${width}">&nbsp;</td></tr>`); // an empty row for spacing, before each heading
    }
    const nonEmpty = cells.filter((c) => c.text !== "");
    let tds: string;
    if (header && nonEmpty.length === 1 && cells[0].text !== "" && columns > 1) {
      tds = `<td colspan="${PER_COLUMN * columns}" style="text-align:center;border-bottom:1px solid">${bolded(escape(cells[0].text), cells[0].bold)}</td>`;
    } else if (header && nonEmpty.length > 1 && cells[0].text !== "" && nonEmpty.every((c) => PERIOD_HEADING.test(c.text))) {
      // "Three Months Ended" and "Year Ended" side by side: each over its columns, up to the next heading.
      const starts = cells.flatMap((c, i) => (c.text ? [i] : []));
      tds = starts
        .map((i, k) => `<td colspan="${PER_COLUMN * ((starts[k + 1] ?? cells.length) - i)}" style="text-align:center;border-bottom:1px solid">${bolded(escape(cells[i].text), cells[i].bold)}</td>`)
        .join("");
    } else if (header) {
      // Each heading over its number and parenthesis cells, after the spacer.
      tds = cells.map((c) => `<td>&nbsp;</td><td colspan="2" style="text-align:center">${c.text ? bolded(escape(c.text), c.bold) : "&nbsp;"}</td>`).join("");
    } else {
      tds = cells
        .map((c) => {
          if (c.text === "") return `<td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td>`;
          const [number, closing] = splitFigure(c.text);
          return `<td>&nbsp;</td><td style="text-align:right">${bolded(`&nbsp;${number}`, c.bold)}</td><td style="text-align:left">${closing ? bolded(closing, c.bold) : ""}</td>`;
        })
        .join("");
    }
    const labelCell = `<td style="padding-left:${/^–/.test(label.text) ? 12 : 0}pt">${label.text ? bolded(escape(label.text), label.bold) : "&nbsp;"}</td>`;
    out.push(`<tr>${labelCell}${tds}</tr>`);
  });
  out.push("</table>");
  return out.join("\n");
}

/** The filing (or a variant of it) as the EX-99.1 exhibit's HTML. */
export function renderExhibit(text = FILING): string {
  const lines = text.split("\n");
  const body: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    // Lines of one paragraph (the text's hard breaks) are <br>-separated; bold may run from one line into the next.
    if (paragraph.length) body.push(`<p style="margin:0 0 10pt">${FONT}${wrap(inline(paragraph.join("\u0001")).replace(/\u0001/g, "<br>\n"))}</font></p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes("\t")) {
      flush();
      const run: string[] = [];
      for (; i < lines.length && lines[i].includes("\t"); i++) run.push(lines[i]);
      i--;
      body.push(table(run));
      continue;
    }
    if (/^-{3,}\s*$/.test(line)) (flush(), body.push(`<hr style="page-break-after:always">`));
    else if (line.trim() === "") flush();
    else {
      paragraph.push(line.replace(/^#+\s*/, "").trimEnd());
      // A line that does not end in a hard break ("  ") ends its paragraph.
      if (!/ {2}$/.test(line)) flush();
    }
  }
  flush();
  return [
    `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">`,
    `<html><head><title>EX-99.1</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8">`,
    `<style type="text/css">p { margin: 0 }</style></head>`,
    `<body style="font-family:'Times New Roman'">`,
    ...body,
    `</body></html>`,
    "",
  ].join("\n");
}

/**
 * The exhibit as Chromium copies it (its innerText): each paragraph's lines, a blank line between paragraphs; each
 * table row one line of tab-separated cells, a spanning cell once; &nbsp; as U+00A0; markup and <sup> text gone as
 * the page shows them (a footnote marker's text included, as a browser copies it).
 */
export function renderCopiedText(html = renderExhibit()): string {
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, "")
      .replace(/&nbsp;/g, "\u00a0")
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const out: string[] = [];
  for (const block of html.split(/\n(?=<p |<table|<hr)/)) {
    if (block.startsWith("<table")) {
      for (const tr of block.match(/<tr[^>]*>.*<\/tr>/g) ?? []) {
        const cells = [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => decode(m[1]).replace(/\n/g, " "));
        out.push(cells.join("\t"));
      }
      out.push("");
    } else if (block.startsWith("<p ")) {
      const inner = block.replace(/^<p[^>]*>/, "").replace(/<\/p>[^]*$/, "");
      out.push(...inner.split(/<br>\n?/).map((l) => decode(l.replace(/\n/g, " "))), "");
    }
  }
  return out.join("\n");
}
