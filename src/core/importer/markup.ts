/** Text clean-up for the filing's light markup (HTML tags, Markdown bold, backslash escapes). */

/** Footnote markers ("US$392.0<sup>1</sup> million") would otherwise run into the figure before them. */
const FOOTNOTE = /<sup>.*?<\/sup>/gi;
const TAG = /<\/?[a-z][^>]*>/gi;

export function stripMarkup(text: string): string {
  return text.replace(FOOTNOTE, "").replace(TAG, "").replace(/\*\*/g, "").replace(/\\([$_*])/g, "$1").replace(/\s+/g, " ").trim();
}

export function isBold(text: string): boolean {
  return /<b>|\*\*/i.test(text);
}
