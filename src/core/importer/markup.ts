/**
 * Text clean-up for the filing's light markup (HTML tags, Markdown bold, backslash escapes). Every pattern here runs in
 * time linear in the text, however it is malformed: a tag's body stops at the next "<" or ">", and a footnote's at the
 * next "<sup>" (a line of a million unclosed "<a" or "<sup>" is scanned once, not once per opening).
 */

/** Footnote markers ("US$392.0<sup>1</sup> million") would otherwise run into the figure before them. */
const FOOTNOTE = /<sup>(?:(?!<sup>).)*?<\/sup>/gi;
const TAG = /<\/?[a-z][^<>]*>/gi;

export function stripMarkup(text: string): string {
  return text.replace(FOOTNOTE, "").replace(TAG, "").replace(/\*\*/g, "").replace(/\\([$_*])/g, "$1").replace(/\s+/g, " ").trim();
}

export function isBold(text: string): boolean {
  return /<b>|\*\*/i.test(text);
}
