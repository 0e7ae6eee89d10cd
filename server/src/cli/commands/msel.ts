/**
 * `cordon msel import|export`: MSEL spreadsheets (CSV) in and out of the scenario format. The reading and writing
 * of files is here; the conversion itself is the pure core's (core/scenario/msel-import.ts, msel-export.ts).
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Document, isScalar, parse as parseYaml, visit } from "yaml";
import type { CliCommand, CliIo } from "../command.ts";
import { UsageError, parseCommandLine } from "../command.ts";
import { loadScenario, looksLikePath } from "../../library/library.ts";
import type { Scenario } from "../../core/scenario/schema.ts";
import type { CsvSeparator } from "../../core/scenario/csv.ts";
import { importMsel } from "../../core/scenario/msel-import.ts";
import { exportMselCsv } from "../../core/scenario/msel-export.ts";
import type { RoleMapping } from "../../core/scenario/msel-roles.ts";
import { parseRoleMapping } from "../../core/scenario/msel-roles.ts";
import { formatMselProblem, hasErrors } from "../../core/scenario/msel-problem.ts";

const usage = `Usage: cordon msel import <file.csv> [--roles mapping.yaml] [--base <scenario>] [--out file.yaml]
                         [--id ID] [--title T] [--language en]
       cordon msel export <scenario id or file> [--out file.csv] [--language en] [--separator ";"]

import  turns a CSV MSEL (Master Scenario Events List) into a scenario. Columns are recognised by their header in
        English or French (#, Time/H+, Clock time, From, To, Method, Subject, Message, Expected action, Type...);
        STARTEX/ENDEX rows set the start and length, milestone rows become phases, admin rows are skipped.
        Recipients are mapped to roles by built-in rules (police, municipality, fire-ems, communication) and by
        --roles mapping.yaml:
            roles: { police: ["Police Gold", "Met control room"], event-security: ["Stewards"] }
            kinds: { event-security: other }
        Without --base the site and units are placeholders to refine. Problems are printed as
        file:row:column: message; nothing is written when there are errors (exit code 1).
export  writes a scenario as a CSV MSEL: the usual columns in one language, then machine-readable columns (id,
        trigger, recipient_ids, needs, confirms, expectations, effects, other languages) so that importing it
        with --base <the scenario> gives the scenario back.

Options:
  --roles FILE      recipient names → role ids (YAML)
  --base SCENARIO   take the site, roles, branches and other non-MSEL parts from this scenario (id or file)
  --out FILE        write there instead of to standard output
  --id ID           scenario id (default: the base's, or the CSV file's name)
  --title T         scenario title (default: the base's, or the CSV file's name)
  --language L      language of the sheet's text columns (import) or of the human columns (export)
  --separator S     export: "," (default), ";" (Excel in French and other locales) or "tab"`;

const MAX_CSV_BYTES = 10 * 1024 * 1024;

export const mselCommand: CliCommand = {
  name: "msel",
  summary: "import a CSV MSEL spreadsheet as a scenario, or export a scenario as one",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const [action, ...rest] = args;
    const { values, positionals } = parse(rest);
    if (action !== "import" && action !== "export") throw new UsageError('say "msel import <file.csv>" or "msel export <scenario>"');
    if (positionals.length !== 1) throw new UsageError(action === "import" ? "name one CSV file" : "name one scenario id or file");
    const source = positionals[0] as string;
    return action === "import" ? runImport(source, values, io) : runExport(source, values, io);
  }
};

type Values = ReturnType<typeof parse>["values"];

async function loadFromCwd(idOrPath: string, io: CliIo): Promise<Scenario> {
  const entry = await loadScenario(looksLikePath(idOrPath) ? resolve(io.cwd, idOrPath) : idOrPath);
  return entry.scenario;
}

async function readText(path: string, shownAs: string, limit: number): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${shownAs}: not a file`);
    size = info.size;
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(code === "ENOENT" ? `${shownAs}: no such file` : (error as Error).message);
  }
  if (size > limit) throw new Error(`${shownAs}: the file is too large (${(size / 1048576).toFixed(1)} MiB, at most ${limit / 1048576} MiB)`);
  return (await readFile(path)).toString("utf8");
}

async function readMapping(file: string, io: CliIo): Promise<RoleMapping> {
  const text = await readText(resolve(io.cwd, file), file, 1024 * 1024);
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const { mapping, problems } = parseRoleMapping(value);
  if (problems.length > 0) throw new Error(problems.map((p) => `${file}: ${p}`).join("\n"));
  return mapping;
}

/** YAML for a scenario, with coordinates and short lists of numbers on one line ([120, 40]). */
export function scenarioYaml(document: Record<string, unknown>, comment: string): string {
  const doc = new Document(document);
  visit(doc, {
    Seq(_, node) {
      if (node.items.length === 0) node.flow = true;
      else if (node.items.length <= 4 && node.items.every((item) => isScalar(item) && typeof item.value === "number")) node.flow = true;
    }
  });
  doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

async function runImport(file: string, values: Values, io: CliIo): Promise<number> {
  const text = await readText(resolve(io.cwd, file), file, MAX_CSV_BYTES);
  const mapping = values.roles === undefined ? undefined : await readMapping(values.roles, io);
  const base = values.base === undefined ? undefined : await loadFromCwd(values.base, io);
  const result = importMsel(text, {
    sourceName: file,
    ...(values.language === undefined ? {} : { language: values.language }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values.title === undefined ? {} : { title: values.title }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(base === undefined ? {} : { base })
  });
  for (const problem of result.problems) io.err(formatMselProblem(file, problem));
  if (hasErrors(result.problems) || !result.scenario || !result.document) {
    const errors = result.problems.filter((p) => p.severity === "error").length;
    io.err(`${file}: ${errors} error${errors === 1 ? "" : "s"}; nothing written`);
    return 1;
  }
  const s = result.scenario;
  const comment = [
    ` Imported from ${file} by cordon msel import.`,
    ...(base ? [` Site, roles and branches from the base scenario ${base.id}.`] : [" The site, units and positions are placeholders: draw the real site and refine the roles."])
  ].join("\n");
  const yaml = scenarioYaml(result.document, comment);
  const expectations = s.injects.reduce((n, i) => n + i.expectations.length, 0);
  const warnings = result.problems.filter((p) => p.severity === "warning").length;
  const summary =
    `${file}: ${s.injects.length} injects, ${expectations} expectations, ${s.phases.length} phases, ` +
    `${s.duration} min, roles ${s.roles.map((r) => r.id).join(", ")}${warnings > 0 ? `; ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`;
  if (values.out === undefined) {
    io.out(yaml);
    io.err(summary);
  } else {
    await writeFile(resolve(io.cwd, values.out), yaml, "utf8");
    io.err(summary);
    io.err(`scenario "${s.id}" written to ${values.out}`);
  }
  return 0;
}

const SEPARATORS: Record<string, CsvSeparator> = { ",": ",", ";": ";", tab: "\t", "\t": "\t" };

async function runExport(idOrPath: string, values: Values, io: CliIo): Promise<number> {
  const separator = SEPARATORS[values.separator ?? ","];
  if (separator === undefined) throw new UsageError(`--separator must be ",", ";" or "tab", not "${values.separator}"`);
  const scenario = await loadFromCwd(idOrPath, io);
  const language = values.language ?? (scenario.languages[0] as string);
  if (!scenario.languages.includes(language)) {
    throw new UsageError(`--language must be one of the scenario's languages (${scenario.languages.join(", ")}), not "${language}"`);
  }
  const csv = exportMselCsv(scenario, { language, separator });
  if (values.out === undefined) {
    io.out(csv.replace(/^\uFEFF/, ""));
    return 0;
  }
  await writeFile(resolve(io.cwd, values.out), csv, "utf8");
  const rows = scenario.injects.length;
  io.err(`${scenario.id}: ${rows} injects and ${scenario.phases.length} milestones written to ${values.out}`);
  return 0;
}

function parse(args: string[]) {
  return parseCommandLine(args, {
    roles: { type: "string" },
    base: { type: "string" },
    out: { type: "string" },
    id: { type: "string" },
    title: { type: "string" },
    language: { type: "string" },
    separator: { type: "string" }
  });
}
