/**
 * `kc --help`, `kc help [COMMAND]` and `kc COMMAND --help`: the usage, whole or one command's, read from the usage text
 * itself (a command's lines are the one that starts with its name and the indented lines under it), so the two never
 * disagree.
 */

const HELP_WORDS: ReadonlySet<string> = new Set(["help", "--help", "-h"]);

/** The commands the usage text describes, in its order. */
export function commandsOf(usage: string): string[] {
  return [...usage.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]);
}

/**
 * Whether the arguments ask for help: null when not; "" for the whole usage; a command's name for its usage.
 * `kc help`, `kc --help`, `kc -h`, `kc help get`, `kc get --help`.
 */
export function wantsHelp(command: string | undefined, rest: readonly string[], usage: string): string | null {
  const commands = commandsOf(usage);
  if (command !== undefined && HELP_WORDS.has(command)) return rest.length && commands.includes(rest[0]) ? rest[0] : "";
  if (command !== undefined && commands.includes(command) && rest.some((arg) => arg === "--help" || arg === "-h")) return command;
  return null;
}

/** The whole usage (`command` ""), or "usage: kc " and one command's lines. */
export function usageOf(usage: string, command: string): string {
  if (command === "") return usage;
  const lines = usage.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^ {2}${command}\\b`).test(line));
  if (start < 0) return usage;
  let end = start + 1;
  while (end < lines.length && /^ {3,}/.test(lines[end])) end++;
  return ["usage: kc " + lines[start].trim(), ...lines.slice(start + 1, end).map((line) => `  ${line.trim()}`)].join("\n");
}
