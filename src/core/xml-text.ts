/**
 * XML's five named entities, both ways (the release store's part, the exported workbook's chart parts). A module of its
 * own: only the task pane and the export use it, so the functions bundle does not carry it.
 */

const XML_ESCAPES: ReadonlyMap<string, string> = new Map([["&", "&amp;"], ["<", "&lt;"], [">", "&gt;"], ['"', "&quot;"], ["'", "&apos;"]]);
const XML_ENTITIES: ReadonlyMap<string, string> = new Map([...XML_ESCAPES].map(([c, entity]) => [entity.slice(1, -1), c]));

/** Text as XML character data or an attribute value (either quote). */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES.get(c)!);

/** The text of XML character data or an attribute value: its five named entities read back, in one pass. */
export const unescapeXml = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES.get(name)!);
