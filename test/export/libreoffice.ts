/**
 * LibreOffice as a second, independent spreadsheet engine: opens .xlsx files headless, recalculates every formula on
 * load and writes each sheet as CSV, or the workbook as .ods (its charts included). Recalculation on load is forced by
 * a fresh profile whose registrymodifications.xcu sets Calc/Formula/Load/OOXMLRecalcMode to 0 ("always"); without it
 * LibreOffice keeps the cached results stored in the file (see /work/shared/TOOLCHAIN.md).
 */
import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, delimiter, join } from "path";
import { pathToFileURL } from "url";

/**
 * CSV filter: separator ",", quote '"', UTF-8, from line 1, standard cell format, English, quoted text stays text,
 * detect special numbers, not "as shown" (full precision), no formulas, no trimming, sheet -1 = every sheet to its own
 * file "<name>-<Sheet>.csv" (LibreOffice 7.2+).
 */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice binary: $SOFFICE, or soffice / libreoffice on the PATH; null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (process.env.SOFFICE) return existsSync(process.env.SOFFICE) ? process.env.SOFFICE : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export type Grid = string[][];

/**
 * Runs one soffice process over `files` with a new profile that forces recalculation on load, converting each with
 * `filter` into a folder that `read` is given (with what soffice printed) before everything is removed.
 */
async function convert<T>(soffice: string, files: string[], filter: string, timeoutMs: number, read: (outDir: string, output: string) => T): Promise<T> {
  const work = mkdtempSync(join(tmpdir(), "kc-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const outDir = join(work, "out");
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", filter, "--outdir", outDir, ...files];
  try {
    const output = await new Promise<string>((resolvePromise, reject) => {
      execFile(soffice, args, { timeout: timeoutMs, env: { ...process.env, HOME: work } }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${soffice} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolvePromise(`${stdout}\n${stderr}`);
      });
    });
    return read(outDir, output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A file LibreOffice wrote into outDir, or an error that says what it wrote instead. */
function written(outDir: string, name: string, output: string): string {
  const all = existsSync(outDir) ? readdirSync(outDir) : [];
  if (!all.includes(name)) throw new Error(`LibreOffice wrote no ${name} (it wrote: ${all.join(", ") || "nothing"}). Its output:\n${output}`);
  return join(outDir, name);
}

const stem = (file: string) => basename(file).replace(/\.xlsx$/i, "");

/**
 * Recalculates each file with LibreOffice and returns the named sheets of each as CSV grids (row 1 first), keyed by
 * file name, then sheet name. One soffice process converts every file, with a new profile each call.
 */
export async function recalculateToCsv(soffice: string, sheetsOfFile: Map<string, string[]>, timeoutMs = 50_000): Promise<Map<string, Map<string, Grid>>> {
  return convert(soffice, [...sheetsOfFile.keys()], CSV_ALL_SHEETS, timeoutMs, (outDir, output) => {
    const result = new Map<string, Map<string, Grid>>();
    for (const [file, sheetNames] of sheetsOfFile) {
      const sheets = new Map<string, Grid>();
      for (const sheet of sheetNames) sheets.set(sheet, parseCsv(readFileSync(written(outDir, `${stem(file)}-${sheet}.csv`, output), "utf8")));
      result.set(file, sheets);
    }
    return result;
  });
}

/** Opens each file in LibreOffice (recalculating it) and saves it as OpenDocument: the .ods of each file, by file. */
export async function recalculateToOds(soffice: string, files: string[], timeoutMs = 50_000): Promise<Map<string, Buffer>> {
  return convert(soffice, files, "ods", timeoutMs, (outDir, output) => new Map(files.map((file) => [file, readFileSync(written(outDir, `${stem(file)}.ods`, output))])));
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): Grid {
  const rows: Grid = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
