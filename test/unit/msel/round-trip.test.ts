/**
 * import(export(S)) must give back every inject and expectation of S: ids, times, triggers, recipients, content in
 * every language, expectations with all their fields. With the scenario as base, the whole scenario comes back.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Inject, Scenario } from "../../../server/src/core/scenario/schema.ts";
import { parseScenarioText } from "../../../server/src/core/scenario/validate.ts";
import { exportMsel, exportMselCsv } from "../../../server/src/core/scenario/msel-export.ts";
import { writeCsv } from "../../../server/src/core/scenario/csv.ts";
import { importMsel } from "../../../server/src/core/scenario/msel-import.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

const MACHINE_COLUMNS = ["id", "trigger", "recipient_ids", "needs", "confirms", "expectations", "effects"];

function loadYaml(path: string): Scenario {
  const { scenario, problems } = parseScenarioText(readFileSync(path, "utf8"), path);
  expect(problems).toEqual([]);
  return scenario as Scenario;
}

const libraryDir = new URL("../../../scenarios/", import.meta.url);
const libraryFiles = readdirSync(libraryDir).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"));

const fixtures: [string, Scenario][] = [
  ["test/fixtures/scenarios/minimal.yaml", loadYaml(new URL("../../fixtures/scenarios/minimal.yaml", import.meta.url).pathname)],
  ["test/fixtures/tiny-scenario.ts (en, fr)", tinyScenario]
];

function withoutSchemaKey(s: Scenario): Scenario {
  const copy = { ...s };
  delete copy.$schema;
  return copy;
}

/** What survives without a base scenario: everything of the injects, but a branch's injects wait for the facilitator. */
function injectsWithoutBranches(injects: readonly Inject[]): Inject[] {
  return injects.map((inject) =>
    inject.trigger && "onBranch" in inject.trigger ? { ...inject, trigger: { facilitator: true } } : inject
  );
}

function roundTrip(name: string, scenario: Scenario): void {
  describe(`round trip of ${name}`, () => {
    it("has injects with expectations to carry (the fixture is not trivially empty)", () => {
      expect(scenario.injects.length).toBeGreaterThan(0);
      expect(scenario.injects.some((i) => i.expectations.length > 0)).toBe(true);
    });

    for (const language of scenario.languages) {
      it(`given the scenario exported in ${language}, when imported with the scenario as base, then the whole scenario comes back`, () => {
        const csv = exportMselCsv(scenario, { language });
        const result = importMsel(csv, { base: scenario, sourceName: "exported.csv" });
        expect(result.problems.filter((p) => p.severity !== "note")).toEqual([]);
        expect(result.scenario?.injects).toEqual(scenario.injects);
        expect(result.scenario?.phases).toEqual(scenario.phases);
        expect(result.scenario?.duration).toBe(scenario.duration);
        expect(result.scenario).toEqual(withoutSchemaKey(scenario));
      });
    }

    for (const language of scenario.languages) {
      it(`given the ${language} sheet without its machine columns (as a facilitator might keep it), when imported with the base, then every expectation is read back from the text`, () => {
        const rows = exportMsel(scenario, { language });
        const header = rows[0] as string[];
        const humanAndTexts = header.flatMap((h, k) => (MACHINE_COLUMNS.includes(h) ? [] : [k]));
        const result = importMsel(writeCsv(rows.map((r) => humanAndTexts.map((k) => r[k] as string))), { base: scenario });
        expect(result.problems.filter((p) => p.severity === "error" || p.message.includes("expected action"))).toEqual([]);
        const readable = (s: Scenario | undefined) =>
          (s?.injects ?? []).flatMap((i) => i.expectations.map((e) => [e.lead, e.action, e.target, e.description?.[language]]));
        expect(readable(result.scenario)).toEqual(readable(scenario));
      });
    }

    it("given the scenario exported with ';' separators, when imported without a base, then every inject and expectation comes back", () => {
      const csv = exportMselCsv(scenario, { separator: ";" });
      const result = importMsel(csv, { sourceName: "exported.csv" });
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(result.scenario?.injects).toEqual(injectsWithoutBranches(scenario.injects));
      expect(result.scenario?.languages).toEqual(scenario.languages);
      expect(result.scenario?.phases).toEqual(scenario.phases);
      expect(result.scenario?.duration).toBe(scenario.duration);
      expect(result.scenario?.roles.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(["communication", "fire-ems", "municipality", "police"]));
      // The placeholder site holds every zone and road the injects refer to.
      const zones = result.scenario?.site.zones.map((z) => z.id) ?? [];
      for (const zone of scenario.site.zones.map((z) => z.id)) {
        if (JSON.stringify(scenario.injects).includes(`"${zone}"`)) expect(zones).toContain(zone);
      }
    });
  });
}

for (const [name, scenario] of fixtures) roundTrip(name, scenario);

describe("round trip of the scenario library", () => {
  it("lists the library folder (it may still be empty)", () => {
    expect(Array.isArray(libraryFiles)).toBe(true);
  });
});
for (const file of libraryFiles) roundTrip(`scenarios/${file}`, loadYaml(new URL(file, libraryDir).pathname));
