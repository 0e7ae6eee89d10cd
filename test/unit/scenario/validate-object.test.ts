/**
 * Validating an already-parsed object (a JSON upload over HTTP) and JSON text: the same checks, with paths, and
 * positions 1:1 when there is no source text.
 */
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { formatProblem, parseScenarioText, validateScenarioObject } from "../../../server/src/core/scenario/validate.ts";
import { MINIMAL_TEXT, positionOf } from "./scenario-text.ts";

function minimalObject(): Record<string, unknown> {
  return parse(MINIMAL_TEXT) as Record<string, unknown>;
}

describe("validateScenarioObject", () => {
  it("accepts the minimal scenario as data and applies defaults", () => {
    const { scenario, problems } = validateScenarioObject(minimalObject(), "upload.json");
    expect(problems).toEqual([]);
    expect(scenario?.branches[0]?.id).toBe("ring-road-decision");
    expect(scenario?.site.zones[1]?.state).toBe("normal");
  });

  it("reports structural problems by path at 1:1", () => {
    // given an upload whose first inject goes to nobody
    const data = minimalObject();
    (data.injects as { to: string[] }[])[0]!.to = [];
    // when validated
    const { scenario, problems } = validateScenarioObject(data, "upload.json");
    // then the path locates it
    expect(scenario).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual(["upload.json:1:1: injects[0].to: must not be empty"]);
  });

  it("reports semantic problems by path", () => {
    const data = minimalObject();
    const crowdSurge = (data.injects as Record<string, unknown>[])[2]!;
    crowdSurge.trigger = { onMissed: "nobody-expects-this" };
    const { problems } = validateScenarioObject(data, "upload.json");
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'injects[2].trigger.onMissed: unknown expectation "nobody-expects-this" (known: police-armed-response, police-methane, ems-ambulance, police-inner-cordon, comms-holding-statement, police-close-ring-road)'
    ]);
  });

  it("refuses values that are not a scenario mapping", () => {
    for (const value of [null, undefined, 42, "text", [], [minimalObject()]]) {
      const { scenario, problems } = validateScenarioObject(value, "upload.json");
      expect(scenario).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 1, column: 1, path: "", message: expect.stringMatching(/^a scenario must be a mapping/) });
    }
  });

  it("reports a non-finite number (as JSON.parse cannot produce, but an object can hold)", () => {
    const data = minimalObject();
    data.duration = Number.POSITIVE_INFINITY;
    const { problems } = validateScenarioObject(data, "upload.json");
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(["duration: expected a number, got the number Infinity"]);
  });
});

describe("parseScenarioText on JSON", () => {
  it("accepts a scenario written as JSON, indented with tabs", () => {
    const text = JSON.stringify(minimalObject(), null, "\t");
    expect(parseScenarioText(text, "minimal.json").problems).toEqual([]);
  });

  it("locates a problem in JSON text", () => {
    // given the scenario as JSON with an unknown channel
    const text = JSON.stringify(minimalObject(), null, 2).replace('"channel": "phone"', '"channel": "fax"');
    // when validated
    const [problem] = parseScenarioText(text, "minimal.json").problems;
    // then it is reported at the JSON value
    const { line, column } = positionOf(text, '"fax"');
    expect([problem?.line, problem?.column, problem?.path]).toEqual([line, column, "injects[1].channel"]);
  });
});

describe("parseScenarioText never throws", () => {
  it("returns problems for any text made of YAML's special characters", () => {
    // given arbitrary strings over the characters that drive YAML's grammar
    const yamlish = fc.string({
      unit: fc.constantFrom("-", " ", ":", "[", "]", "{", "}", ",", "&a", "*a", "!", "|", ">", "'", '"', "#", "\n", "\t", "? ", "---", "id", "x", "1", "%"),
      maxLength: 200
    });
    // when validated, then the result is well formed: a scenario, or located problems
    fc.assert(
      fc.property(yamlish, (text) => {
        const { scenario, problems } = parseScenarioText(text, "fuzz.yaml");
        expect(scenario === undefined).toBe(problems.length > 0);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 42 }
    );
  });

  it("returns problems for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const { scenario, problems } = validateScenarioObject(value, "fuzz.json");
        expect(scenario).toBeUndefined();
        expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 7 }
    );
  });
});
