/**
 * Which reader a release needs, and what the release must be before its tables are read: Kingsoft Cloud's, and a
 * results release (its headline "Kingsoft Cloud Announces ... Results").
 */
import { importError } from "../messages";
import { readCopiedText } from "./copied";
import { ReleaseDocument, ReleaseFormat } from "./document";
import { readExhibit } from "./html";
import { readTextRendition } from "./text";

/** An HTML file starts with a tag (a doctype, an XML declaration, a comment or an element) and opens a page soon. */
const HTML_OPENING = /<(?:!doctype\s+html|html|head|body|div|p|table|font)\b/i;
/** The text rendition's own markup: Markdown bold, or a <b> or <sup> tag. A browser's copy has none. */
const TEXT_MARKUP = /\*\*|<\/?(?:b|sup)>/i;

/** The format of a release: by its file name where it says (.htm, .html), else by its content. */
export function detectFormat(text: string, sourceName = ""): ReleaseFormat {
  const head = text.slice(0, 4096);
  if (/\.html?$/i.test(sourceName) || (/^\uFEFF?\s*</.test(head) && HTML_OPENING.test(head))) return "html";
  return TEXT_MARKUP.test(text) ? "text" : "copied";
}

export function readDocument(text: string, format: ReleaseFormat): ReleaseDocument {
  const document = format === "html" ? readExhibit(text) : format === "copied" ? readCopiedText(text) : readTextRendition(text);
  checkIssuer(document);
  return document;
}

const HEADLINE = /^(.{2,120}?)\s+(?:Announces|Reports)\b.{0,200}?\bResults\b/i;
const HEADLINE_EXAMPLE = "Kingsoft Cloud Announces Unaudited First Quarter 2026 Financial Results";

/** A results release opens with its headline, and the company that announces is Kingsoft Cloud. */
function checkIssuer(document: ReleaseDocument): void {
  for (const block of document.blocks) {
    if (block.kind !== "paragraph") continue;
    const m = HEADLINE.exec(block.text);
    if (!m) continue;
    if (!/\bKingsoft Cloud\b/i.test(m[1])) throw importError(block.line, "otherCompany", m[1], block.text);
    return;
  }
  throw importError(1, "notResultsRelease", HEADLINE_EXAMPLE);
}
