/**
 * Structural problems (the zod schema): wrong types, unknown and missing keys, enum values, union forms. Each is
 * reported at the YAML node it concerns, with a message that says what is allowed.
 */
import { describe, expect, it } from "vitest";
import { formatProblem, parseScenarioText } from "../../../server/src/core/scenario/validate.ts";
import { minimalWith, positionOf, problemsOf } from "./scenario-text.ts";

describe("parseScenarioText structural problems", () => {
  it("accepts the minimal fixture and applies defaults", () => {
    // given the minimal fixture, when validated
    const { scenario, problems } = parseScenarioText(minimalWith(), "minimal.yaml");
    // then it is valid, and defaulted fields are filled in
    expect(problems).toEqual([]);
    expect(scenario?.id).toBe("minimal-market");
    expect(scenario?.site.zones[0]?.state).toBe("normal");
    expect(scenario?.injects[0]?.expectations[0]?.support).toEqual([]);
    expect(scenario?.injects[1]?.trigger).toEqual({ onAction: { action: "methane", role: "police" }, after: "van-into-crowd", delay: 1 });
  });

  it("reports an unknown key at the key, listing the allowed keys", () => {
    // given a misspelt key in an inject
    const text = minimalWith(["    channel: cctv\n", "    chanel: cctv\n"]);
    // when validated
    const problems = problemsOf(text);
    // then the unknown key is reported at the key, and the missing one at the inject that lacks it
    expect(problems.map(formatProblem)).toEqual([
      `test.yaml:${positionOf(text, "id: crowd-surge").line}:5: injects[2].channel: missing required key (one of: radio, phone, email, social-media, press, cctv, sensor, citizen-report, briefing)`,
      `test.yaml:${positionOf(text, "chanel").line}:5: injects[2].chanel: unknown key "chanel" (allowed here: id, at, trigger, to, channel, from, title, content, effects, needs, confirms, expectations)`
    ]);
  });

  it("reports a value outside an enum, listing the allowed values", () => {
    const text = minimalWith(["channel: social-media", "channel: tiktok"]);
    const [problem] = problemsOf(text);
    expect(formatProblem(problem!)).toBe(
      `test.yaml:${positionOf(text, "tiktok").line}:14: injects[3].channel: must be one of: radio, phone, email, social-media, press, cctv, sensor, citizen-report, briefing; got the text "tiktok"`
    );
  });

  it("reports a wrong type with what was expected and what was found", () => {
    const text = minimalWith(["duration: 60", "duration: one hour"]);
    expect(problemsOf(text).map(formatProblem)).toEqual(['test.yaml:12:11: duration: expected a number, got the text "one hour"']);
  });

  it("reports a malformed id with the id rule", () => {
    const text = minimalWith(["- id: market-square", "- id: Market_Square"]);
    const { line, column } = positionOf(text, "Market_Square");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: site.zones[0].id: must be a lower-case id: letters, digits and dashes, at most 64 characters; got the text "Market_Square"`
    ]);
  });

  it("reports a number out of range", () => {
    const text = minimalWith(["  width: 800", "  width: -5"]);
    expect(problemsOf(text).map(formatProblem)).toEqual(["test.yaml:23:10: site.width: must be greater than 0, got the number -5"]);
  });

  it("reports an empty list that must have items", () => {
    const text = minimalWith(["    to: [fire-ems]\n", "    to: []\n"]);
    const { line, column } = positionOf(text, "[]", "id: ambulances-tasked");
    expect(problemsOf(text).map(formatProblem)).toEqual([`test.yaml:${line}:${column}: injects[1].to: must not be empty`]);
  });

  it("reports a point that is not a pair of numbers", () => {
    const text = minimalWith(["at: [350, 60]", "at: [350]"]);
    const { line, column } = positionOf(text, "[350]");
    expect(problemsOf(text).map(formatProblem)).toEqual([`test.yaml:${line}:${column}: site.pois[0].at: needs at least 2 items (has 1)`]);
  });

  it("reports a missing required key at the mapping that lacks it", () => {
    // given an expectation without its JESIP principle
    const text = minimalWith(["        target: 8\n        jesip: jointly-understand-risk\n", "        target: 8\n"]);
    // when validated, then the problem is at the expectation's first key
    const { line, column } = positionOf(text, "id: ems-ambulance");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: injects[1].expectations[0].jesip: missing required key (one of: co-locate, communicate, co-ordinate, jointly-understand-risk, shared-situational-awareness)`
    ]);
  });

  it("reports a trigger mixing two forms against the form it most resembles", () => {
    // given an escalation that also says `after`, which only onAction and onCondition triggers have
    const text = minimalWith(["trigger: { onMissed: police-armed-response }", "trigger: { onMissed: police-armed-response, after: van-into-crowd }"]);
    const { line, column } = positionOf(text, "after: van-into-crowd }");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: injects[2].trigger.after: unknown key "after" (allowed here: onMissed, delay)`
    ]);
  });

  it("reports a trigger of no known form by listing the forms", () => {
    const text = minimalWith(["trigger: { onMissed: police-armed-response }", "trigger: { whenever: true }"]);
    // (a flow mapping starts at its opening brace)
    const { line, column } = positionOf(text, "{ whenever");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: injects[2].trigger: must be one of: { onAction, after?, delay? } | { onMissed, delay? } | { onCondition, after?, delay? } | { onBranch } | { facilitator }; found keys: whenever`
    ]);
  });

  it("reports a missing shape by listing the forms it may take", () => {
    const text = minimalWith(["      shape: { rect: { x: 200, y: 150, w: 300, h: 200 } }\n", ""]);
    const { line, column } = positionOf(text, "id: market-square");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: site.zones[0].shape: missing required key (one of: { rect } | { polygon })`
    ]);
  });

  it("reports a wrong type inside the trigger form that was meant", () => {
    const text = minimalWith(["      delay: 1\n", "      delay: soon\n"]);
    const { line, column } = positionOf(text, "soon");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: injects[1].trigger.delay: expected a number, got the text "soon"`
    ]);
  });

  it("reports a bad language code as a key problem", () => {
    const text = minimalWith(["title: { en: Initial response }", "title: { EN: Initial response }"]);
    const { line, column } = positionOf(text, "EN:");
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `test.yaml:${line}:${column}: phases[0].title.EN: invalid key: must be a two-letter language code; got the text "EN"`
    ]);
  });

  it("reports every structural problem in one pass, in file order", () => {
    const text = minimalWith(["duration: 60", "duration: -1"], ["      kind: street", "      kind: avenue"], ["channel: phone", "channel: pigeon"]);
    expect(problemsOf(text).map((p) => p.path)).toEqual(["duration", "site.zones[1].kind", "injects[1].channel"]);
  });

  it("points through an alias at the alias", () => {
    // given a unit list shared by an anchor and reused by an alias with a wrong speed
    const text = minimalWith(
      ["      - { id: stewards-1, type: stewards, home: [380, 120], speed: 1.5 }", "      - &walker { id: stewards-1, type: stewards, home: [380, 120], speed: fast }"],
      ["      - { id: press-officer-1, type: press-officer, home: [60, 400], speed: 1.4 }", "      - *walker"]
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      `${positionOf(text, "fast").line}:${positionOf(text, "fast").column} roles[1].units[0].speed`,
      `${positionOf(text, "*walker").line}:${positionOf(text, "*walker").column} roles[3].units[0].speed`
    ]);
  });
});
