/** `cordon msel import|export` through the real CLI entry point, on real files in a temporary folder. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../server/src/cli/main.ts";
import type { CliIo } from "../../../server/src/cli/command.ts";
import { parseScenarioText } from "../../../server/src/core/scenario/validate.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "cordon-msel-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cordon(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n"), isTty: false, cwd: repo };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe("cordon msel", () => {
  it("given the English fixture, when imported without --out, then a valid scenario YAML goes to standard output and a summary to standard error", async () => {
    const { code, out, err } = await cordon("msel", "import", "test/fixtures/msel/winter-lights-en.csv", "--id", "winter-lights", "--title", "Winter Lights");
    expect(code).toBe(0);
    const { scenario, problems } = parseScenarioText(out, "stdout.yaml");
    expect(problems).toEqual([]);
    expect(scenario?.id).toBe("winter-lights");
    expect(scenario?.title).toEqual({ en: "Winter Lights" });
    expect(out).toContain("# Imported from test/fixtures/msel/winter-lights-en.csv");
    expect(err).toContain("test/fixtures/msel/winter-lights-en.csv: 9 injects, 15 expectations, 2 phases, 60 min");
    expect(err).toContain("test/fixtures/msel/winter-lights-en.csv:8:I: warning: expected action");
  });

  it("given an unknown recipient, when imported with --out, then the error is printed as file:row:column, the exit code is 1 and nothing is written", async () => {
    const target = join(work, "should-not-exist.yaml");
    const { code, err } = await cordon("msel", "import", "test/fixtures/msel/marche-noel-fr.csv", "--out", target);
    expect(code).toBe(1);
    expect(err).toMatch(/^test\/fixtures\/msel\/marche-noel-fr\.csv:9:D: unknown recipient "Préfecture"/m);
    expect(err).toContain("1 error; nothing written");
    expect(existsSync(target)).toBe(false);
  });

  it("given the French fixture and its mapping, when imported with --out, then the file is written and valid", async () => {
    const target = join(work, "marche.yaml");
    const { code } = await cordon("msel", "import", "test/fixtures/msel/marche-noel-fr.csv", "--roles", "test/fixtures/msel/roles-fr.yaml", "--out", target);
    expect(code).toBe(0);
    const { scenario, problems } = parseScenarioText(readFileSync(target, "utf8"), target);
    expect(problems).toEqual([]);
    expect(scenario?.languages).toEqual(["fr"]);
    expect(scenario?.roles.map((r) => r.id)).toContain("prefecture");
  });

  it("given a scenario file, when exported and imported back with it as base, then the YAML describes the same scenario", async () => {
    const csv = join(work, "minimal.csv");
    const yaml = join(work, "minimal-again.yaml");
    const exported = await cordon("msel", "export", "test/fixtures/scenarios/minimal.yaml", "--out", csv, "--separator", ";");
    expect(exported.code).toBe(0);
    expect(readFileSync(csv, "utf8").split("\r\n")[0]).toBe("\uFEFF#;Type;Scenario time;From;To;Method;Subject;Message;Expected action;Notes;id;trigger;recipient_ids;needs;confirms;expectations;effects");
    const imported = await cordon("msel", "import", csv, "--base", "test/fixtures/scenarios/minimal.yaml", "--out", yaml);
    expect(imported.code).toBe(0);
    const original = parseScenarioText(readFileSync(join(repo, "test/fixtures/scenarios/minimal.yaml"), "utf8"), "minimal.yaml").scenario;
    const again = parseScenarioText(readFileSync(yaml, "utf8"), yaml);
    expect(again.problems).toEqual([]);
    expect(again.scenario).toEqual(original);
  });

  it("given a bad mapping file, when importing, then each problem names the mapping file and key, and nothing is imported", async () => {
    const mapping = join(work, "bad-roles.yaml");
    writeFileSync(mapping, 'roles:\n  "Bad Id": [x]\nkinds:\n  x: army\n');
    const { code, out, err } = await cordon("msel", "import", "test/fixtures/msel/winter-lights-en.csv", "--roles", mapping);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain(`${mapping}: roles.Bad Id: a role id is lower-case letters, digits and dashes`);
    expect(err).toContain(`${mapping}: kinds.x: Invalid option`);
  });

  it("given no sub-command or a bad separator, when run, then it is a usage error", async () => {
    expect((await cordon("msel")).code).toBe(2);
    expect((await cordon("msel", "export", "test/fixtures/scenarios/minimal.yaml", "--separator", "|")).code).toBe(2);
    expect((await cordon("msel", "import", join(work, "missing.csv"))).err).toContain("no such file");
  });
});
