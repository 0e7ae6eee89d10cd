import { describe, expect, it } from "vitest";
import { simulate } from "../../../server/src/core/simulation/simulate.ts";
import { ExerciseRunner } from "../../../server/src/core/engine/runner.ts";
import { fold } from "../../../server/src/core/engine/evolve.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

const count = (events: { type: string }[], type: string) => events.filter((e) => e.type === type).length;

describe("simulated teams", () => {
  it("given the same seed and team, when simulated twice, then the logs are identical", () => {
    const a = simulate(tinyScenario, { seed: 42, team: "cooperative", language: "en" });
    const b = simulate(tinyScenario, { seed: 42, team: "cooperative", language: "en" });
    expect(b.events).toEqual(a.events);
    const c = simulate(tinyScenario, { seed: 43, team: "cooperative", language: "en" });
    expect(c.events).not.toEqual(a.events);
  });

  it("given a simulation's commands, when replayed through a new runner, then they give the same log and state", () => {
    const sim = simulate(tinyScenario, { seed: 5, team: "siloed", language: "fr" });
    const { runner, events } = ExerciseRunner.create({
      exerciseId: sim.events[0]!.type === "exercise-created" ? sim.events[0]!.exerciseId : "",
      scenario: tinyScenario,
      language: "fr",
      seed: 5,
      wallMs: 0
    });
    for (const command of sim.commands) events.push(...runner.handle(command).events);
    expect(events).toEqual(sim.events);
    expect(fold(sim.events)).toEqual(runner.state);
  });

  it.each(["cooperative", "siloed", "slow"] as const)("given the %s team, when simulated, then the exercise runs to ENDEX", (team) => {
    const sim = simulate(tinyScenario, { seed: 1, team, language: "en" });
    expect(sim.events.at(-1)).toMatchObject({ type: "exercise-ended", reason: "duration", x: 60 * 60_000 });
    expect(count(sim.events, "inject-released")).toBeGreaterThanOrEqual(5);
  });

  it("given a cooperative team, then it relays what others need and meets more than the slow team", () => {
    let escalations = 0;
    for (const seed of [1, 2, 3]) {
      const coop = simulate(tinyScenario, { seed, team: "cooperative", language: "en" });
      const slow = simulate(tinyScenario, { seed, team: "slow", language: "en" });
      expect(coop.events.some((e) => e.type === "info-shared" && e.to.includes("fire-ems"))).toBe(true);
      expect(count(coop.events, "expectation-met")).toBeGreaterThan(count(slow.events, "expectation-met"));
      expect(coop.events.some((e) => e.type === "inject-released" && e.inject === "escalation")).toBe(false);
      if (slow.events.some((e) => e.type === "inject-released" && e.inject === "escalation")) escalations++;
    }
    // At a third of the speed the relay usually misses its 6-minute deadline and the escalation follows.
    expect(escalations).toBeGreaterThanOrEqual(2);
  });

  it("given a siloed team, then it never shares and a second role claims the same tasks", () => {
    const sim = simulate(tinyScenario, { seed: 9, team: "siloed", language: "en" });
    expect(count(sim.events, "info-shared")).toBe(0);
    expect(count(sim.events, "methane-sent")).toBe(0);
    const claims = sim.events.filter((e) => e.type === "task-claimed");
    const rolesPerTask = new Map<string, Set<string>>();
    for (const c of claims) rolesPerTask.set(c.task, (rolesPerTask.get(c.task) ?? new Set()).add(c.role));
    expect([...rolesPerTask.values()].some((roles) => roles.size >= 2)).toBe(true);
  });
});
