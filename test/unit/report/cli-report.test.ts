/**
 * `cordon report` through runCli with captured output: each format to standard output or to a file, and every
 * kind of bad input refused with a message naming what and where, a non-zero exit and nothing written.
 */
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../../server/src/cli/command.ts";
import { runCli } from "../../../server/src/cli/main.ts";
import { serialiseLog } from "../../../server/src/core/engine/log.ts";
import { renderReport } from "../../../server/src/report/render.ts";
import { parseCsv } from "./csv-parse.ts";
import { reportDrill } from "./exercise-log.ts";

interface Captured {
  code: number;
  out: string;
  err: string;
}

let dir: string;
let logFile: string;
const log = reportDrill("fr");

async function cordon(args: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, cwd: dir };
  const code = await runCli(args, io);
  return { code, out: out.join(""), err: err.join("") };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  );

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cordon-report-"));
  logFile = join(dir, "drill.jsonl");
  await writeFile(logFile, serialiseLog(log), "utf8");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cordon report", () => {
  it("writes the HTML report to --out, in the exercise's language", async () => {
    // When the report of the French drill is asked as HTML into a file
    const result = await cordon(["report", "drill.jsonl", "--format", "html", "--out", "aar.html"]);
    // Then it says where it wrote it, and the file is the French report
    expect(result).toEqual({ code: 0, out: "HTML report written to aar.html", err: "" });
    const html = await readFile(join(dir, "aar.html"), "utf8");
    expect(html).toBe(renderReport(log, "html"));
    expect(html).toContain('<html lang="fr">');
  });

  it("prints JSON and CSV to standard output", async () => {
    const json = await cordon(["report", "drill.jsonl", "--format", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(renderReport(log, "json")));
    const csv = await cordon(["report", "drill.jsonl", "--format=csv"]);
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.out);
    expect(rows[0]![0]).toBe("record");
    expect(rows.filter((r) => r[0] === "expectation")).toHaveLength(4);
  });

  it("defaults to HTML, and can be asked in another of the scenario's languages", async () => {
    const result = await cordon(["report", "drill.jsonl", "--language", "en"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('<html lang="en">');
  });

  it("refuses a log that does not exist, naming it, and writes nothing", async () => {
    const result = await cordon(["report", "missing.jsonl", "--out", "aar.html"]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('cordon report: cannot read the event log "missing.jsonl": no such file or directory\n');
    expect(await exists(join(dir, "aar.html"))).toBe(false);
  });

  it("refuses a file that is not an event log, naming the line", async () => {
    const lines = serialiseLog(log).split("\n");
    lines[2] = "{ not json";
    await writeFile(join(dir, "broken.jsonl"), lines.join("\n"), "utf8");
    const result = await cordon(["report", "broken.jsonl", "--out", "aar.html"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^cordon report: broken\.jsonl: line 3: not valid JSON/);
    expect(await exists(join(dir, "aar.html"))).toBe(false);

    await writeFile(join(dir, "notes.txt"), "Meeting notes\nnothing here\n", "utf8");
    const text = await cordon(["report", "notes.txt"]);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/^cordon report: notes\.txt: line 1: not valid JSON/);
    expect(text.out).toBe("");
  });

  it("refuses a log whose first event carries no valid scenario", async () => {
    const first = { ...log[0]!, scenario: { id: "broken" } };
    await writeFile(join(dir, "noscenario.jsonl"), serialiseLog([first as (typeof log)[number], ...log.slice(1)]), "utf8");
    const result = await cordon(["report", "noscenario.jsonl"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^cordon report: noscenario\.jsonl: line 1: the "exercise-created" event does not carry a valid scenario at scenario\./);
  });

  it("refuses a wrong format or language, or no log, with the usage and exit 2", async () => {
    const pdf = await cordon(["report", "drill.jsonl", "--format", "pdf", "--out", "aar.pdf"]);
    expect(pdf.code).toBe(2);
    expect(pdf.err).toContain('cordon report: --format must be one of html, json, csv, not "pdf"');
    expect(pdf.err).toContain("Usage: cordon report <log.jsonl>");
    expect(await exists(join(dir, "aar.pdf"))).toBe(false);

    const none = await cordon(["report"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("name one event log file");

    const unknown = await cordon(["report", "drill.jsonl", "--colour"]);
    expect(unknown.code).toBe(2);

    const german = await cordon(["report", "drill.jsonl", "--language", "de"]);
    expect(german.code).toBe(1);
    expect(german.err).toContain(`language "de" is not one of scenario "tiny"'s languages (en, fr)`);
  });

  it("says so when it cannot write the report", async () => {
    const result = await cordon(["report", "drill.jsonl", "--out", "no-such-dir/aar.html"]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('cordon report: cannot write the report to "no-such-dir/aar.html": no such file or directory\n');
  });

  it("is listed in cordon --help", async () => {
    const result = await cordon(["--help"]);
    expect(result.out).toMatch(/report\s+write the after-action report/);
  });
});
