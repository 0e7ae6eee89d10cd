/**
 * The scenario library: the YAML files in scenarios/ (or another folder), read from disk and validated. A
 * scenario is found by its `id` or by the path of its file. Files are size-checked before they are read, and every
 * problem comes back located (`file:line:column`), never as a crash.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem } from "../core/scenario/validate.ts";
import { formatProblem, MAX_SCENARIO_BYTES, parseScenarioText } from "../core/scenario/validate.ts";
import type { Scenario } from "../core/scenario/schema.ts";
import { formatSize } from "../core/scenario/source-guards.ts";

/** `<repo>/scenarios`, found from this file's place in the repository rather than from the working directory. */
export const DEFAULT_SCENARIO_DIR: string = fileURLToPath(new URL("../../../scenarios", import.meta.url));

/** Extensions of the files the library holds (scenario.schema.json lives next to them and is not a scenario). */
export const LIBRARY_EXTENSIONS = [".yaml", ".yml"] as const;
/** Extensions accepted when a scenario file is named explicitly. */
export const SCENARIO_FILE_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export interface LibraryEntry {
  /** The scenario's `id`. */
  id: string;
  /** Path of the file it was read from. */
  file: string;
  scenario: Scenario;
}

/** A scenario that could not be loaded; the message lists every problem as `file:line:column: path: message`. */
export class ScenarioLoadError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[]) {
    super(problems.length === 0 ? message : `${message}\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ScenarioLoadError";
    this.problems = problems;
  }
}

function fileProblem(file: string, message: string): Problem {
  return { file, line: 1, column: 1, path: "", message };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/**
 * Reads and validates one scenario file. `shownAs` is the name used in problems (by default the path as given).
 * Missing files, folders, unreadable and oversized files are reported as problems, not thrown.
 */
export async function readScenarioFile(path: string, shownAs: string = path): Promise<{ scenario?: Scenario; problems: Problem[] }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { problems: [fileProblem(shownAs, "is a folder, not a scenario file")] };
    if (!info.isFile()) return { problems: [fileProblem(shownAs, "is not a regular file")] };
    if (info.size > MAX_SCENARIO_BYTES) {
      const limit = formatSize(MAX_SCENARIO_BYTES);
      return { problems: [fileProblem(shownAs, `the file is too large (${formatSize(info.size)}); scenario files are limited to ${limit}`)] };
    }
    // Invalid UTF-8 decodes to U+FFFD, which the validator reports with its position.
    const text = (await readFile(path)).toString("utf8");
    return parseScenarioText(text, shownAs);
  } catch (error) {
    const code = errorCode(error);
    const message =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : `could not read the file: ${error instanceof Error ? error.message : String(error)}`;
    return { problems: [fileProblem(shownAs, message)] };
  }
}

/** The line of the top-level `id:` key, to point at it when two files share an id. */
function idLine(text: string): number {
  const match = /^id\s*:/m.exec(text);
  return match ? text.slice(0, match.index).split("\n").length : 1;
}

/** The scenario files in a library folder, sorted by name. */
export async function libraryFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { withFileTypes: true });
  return names
    .filter((d) => !d.isDirectory() && (LIBRARY_EXTENSIONS as readonly string[]).includes(extname(d.name).toLowerCase()))
    .map((d) => join(dir, d.name))
    .sort();
}

/**
 * Every scenario in the folder (default: the repository's scenarios/), sorted by id, and the problems of the files
 * that are not valid. One invalid file does not hide the others.
 */
export async function loadLibrary(dir: string = DEFAULT_SCENARIO_DIR): Promise<{ entries: LibraryEntry[]; problems: Problem[] }> {
  let files: string[];
  try {
    files = await libraryFiles(dir);
  } catch (error) {
    const reason = errorCode(error) === "ENOENT" ? "no such folder" : errorCode(error) === "ENOTDIR" ? "not a folder" : String(error);
    return { entries: [], problems: [fileProblem(dir, `cannot read the scenario library: ${reason}`)] };
  }
  const results = await Promise.all(files.map(async (file) => ({ file, ...(await readScenarioFile(file)) })));
  const entries: LibraryEntry[] = [];
  const problems: Problem[] = [];
  const byId = new Map<string, string>();
  for (const result of results) {
    problems.push(...result.problems);
    if (!result.scenario) continue;
    const id = result.scenario.id;
    const other = byId.get(id);
    if (other !== undefined) {
      const text = (await readFile(result.file)).toString("utf8");
      problems.push({ file: result.file, line: idLine(text), column: 1, path: "id", message: `scenario id "${id}" is already used by ${other}` });
      continue;
    }
    byId.set(id, result.file);
    entries.push({ id, file: result.file, scenario: result.scenario });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, problems };
}

/** A library id is a bare id; anything with a path separator or a scenario file extension is a path. */
export function looksLikePath(idOrPath: string): boolean {
  const extension = extname(idOrPath).toLowerCase();
  return (
    idOrPath.includes("/") ||
    idOrPath.includes(sep) ||
    (SCENARIO_FILE_EXTENSIONS as readonly string[]).includes(extension)
  );
}

/**
 * A library id, or a path to a .yaml/.yml/.json file (relative to the working directory). Throws a
 * ScenarioLoadError whose message lists every problem, formatted.
 */
export async function loadScenario(idOrPath: string, dir: string = DEFAULT_SCENARIO_DIR): Promise<LibraryEntry> {
  if (looksLikePath(idOrPath)) {
    const file = resolve(idOrPath);
    const { scenario, problems } = await readScenarioFile(file, idOrPath);
    if (!scenario) throw new ScenarioLoadError(`scenario file ${idOrPath} is not valid:`, problems);
    return { id: scenario.id, file, scenario };
  }
  const { entries, problems } = await loadLibrary(dir);
  const entry = entries.find((e) => e.id === idOrPath);
  if (entry) return entry;
  // If a file named after the id is in the library but invalid, its problems are the useful answer.
  const own = problems.filter((p) => basename(p.file, extname(p.file)) === idOrPath);
  if (own.length > 0) throw new ScenarioLoadError(`scenario "${idOrPath}" is not valid:`, own);
  const available = entries.map((e) => e.id).join(", ") || "none";
  const broken = new Set(problems.map((p) => p.file)).size;
  const note = broken > 0 ? `; ${broken} library file${broken === 1 ? " has" : "s have"} problems (run cordon list)` : "";
  throw new ScenarioLoadError(`no scenario "${idOrPath}" in ${dir} (available: ${available})${note}`, []);
}
