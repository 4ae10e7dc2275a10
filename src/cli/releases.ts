/**
 * `--with RELEASE` (repeatable) on kc get, metrics, check, eval and export-model: further releases (the text
 * rendition, the EDGAR HTML exhibit or a browser's copy of it) merged into the one the add-in carries, exactly as the
 * task pane's Releases tab merges those stored in a workbook. Each is imported (and every tie-out run) before anything
 * else; one that is refused stops the command, naming its file.
 */
import { Dataset, Engine, ImportError, createEngine, importFiling, mergeReleases } from "../core";
import { DATASET } from "../data/dataset.generated";
import { useFunctionsEngine } from "../functions/runtime";

/** A release given with --with that could not be imported (its file, and why), or two of the same quarter. */
export class WithReleaseError extends Error {
  constructor(
    readonly file: string,
    readonly cause: ImportError,
  ) {
    super(file ? `${file}: ${cause.message}` : cause.message);
    this.name = "WithReleaseError";
  }
}

/** The arguments with every `--with FILE` taken out, and the files in order. */
export function takeWith(args: readonly string[]): { files: string[]; rest: string[]; missing: boolean } {
  const files: string[] = [];
  const rest: string[] = [];
  let missing = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "--with") rest.push(args[i]);
    else if (i + 1 < args.length) files.push(args[++i]);
    else missing = true;
  }
  return { files, rest, missing };
}

/**
 * The engine a command works on: the embedded release, merged with each file. The functions runtime gets the same
 * engine, so `kc eval` computes with it too (and a later command in the same process does not see an earlier one's).
 */
export function engineWith(files: readonly string[], read: (file: string) => string): Engine {
  const engine = files.length ? createEngine(merged(files, read)) : createEngine(DATASET);
  useFunctionsEngine(engine);
  return engine;
}

function merged(files: readonly string[], read: (file: string) => string): Dataset {
  const releases: Dataset[] = files.map((file) => {
    try {
      return importFiling(read(file), file);
    } catch (error) {
      if (error instanceof ImportError) throw new WithReleaseError(file, error);
      throw error;
    }
  });
  try {
    return mergeReleases([DATASET, ...releases]);
  } catch (error) {
    if (error instanceof ImportError) throw new WithReleaseError("", error); // names both files itself
    throw error;
  }
}
