/** The hand-written MSEL fixtures, as facilitators write them, imported end to end. */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { importMsel } from "../../../server/src/core/scenario/msel-import.ts";
import { parseRoleMapping } from "../../../server/src/core/scenario/msel-roles.ts";
import { formatMselProblem } from "../../../server/src/core/scenario/msel-problem.ts";
import { validateScenarioObject } from "../../../server/src/core/scenario/validate.ts";

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/msel/${name}`, import.meta.url), "utf8");

describe("English HSEEP-style MSEL (title block, clock times, STARTEX/ENDEX, admin, milestone and contingency rows)", () => {
  const result = importMsel(fixture("winter-lights-en.csv"), { sourceName: "winter-lights-en.csv" });
  const s = result.scenario;
  const inject = (id: string) => s?.injects.find((i) => i.id === id);

  it("when imported, then there are no errors and the scenario passes the validator", () => {
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(s).toBeDefined();
    expect(validateScenarioObject(result.document, "winter-lights.yaml").problems).toEqual([]);
  });

  it("when imported, then clock times count from the STARTEX row's 14:00 and ENDEX at 15:00 sets the duration", () => {
    expect(s?.duration).toBe(60);
    expect(s?.injects.map((i) => [i.id, i.at])).toEqual([
      ["inject-1", 2],
      ["inject-2", 4],
      ["inject-3", 6],
      ["inject-4", 8],
      ["inject-5", 12],
      ["inject-6", 22],
      ["inject-7", undefined],
      ["inject-8", 35],
      ["inject-9", 45]
    ]);
  });

  it("when imported, then the contingency row waits for the facilitator", () => {
    expect(inject("inject-7")?.trigger).toEqual({ facilitator: true });
  });

  it("when imported, then milestone rows become phases with their questions, and admin/comment rows are skipped with their row numbers", () => {
    expect(s?.phases.map((p) => [p.id, p.start, p.questions.map((q) => q.en)])).toEqual([
      ["phase-1-initial-response", 0, ["Who leads at the scene?", "Where is the rendezvous point?"]],
      ["phase-2-consequence-management", 20, ["Is a reception centre open for families?"]]
    ]);
    const skipped = result.problems.filter((p) => /not (imported as )?an inject/.test(p.message)).map((p) => p.row);
    expect(skipped).toEqual([3, 4, 9, 18]);
  });

  it("when imported, then free-text recipients map to roles and 'All players' reaches every role", () => {
    expect(inject("inject-1")?.to).toEqual(["police"]);
    expect(inject("inject-2")?.to).toEqual(["fire-ems"]);
    expect(inject("inject-3")?.to).toEqual(["communication"]);
    expect(inject("inject-4")?.to).toEqual(["municipality"]);
    expect(inject("inject-6")?.to).toEqual(["police", "fire-ems", "municipality"]);
    expect(inject("inject-9")?.to).toEqual(["police", "municipality", "fire-ems", "communication"]);
    expect(s?.roles.map((r) => r.kind)).toEqual(["police", "municipality", "fire-ems", "communication"]);
  });

  it("when imported, then methods map to channels", () => {
    expect(s?.injects.map((i) => i.channel)).toEqual([
      "citizen-report", "radio", "phone", "cctv", "social-media", "radio", "phone", "email", "briefing"
    ]);
  });

  it("when imported, then a quoted multi-line message keeps its line break", () => {
    expect(inject("inject-1")?.content.en).toContain("on the square!\nPeople are lying on the ground");
  });

  it("when imported, then expected actions become expectations led by the first recipient or the role named before a colon", () => {
    expect(inject("inject-1")?.expectations.map((e) => [e.lead, e.action, e.target])).toEqual([
      ["police", { action: "acknowledge" }, 10],
      ["police", { action: "deploy", unitType: "armed-response" }, 5],
      ["police", { action: "share", to: ["fire-ems"] }, 10]
    ]);
    expect(inject("inject-6")?.expectations.map((e) => [e.lead, e.action, e.target])).toEqual([
      ["police", { action: "set-cordon", zone: "incident-zone", level: "hot" }, 5],
      ["fire-ems", { action: "deploy", unitType: "hart", zone: "staging-area" }, 10]
    ]);
    expect(inject("inject-9")?.expectations.map((e) => [e.lead, e.action])).toEqual([
      ["communication", { action: "public-message", topic: "all-clear" }]
    ]);
  });

  it("when an expected action cannot be read, then it is a warning at its cell and the text stays in the message", () => {
    const warning = result.problems.find((p) => p.severity === "warning" && p.message.includes("speculate"));
    expect(warning && formatMselProblem("winter-lights-en.csv", warning)).toMatch(/^winter-lights-en\.csv:8:I: warning: expected action "do not speculate about motive"/);
    expect(inject("inject-3")?.content.en).toContain("Expected action (not scored): do not speculate about motive");
  });

  it("when imported, then every deploy expectation's lead owns a unit of the type it must deploy", () => {
    for (const i of s?.injects ?? []) {
      for (const e of i.expectations.filter((x) => x.action.action === "deploy")) {
        const role = s?.roles.find((r) => r.id === e.lead);
        expect(role?.units.some((u) => e.action.unitType === undefined || u.type === e.action.unitType)).toBe(true);
      }
    }
  });
});

describe("French MSEL with ';' separators, a byte-order mark and mixed time formats", () => {
  const text = fixture("marche-noel-fr.csv");

  it("given no role mapping, when imported, then the unknown recipient is an error at its row and column, and no scenario is produced", () => {
    const result = importMsel(text, { sourceName: "marche-noel-fr.csv" });
    expect(result.scenario).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === "error").map((p) => formatMselProblem("marche-noel-fr.csv", p));
    expect(errors).toEqual([expect.stringMatching(/^marche-noel-fr\.csv:9:D: unknown recipient "Préfecture"/)]);
  });

  it("given the mapping file, when imported, then the text is French, times are read in every format and the extra role exists", () => {
    const { mapping, problems } = parseRoleMapping(parseYaml(fixture("roles-fr.yaml")));
    expect(problems).toEqual([]);
    const result = importMsel(text, { sourceName: "marche-noel-fr.csv", mapping });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const s = result.scenario;
    expect(s?.languages).toEqual(["fr"]);
    expect(s?.duration).toBe(60);
    expect(s?.injects.map((i) => i.at)).toEqual([3, 5, 8, 20, 25, 30]);
    expect(s?.injects.map((i) => i.channel)).toEqual(["citizen-report", "radio", "phone", "email", "social-media", "phone"]);
    expect(s?.injects.map((i) => i.to)).toEqual([["police"], ["fire-ems"], ["communication"], ["municipality"], ["communication"], ["prefecture"]]);
    expect(s?.roles.find((r) => r.id === "prefecture")).toMatchObject({ kind: "other", name: { fr: "Préfecture" } });
    expect(s?.phases.map((p) => [p.id, p.start])).toEqual([["opening", 0], ["consolidation", 15]]);
    expect(s?.injects[0]?.content.fr).toBe("Un camion a foncé dans la foule du marché de Noël, place Kléber ; il y a des blessés partout.\nL'appelant est paniqué.");
    expect(s?.injects.flatMap((i) => i.expectations.map((e) => [e.lead, e.action.action, e.action.topic ?? e.action.to ?? e.action.unitType, e.target]))).toEqual([
      ["police", "acknowledge", undefined, 10],
      ["police", "deploy", "patrol", 10],
      ["fire-ems", "methane", ["police", "municipality"], 10],
      ["communication", "public-message", "holding-statement", 10],
      ["municipality", "decision", undefined, 10],
      ["communication", "public-message", "rumour-correction", 10],
      ["prefecture", "share", ["police", "fire-ems"], 10]
    ]);
  });
});
