/**
 * Properties of scoring over random small exercises (see random-exercise.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { score } from "../../../server/src/core/scoring/score.ts";
import { exerciseSpec, logOf, ROLES, scenarioOf, type ExerciseSpec } from "./random-exercise.ts";

const RUNS = { numRuns: 150 };

function scoreSpec(spec: ExerciseSpec) {
  const scenario = scenarioOf(spec);
  return score(scenario, logOf(scenario, spec));
}

/** Whether `after` >= `before`, where null (nothing judged) is matched by anything. */
const atLeast = (after: number | null, before: number | null) => before === null || (after !== null && after >= before);
/** Whether `after` <= `before`; from nothing judged (null), the only allowed judgement is 0. */
const notAbove = (after: number | null, before: number | null) =>
  after === null || (before === null ? after === 0 : after <= before);

describe("scoring properties", () => {
  it("given any exercise, when one acknowledgement or response comes earlier (or at all), then the speed score never drops", () => {
    fc.assert(
      fc.property(exerciseSpec, fc.nat(), fc.nat(), fc.boolean(), (spec, pick, newLatency, pickAck) => {
        const later = scoreSpec(spec);
        const earlier: ExerciseSpec = structuredClone(spec);
        const slots = pickAck
          ? earlier.acks.flatMap((row, i) => row.map((_, k) => ({ get: () => earlier.acks[i]![k]!, set: (v: number) => (earlier.acks[i]![k] = v) })))
          : earlier.responses.flatMap((row) => row.map((r) => ({ get: () => r.latency, set: (v: number) => (r.latency = v) })));
        if (slots.length === 0) return;
        const slot = slots[pick % slots.length]!;
        const current = slot.get();
        // Earlier than now; "never" (null) becomes some response at all.
        slot.set(current === null ? newLatency % 41 : newLatency % (current + 1));
        const after = scoreSpec(earlier);
        expect(atLeast(after.dimensions.speed, later.dimensions.speed)).toBe(true);
      }),
      RUNS
    );
  });

  it("given any exercise, when one more expectation is missed, then the overall index never rises", () => {
    fc.assert(
      fc.property(
        exerciseSpec,
        fc.nat(),
        fc.integer({ min: 0, max: ROLES.length - 1 }),
        fc.constantFrom("set-cordon", "evacuate", "close-road", "public-message", "methane", "decision"),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 3 }),
        (spec, injectPick, lead, kind, target, weight) => {
          const before = scoreSpec(spec);
          const more: ExerciseSpec = structuredClone(spec);
          const i = injectPick % more.injects.length;
          more.injects[i]!.expectations.push({ lead, support: [], kind, arg: 0, target, deadlineFactor: 2, weight, jesip: "communicate" });
          more.responses[i]!.push({ latency: null, byOffset: 0 });
          const after = scoreSpec(more);
          expect(after.division.gaps.missed).toBe(before.division.gaps.missed + 1);
          expect(notAbove(after.overall, before.overall)).toBe(true);
          for (const d of ["speed", "coordination", "division"] as const) {
            expect(notAbove(after.dimensions[d], before.dimensions[d])).toBe(true);
          }
        }
      ),
      RUNS
    );
  });

  it("given any exercise, when the roles are renamed consistently (changing their sort order), then no total changes", () => {
    // role-a → zulu-4 ... role-d → zulu-1: the sorted order of roles is reversed.
    const rename = new Map<string, string>(ROLES.map((r, i) => [r, `zulu-${ROLES.length - i}`]));
    const renameDeep = <T>(value: T): T =>
      JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" && rename.has(v) ? rename.get(v) : v)) as T;
    fc.assert(
      fc.property(exerciseSpec, (spec) => {
        const scenario = scenarioOf(spec);
        const events = logOf(scenario, spec);
        const card = score(scenario, events);
        const renamedScenario = Scenario.parse(renameDeep(scenario));
        const renamed = score(renamedScenario, renameDeep(events).map((e: ExerciseEvent) => (e.type === "exercise-created" ? { ...e, scenario: renamedScenario } : e)));
        expect(renamed.overall).toBe(card.overall);
        expect(renamed.dimensions).toEqual(card.dimensions);
        expect(renamed.speed.components).toEqual(card.speed.components);
        expect(renamed.coordination.components).toEqual(card.coordination.components);
        expect(renamed.division.components).toEqual(card.division.components);
        expect(renamed.speed.overall).toEqual(card.speed.overall);
        expect(renamed.division.duplicates.duplicated).toBe(card.division.duplicates.duplicated);
        expect(renamed.coordination.network.fragmentation).toBe(card.coordination.network.fragmentation);
        expect(renamed.findings.map((f) => f.code).sort()).toEqual(card.findings.map((f) => f.code).sort());
        // Each role keeps its own scores under its new name.
        for (const group of card.breakdown.byRole) {
          const same = renamed.breakdown.byRole.find((g) => g.key === rename.get(group.key))!;
          expect({ ...same, key: group.key }).toEqual(group);
        }
      }),
      RUNS
    );
  });

  it("given the same scenario and log (even as fresh copies), when scored twice, then the cards are identical", () => {
    fc.assert(
      fc.property(exerciseSpec, fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }), (spec, asOfMin) => {
        const scenario = scenarioOf(spec);
        const events = logOf(scenario, spec);
        const options = asOfMin === undefined ? {} : { asOf: asOfMin * 60_000 };
        const first = score(scenario, events, options);
        const second = score(structuredClone(scenario), structuredClone(events), options);
        expect(second).toEqual(first);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      RUNS
    );
  });

  it("given any exercise scored at any moment, then every score lies in 0–100 and every credit in 0–1", () => {
    fc.assert(
      fc.property(exerciseSpec, fc.integer({ min: 0, max: 200 }), (spec, asOfMin) => {
        const scenario = scenarioOf(spec);
        const card = score(scenario, logOf(scenario, spec), { asOf: asOfMin * 60_000 });
        const scores = [card.overall, ...Object.values(card.dimensions), ...card.breakdown.byRole.flatMap((g) => [g.overall, g.speed, g.coordination, g.division])];
        for (const s of scores) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
        const components = [card.speed.components, card.coordination.components, card.division.components].flatMap((c) => Object.values(c));
        for (const c of components) if (c !== null) expect(c >= 0 && c <= 1).toBe(true);
        // Nothing is judged before its deadline: no expectation counts as missed without a missed event in the log.
        expect(card.speed.expectations.filter((e) => e.status === "missed").every((e) => e.outcome!.x <= card.asOf)).toBe(true);
      }),
      RUNS
    );
  });
});
