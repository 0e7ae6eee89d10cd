/**
 * `cordon validate`, `cordon list` and `cordon schema`, run through runCli with captured output, plus one smoke
 * test of the real executable.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../../server/src/cli/command.ts";
import { runCli } from "../../../server/src/cli/main.ts";
import { scenarioJsonSchemaText } from "../../../server/src/core/scenario/json-schema.ts";
import { MINIMAL_TEXT, minimalWith, positionOf } from "./scenario-text.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cordon(args: string[], cwd = REPO): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, cwd };
  const code = await runCli(args, io);
  const join = (lines: string[]) => lines.map((t) => (t.endsWith("\n") ? t : t + "\n")).join("");
  return { code, out: join(out), err: join(err) };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cordon-cli-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cordon validate", () => {
  it("prints one OK line per valid file and exits 0", async () => {
    const result = await cordon(["validate", "test/fixtures/scenarios/minimal.yaml"]);
    expect(result).toEqual({
      code: 0,
      out: "test/fixtures/scenarios/minimal.yaml: OK (minimal-market: 6 injects, 4 roles, 60 min)\n",
      err: ""
    });
  });

  it("reports every problem of every file as file:line:column: path: message and exits 1", async () => {
    // given a valid file and a file with two semantic problems
    const text = minimalWith(["to: [police, municipality]\n    channel: radio", "to: [police, polise]\n    channel: radio"], ["    at: 20\n", "    at: 61\n"]);
    await writeFile(join(dir, "bad.yaml"), text);
    await writeFile(join(dir, "good.yaml"), MINIMAL_TEXT);
    // when both are validated
    const result = await cordon(["validate", "bad.yaml", "good.yaml"], dir);
    // then the problems go to stderr with their positions, the OK line to stdout
    const role = positionOf(text, "polise");
    const at = positionOf(text, "61");
    expect(result.code).toBe(1);
    expect(result.out).toBe("good.yaml: OK (minimal-market: 6 injects, 4 roles, 60 min)\n");
    expect(result.err).toBe(
      `bad.yaml:${role.line}:${role.column}: injects[0].to[1]: unknown role "polise" (known: police, municipality, fire-ems, communication)\n` +
        `bad.yaml:${at.line}:${at.column}: injects[4].at: at 61 min is after the end of the exercise (duration 60 min)\n` +
        "1 of 2 files have problems (2 problems in all)\n"
    );
  });

  it("checks every YAML file in a folder, hostile ones included", async () => {
    const result = await cordon(["validate", "test/fixtures/scenarios/broken"]);
    expect(result.code).toBe(1);
    expect(result.out).toBe("");
    expect(result.err).toBe(
      [
        'test/fixtures/scenarios/broken/alias-bomb.yaml:3:10: (root): aliases expand to too much data (more than 100 alias expansions): refused as a possible "billion laughs" attack',
        "test/fixtures/scenarios/broken/not-a-mapping.yaml:2:1: (root): a scenario must be a mapping of keys to values, got a list of 2 items",
        'test/fixtures/scenarios/broken/syntax-error.yaml:5:1: (root): YAML syntax error: Missing closing "quote',
        "test/fixtures/scenarios/broken/two-documents.yaml:2:1: (root): a scenario file holds exactly one YAML document, but a second one starts here (after ---)",
        "4 of 4 files have problems (4 problems in all)",
        ""
      ].join("\n")
    );
  });

  it("reports a file that does not exist", async () => {
    const result = await cordon(["validate", "no-such-scenario.yaml"], dir);
    expect(result).toEqual({ code: 1, out: "", err: "no-such-scenario.yaml:1:1: (root): no such file\n" });
  });

  it("exits 2 with the usage when no file is named or an option is unknown", async () => {
    const none = await cordon(["validate"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^cordon validate: name at least one scenario file or folder\n\nUsage: cordon validate/);
    const unknown = await cordon(["validate", "--strict", "x.yaml"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^cordon validate: Unknown option '--strict'/);
  });
});

describe("cordon list", () => {
  beforeEach(async () => {
    await writeFile(join(dir, "market.yaml"), MINIMAL_TEXT);
    await writeFile(
      join(dir, "stadium.yaml"),
      minimalWith(["id: minimal-market", "id: stadium-fan-zone"], ["title:\n  en: Vehicle into the Christmas market (minimal)", "title:\n  en: Fan zone"], ["duration: 60", "duration: 90"])
    );
  });

  it("prints an aligned table of the library", async () => {
    const result = await cordon(["list", "--dir", dir]);
    expect(result).toEqual({
      code: 0,
      err: "",
      out:
        "ID                TITLE                                        LANGUAGES  DURATION  INJECTS  ROLES\n" +
        "minimal-market    Vehicle into the Christmas market (minimal)  en         60 min    6        police, municipality, fire-ems, communication\n" +
        "stadium-fan-zone  Fan zone                                     en         90 min    6        police, municipality, fire-ems, communication\n"
    });
  });

  it("prints JSON with --json", async () => {
    const result = await cordon(["list", "--json", "--dir", "."], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([
      { id: "minimal-market", file: "market.yaml", title: "Vehicle into the Christmas market (minimal)", languages: ["en"], duration: 60, injects: 6, roles: ["police", "municipality", "fire-ems", "communication"] },
      { id: "stadium-fan-zone", file: "stadium.yaml", title: "Fan zone", languages: ["en"], duration: 90, injects: 6, roles: ["police", "municipality", "fire-ems", "communication"] }
    ]);
  });

  it("reports invalid files on stderr, still lists the valid ones, and exits 1", async () => {
    await writeFile(join(dir, "broken.yaml"), "id: [\n");
    const result = await cordon(["list", "--json", "--dir", "."], dir);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.out) as { id: string }[]).map((s) => s.id)).toEqual(["minimal-market", "stadium-fan-zone"]);
    expect(result.err).toMatch(/^broken\.yaml:2:1: \(root\): YAML syntax error: /);
  });

  it("shows the title in the first language when there is no English", async () => {
    await rm(join(dir, "stadium.yaml"));
    const french = minimalWith(["languages: [en]", "languages: [fr]"]).replace(/\{ en: /g, "{ fr: ").replace(/\n(\s+)en: /g, "\n$1fr: ");
    await writeFile(join(dir, "market.yaml"), french);
    const result = await cordon(["list", "--json", "--dir", dir]);
    expect(result.err).toBe("");
    expect((JSON.parse(result.out) as { title: string }[])[0]?.title).toBe("Vehicle into the Christmas market (minimal)");
  });
});

describe("cordon schema", () => {
  it("prints the JSON Schema", async () => {
    const result = await cordon(["schema"]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(scenarioJsonSchemaText());
  });

  it("writes it to a file with --out", async () => {
    const result = await cordon(["schema", "--out", "schema.json"], dir);
    expect(result).toEqual({ code: 0, out: "JSON Schema written to schema.json\n", err: "" });
    expect(await readFile(join(dir, "schema.json"), "utf8")).toBe(scenarioJsonSchemaText());
  });
});

describe("the cordon executable", () => {
  it("validates a file in a real process", async () => {
    // bin/cordon.js run on this Node (24, via vitest), as `npx cordon` would
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ["bin/cordon.js", "validate", "test/fixtures/scenarios/minimal.yaml"], { cwd: REPO });
    expect(stdout).toBe("test/fixtures/scenarios/minimal.yaml: OK (minimal-market: 6 injects, 4 roles, 60 min)\n");
    const failed = await run(process.execPath, ["bin/cordon.js", "validate", "test/fixtures/scenarios/broken/two-documents.yaml"], { cwd: REPO }).catch(
      (error: { code: number; stderr: string }) => error
    );
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^test\/fixtures\/scenarios\/broken\/two-documents\.yaml:2:1: /) });
  });
});
