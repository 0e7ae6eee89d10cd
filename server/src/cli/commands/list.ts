/**
 * `cordon list`: the scenario library at a glance, as a table or as JSON. Invalid files are reported on standard
 * error with their problems (and make the exit code 1), but never hide the valid ones.
 */
import { isAbsolute, relative, resolve } from "node:path";
import type { CliCommand, CliIo } from "../command.ts";
import { UsageError, parseCommandLine } from "../command.ts";
import type { Scenario } from "../../core/scenario/schema.ts";
import { formatProblem } from "../../core/scenario/validate.ts";
import type { LibraryEntry } from "../../library/library.ts";
import { DEFAULT_SCENARIO_DIR, loadLibrary } from "../../library/library.ts";

const usage = `Usage: cordon list [--json] [--dir FOLDER]

Lists the scenarios in the library: id, title, languages, duration, number of injects and roles. Files with
problems are reported on standard error (exit code 1); the valid scenarios are listed all the same.

Options:
  --json         print a JSON array instead of a table
  --dir FOLDER   the library folder (default: the repository's scenarios/)`;

export interface LibrarySummary {
  id: string;
  file: string;
  title: string;
  languages: string[];
  duration: number;
  injects: number;
  roles: string[];
}

/** The title in English, or else in the scenario's first language. */
export function displayTitle(scenario: Scenario): string {
  return scenario.title.en ?? scenario.title[scenario.languages[0]!] ?? Object.values(scenario.title)[0] ?? scenario.id;
}

function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

export function summarise(entry: LibraryEntry, cwd: string): LibrarySummary {
  const s = entry.scenario;
  return {
    id: s.id,
    file: shown(entry.file, cwd),
    title: displayTitle(s),
    languages: s.languages,
    duration: s.duration,
    injects: s.injects.length,
    roles: s.roles.map((r) => r.id)
  };
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ")).join("\n");
}

export const listCommand: CliCommand = {
  name: "list",
  summary: "list the scenario library (id, title, languages, duration, injects, roles)",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parse(args);
    const dir = values.dir === undefined ? DEFAULT_SCENARIO_DIR : resolve(io.cwd, values.dir);
    const { entries, problems } = await loadLibrary(dir);
    for (const problem of problems) io.err(formatProblem({ ...problem, file: shown(problem.file, io.cwd) }));
    const summaries = entries.map((entry) => summarise(entry, io.cwd));
    if (values.json) {
      io.out(JSON.stringify(summaries, null, 2));
    } else if (summaries.length === 0) {
      io.err(`no valid scenarios in ${shown(dir, io.cwd)}`);
    } else {
      const header = ["ID", "TITLE", "LANGUAGES", "DURATION", "INJECTS", "ROLES"];
      const rows = summaries.map((s) => [s.id, s.title, s.languages.join(","), `${s.duration} min`, String(s.injects), s.roles.join(", ")]);
      io.out(table([header, ...rows]));
    }
    return problems.length > 0 ? 1 : 0;
  }
};

function parse(args: string[]): { json?: boolean; dir?: string } {
  const { values, positionals } = parseCommandLine(args, { json: { type: "boolean" }, dir: { type: "string" } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return values;
}
