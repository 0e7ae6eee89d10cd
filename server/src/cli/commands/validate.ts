/**
 * `cordon validate`: checks scenario files and reports every problem as `file:line:column: path: message`, the
 * form editors and CI logs turn into links. A folder stands for the scenario files in it.
 */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CliCommand, CliIo } from "../command.ts";
import { UsageError, parseCommandLine } from "../command.ts";
import { formatProblem } from "../../core/scenario/validate.ts";
import { libraryFiles, readScenarioFile } from "../../library/library.ts";

const usage = `Usage: cordon validate <file or folder>...

Checks each scenario file (YAML or JSON) against the scenario format and its rules: references between roles,
zones, injects and branches, timing, languages, and whether every expectation can be met by its lead role. Prints
one OK line per valid file and every problem as file:line:column: path: message. A folder is checked file by file
(its .yaml and .yml files).

Exit code: 0 when every file is valid, 1 when any has problems, 2 for a usage mistake.`;

/** The files a command-line argument stands for, each with the name to show: the argument itself, or folder/name. */
async function expand(arg: string, cwd: string): Promise<{ path: string; shownAs: string }[]> {
  const path = resolve(cwd, arg);
  const isFolder = await stat(path).then(
    (info) => info.isDirectory(),
    () => false
  );
  if (!isFolder) return [{ path, shownAs: arg }];
  const files = await libraryFiles(path);
  return files.map((file) => ({ path: file, shownAs: join(arg, file.slice(path.length + 1)) }));
}

export const validateCommand: CliCommand = {
  name: "validate",
  summary: "check scenario files and report every problem with its line and column",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const positionals = parse(args);
    if (positionals.length === 0) throw new UsageError("name at least one scenario file or folder");
    let checked = 0;
    let invalid = 0;
    let problemCount = 0;
    for (const arg of positionals) {
      const files = await expand(arg, io.cwd);
      if (files.length === 0) {
        io.err(`${arg}: no .yaml or .yml files in this folder`);
        invalid += 1;
      }
      for (const file of files) {
        checked += 1;
        const { scenario, problems } = await readScenarioFile(file.path, file.shownAs);
        if (scenario) {
          io.out(
            `${file.shownAs}: OK (${scenario.id}: ${scenario.injects.length} injects, ${scenario.roles.length} roles, ${scenario.duration} min)`
          );
        } else {
          invalid += 1;
          problemCount += problems.length;
          for (const problem of problems) io.err(formatProblem(problem));
        }
      }
    }
    if (invalid > 0 && checked > 1) {
      io.err(`${invalid} of ${checked} files have problems (${problemCount} problem${problemCount === 1 ? "" : "s"} in all)`);
    }
    return invalid > 0 ? 1 : 0;
  }
};

function parse(args: string[]): string[] {
  return parseCommandLine(args, {}).positionals;
}
