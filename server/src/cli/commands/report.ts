/**
 * `cordon report`: the after-action report of an exercise, from its event log alone (the log's first event
 * carries the scenario). HTML for people (one self-contained file that prints to PDF), JSON (the ScoreCard) and
 * CSV (one row per expectation and per action) for tools. Nothing is written unless the whole report rendered.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliCommand, CliIo } from "../command.ts";
import { UsageError, parseCommandLine } from "../command.ts";
import { LogFormatError, parseLog } from "../../core/engine/log.ts";
import { ScoringInputError } from "../../core/scoring/scoring-input-error.ts";
import { isReportFormat, renderReport, REPORT_FORMATS } from "../../report/render.ts";
import type { ReportOptions } from "../../report/render.ts";
import { ReportInputError } from "../../report/report-input-error.ts";

const usage = `Usage: cordon report <log.jsonl> [--format html|json|csv] [--out FILE] [--language en|fr]

Scores an exercise from its event log (JSON Lines, as written by the server or "cordon simulate --out") and
prints the after-action report. The scenario is the one recorded in the log.

Formats:
  html    one self-contained page (scores, timeline, response times, communication network, role x task heat
          map, improvement plan, strengths, breakdowns, notes) in the exercise's language; prints to PDF
  json    the ScoreCard: every measure with the events behind it
  csv     one row per expectation and one row per player action (column "record" says which)

Options:
  --format F        html (default), json or csv
  --out FILE        write the report to FILE instead of standard output
  --language L      report language, one of the scenario's (default: the exercise's language)`;

export const reportCommand: CliCommand = {
  name: "report",
  summary: "write the after-action report (HTML, JSON or CSV) of an exercise log",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args);
    if (positionals.length !== 1) throw new UsageError("name one event log file (JSON Lines)");
    const format = values.format ?? "html";
    if (!isReportFormat(format)) {
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")}, not "${format}"`);
    }
    const logPath = positionals[0]!;
    const text = await readLog(resolve(io.cwd, logPath), logPath);

    const options: ReportOptions = {};
    if (values.language !== undefined) options.language = values.language;
    let report: string;
    try {
      report = renderReport(parseLog(text), format, options);
    } catch (error) {
      if (error instanceof LogFormatError || error instanceof ReportInputError || error instanceof ScoringInputError) {
        throw new Error(`${logPath}: ${error.message}`, { cause: error });
      }
      throw error;
    }

    if (values.out === undefined) {
      io.out(report);
      return 0;
    }
    try {
      await writeFile(resolve(io.cwd, values.out), report, "utf8");
    } catch (error) {
      throw new Error(`cannot write the report to "${values.out}": ${reason(error)}`, { cause: error });
    }
    io.out(`${format.toUpperCase()} report written to ${values.out}`);
    return 0;
  }
};

async function readLog(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read the event log "${shown}": ${reason(error)}`, { cause: error });
  }
}

function reason(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (code === "ENOENT") return "no such file or directory";
    if (code === "EISDIR") return "it is a directory";
    if (code === "EACCES") return "permission denied";
  }
  return error instanceof Error ? error.message : String(error);
}

function parse(args: string[]) {
  return parseCommandLine(args, {
    format: { type: "string", short: "f" },
    out: { type: "string", short: "o" },
    language: { type: "string" }
  });
}
