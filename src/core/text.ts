/** What a user typed, made safe to show in a one-line message: control characters become spaces, long text is cut. */

export const QUOTE_LENGTH = 40;

/** The text (or the value as text), one line, at most `max` characters, cut by whole characters (never half a pair). */
export function quote(value: unknown, max = QUOTE_LENGTH): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : String(value);
  } catch {
    text = typeof value;
  }
  // Only the start can show: never scan (or copy) more of a huge argument than the message needs.
  if (text.length > max * 2 + 2) text = text.slice(0, max * 2 + 2);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  text = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ");
  const chars = Array.from(text); // code points, so a surrogate pair is never cut in half
  return chars.length > max ? chars.slice(0, max - 3).join("") + "..." : text;
}
