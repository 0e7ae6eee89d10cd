/**
 * Property tests of the exercise engine: arbitrary command sequences (valid and invalid, from every seat, with wall
 * times that mostly move forward) against the tiny scenario, and against the minimal library fixture when present.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { decide } from "../../../server/src/core/engine/decide.ts";
import { fold } from "../../../server/src/core/engine/evolve.ts";
import { parseLog, serialiseLog } from "../../../server/src/core/engine/log.ts";
import type { Command } from "../../../server/src/core/engine/commands.ts";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { ExerciseState } from "../../../server/src/core/engine/state.ts";
import { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";
import type { Plan, Run, ScenarioIds } from "./arbitraries.ts";
import { clockPlan, idsOf, plan, plannedCommand, runCommands, runPlan } from "./arbitraries.ts";

const MINUTE = 60_000;
/**
 * Fixed so that CI runs are reproducible; fast-check prints the seed and path of any failure. For a longer hunt:
 * CORDON_FC_SEED=<n> CORDON_FC_SCALE=<factor> npx vitest run test/unit/engine/properties.test.ts
 */
const SEED = process.env.CORDON_FC_SEED ? Number(process.env.CORDON_FC_SEED) : 20_251_121;
const SCALE = process.env.CORDON_FC_SCALE ? Number(process.env.CORDON_FC_SCALE) : 1;
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

const REJECTION_CODES = ["malformed", "forbidden", "not-started", "paused", "ended", "unknown", "conflict"];

const minimalPath = fileURLToPath(new URL("../../fixtures/scenarios/minimal.yaml", import.meta.url));
const scenarios: [string, Scenario][] = [["tiny scenario", tinyScenario]];
if (existsSync(minimalPath)) scenarios.push(["minimal.yaml", Scenario.parse(parseYaml(readFileSync(minimalPath, "utf8")))]);

/**
 * Counterexamples fast-check found for the replay property, kept as fixed examples: values that JSON cannot carry
 * made it into events, so the state folded from the stored log differs from the live one.
 * - a unit sent by its own role to the map's corner written as [-0, -0]: the live state keeps -0, JSON writes 0;
 * - a note from an evaluator seat whose name is NaN: the event's author is NaN live and null once stored.
 */
function replayCounterexamples(ids: ScenarioIds): Plan[] {
  const plans: Plan[] = [
    { startFirst: true, steps: [{ actor: { kind: "evaluator", name: Number.NaN }, wall: { step: 0 }, body: { type: "add-note", text: "!" } }] }
  ];
  const unit = ids.units[0];
  if (unit) {
    const actor = { kind: "player", role: unit.role, name: "Alex" };
    plans.push({ startFirst: true, steps: [{ actor, wall: { step: 1000 }, body: { type: "deploy", unit: unit.id, to: [-0, -0] } }] });
  }
  return plans;
}

/**
 * The counterexample fast-check found for the phase-jump property: a jump to the last phase, then a jump back to
 * the first. The jump back is accepted, and the scheduler moves the exercise straight back to the later phase
 * (phase-changed, cause "time") in the same command's events, so the command has no lasting effect.
 */
function jumpBackCounterexample(scenario: Scenario): [Plan, string, number][] {
  const byStart = [...scenario.phases].sort((a, b) => a.start - b.start);
  const first = byStart[0]!;
  const last = byStart[byStart.length - 1]!;
  if (first.id === last.id) return [];
  const jump = { actor: { kind: "facilitator" }, wall: { step: 10_000 }, body: { type: "jump-to-phase", phase: last.id } };
  return [[{ startFirst: true, steps: [jump] }, first.id, 0]];
}

/** seq 1, 2, 3... without gaps and x never going back, over the whole log. */
function expectWellFormedLog(log: readonly ExerciseEvent[]): void {
  let lastX = 0;
  log.forEach((event, index) => {
    expect(event.seq, `event ${index} (${event.type})`).toBe(index + 1);
    expect(Number.isFinite(event.t), `t of event ${event.seq}`).toBe(true);
    expect(event.x, `x of event ${event.seq} (${event.type})`).toBeGreaterThanOrEqual(lastX);
    lastX = event.x;
  });
}

/**
 * Invariants any log must keep, whatever the commands: timed injects released by the clock come out at their
 * `at`; an expectation is met or missed once at most, and only once its inject is out; nothing but notes follows
 * the end of the exercise.
 */
function expectConsistentStory(scenario: Scenario, log: readonly ExerciseEvent[]): void {
  const atMs = new Map(scenario.injects.filter((i) => i.at !== undefined).map((i) => [i.id, Math.round(i.at! * MINUTE)]));
  const released = new Set<string>();
  const settled = new Set<string>();
  let ended = false;
  for (const e of log) {
    if (ended) expect(e.type, `event ${e.seq} after the end`).toBe("note-added");
    if (e.type === "exercise-ended") ended = true;
    if (e.type === "inject-released") {
      released.add(e.inject);
      if (e.cause === "time") expect(e.x, `x of the timed release of "${e.inject}"`).toBe(atMs.get(e.inject));
    }
    if (e.type === "expectation-met" || e.type === "expectation-missed") {
      expect(settled.has(e.expectation), `"${e.expectation}" settled twice (seq ${e.seq})`).toBe(false);
      expect(released.has(e.inject), `"${e.expectation}" settled before "${e.inject}" was released`).toBe(true);
      settled.add(e.expectation);
    }
  }
}

/** The state without its compiled scenario (shared and large: compared once per run rather than per command). */
function withoutScenario(state: ExerciseState): Omit<ExerciseState, "scenario"> {
  const { scenario: _scenario, ...rest } = state;
  return rest;
}

function releaseCounts(log: readonly ExerciseEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of log) if (e.type === "inject-released") counts.set(e.inject, (counts.get(e.inject) ?? 0) + 1);
  return counts;
}

function expectEachInjectReleasedAtMostOnce(log: readonly ExerciseEvent[]): void {
  for (const [inject, count] of releaseCounts(log)) expect(count, `releases of "${inject}"`).toBe(1);
}

describe.each(scenarios)("engine properties on the %s", (_label, scenario) => {
  const ids = idsOf(scenario);

  it("given any command sequence, when it is handled, then nothing throws and the log is well formed", () => {
    fc.assert(
      fc.property(plan(ids, 50), (p) => {
        const run = runPlan(scenario, p.steps, p.startFirst);
        expectWellFormedLog(run.log);
        expectEachInjectReleasedAtMostOnce(run.log);
        expectConsistentStory(scenario, run.log);
        run.results.forEach((result, i) => {
          if (!result.ok) {
            expect(REJECTION_CODES, `code of command ${i}`).toContain(result.code);
            expect(result.reason.length, `reason of command ${i}`).toBeGreaterThan(0);
          }
        });
      }),
      { numRuns: runs(120), seed: SEED }
    );
  });

  const anyCommand = fc.oneof(
    fc.anything(),
    fc.record({ type: fc.string(), actor: fc.anything(), wallMs: fc.anything() }),
    plannedCommand(ids).map((step) => ({ ...step.body, actor: step.actor, wallMs: 0 }))
  );

  it("given any value as a command, when decide reads it, then it answers with numbered events or a rejection and never throws", () => {
    fc.assert(
      fc.property(plan(ids, 15), fc.array(anyCommand, { maxLength: 10 }), (p, commands) => {
        const { runner } = runPlan(scenario, p.steps, p.startFirst);
        for (const c of commands) {
          const result = decide(runner.state, c as Command);
          if (result.ok) {
            result.events.forEach((e, i) => expect(e.seq).toBe(runner.state.seq + i + 1));
          } else {
            expect(REJECTION_CODES).toContain(result.code);
            expect(result.reason).not.toBe("");
          }
        }
      }),
      { numRuns: runs(80), seed: SEED }
    );
  });

  it("given any value as a command, when the runner handles it, then it answers and never throws", () => {
    fc.assert(
      fc.property(plan(ids, 15), fc.array(anyCommand, { maxLength: 10 }), (p, commands) => {
        const run = runPlan(scenario, p.steps, p.startFirst);
        for (const c of commands) {
          const result = run.runner.handle(c as Command);
          expect(typeof result.ok).toBe("boolean");
          run.log.push(...result.events);
        }
        expectWellFormedLog(run.log);
      }),
      // A counterexample fast-check found: decide rejects a null command as malformed, but the runner reads
      // `command.wallMs` first to catch the clock up, and throws a TypeError.
      { numRuns: runs(60), seed: SEED, examples: [[{ startFirst: true, steps: [] }, [null]]] }
    );
  });

  it("given a run, when its log is folded (directly or via JSON Lines), then it gives the runner's state; the same commands give the same log", () => {
    fc.assert(
      fc.property(plan(ids, 40), (p) => {
        const run = runPlan(scenario, p.steps, p.startFirst);
        expect(fold(run.log)).toEqual(run.runner.state);
        const text = serialiseLog(run.log);
        // Every event must survive JSON Lines as it is, or the stored log would replay to another state.
        expect(parseLog(text), "the log read back from JSON Lines").toEqual(run.log);
        expect(fold(parseLog(text))).toEqual(run.runner.state);
        const again = runPlan(scenario, p.steps, p.startFirst);
        expect(serialiseLog(again.log)).toBe(text);
        const replayed = runCommands(scenario, run.commands);
        expect(serialiseLog(replayed.log)).toBe(text);
        expect(replayed.runner.state).toEqual(run.runner.state);
      }),
      { numRuns: runs(80), seed: SEED, examples: replayCounterexamples(ids).map((p): [Plan] => [p]) }
    );
  });

  it("given a state and a rejected command, then decide changed nothing, the log still folds to the state and handling it adds nothing", () => {
    fc.assert(
      fc.property(plan(ids, 30), fc.array(plannedCommand(ids), { minLength: 1, maxLength: 5 }), (p, probes) => {
        const run = runPlan(scenario, p.steps, p.startFirst);
        const scenarioBefore = structuredClone(run.runner.state.scenario);
        for (const probe of probes) {
          const command = run.stamper.next(probe, run.runner.state);
          // Let the clock catch up first, so that what follows is the command alone.
          run.log.push(...run.runner.advance(command.wallMs));
          const logBefore = serialiseLog(run.log);
          const stateBefore = structuredClone(withoutScenario(run.runner.state));
          const result = decide(run.runner.state, command);
          // decide is read-only, accepted or not.
          expect(withoutScenario(run.runner.state)).toStrictEqual(stateBefore);
          if (result.ok) {
            run.log.push(...run.runner.handle(command).events);
            continue;
          }
          expect(fold(run.log)).toEqual(run.runner.state);
          const handled = run.runner.handle(command);
          expect(handled).toMatchObject({ ok: false, code: result.code, reason: result.reason, events: [] });
          expect(withoutScenario(run.runner.state)).toStrictEqual(stateBefore);
          expect(serialiseLog(run.log)).toBe(logBefore);
        }
        expect(run.runner.state.scenario).toStrictEqual(scenarioBefore);
      }),
      { numRuns: runs(80), seed: SEED }
    );
  });

  it("given a run, when every refused command is replaced by a clock tick at the same wall time, then the log is the same", () => {
    fc.assert(
      fc.property(plan(ids, 40), (p) => {
        const run = runPlan(scenario, p.steps, p.startFirst);
        const ticks = run.commands.map((c, i): Command =>
          run.results[i]!.ok ? c : { type: "tick", actor: { kind: "system" }, wallMs: c.wallMs }
        );
        expect(serialiseLog(runCommands(scenario, ticks).log)).toBe(serialiseLog(run.log));
      }),
      { numRuns: runs(60), seed: SEED }
    );
  });

  it("given any exercise, when the facilitator's jump to a phase is accepted, then the exercise is in that phase afterwards", () => {
    fc.assert(
      fc.property(plan(ids, 25), fc.constantFrom(...ids.phases), fc.nat(5 * MINUTE), (p, phase, step) => {
        const run = runPlan(scenario, p.steps, p.startFirst);
        const command = run.stamper.next({ actor: { kind: "facilitator" }, wall: { step }, body: { type: "jump-to-phase", phase } }, run.runner.state);
        const result = run.runner.handle(command);
        if (!result.ok) return;
        const jumped = result.events.findIndex((e) => e.type === "phase-changed" && e.cause === "facilitator");
        const later = result.events.slice(jumped + 1);
        // A released inject's effects may move the exercise on at once; that is the scenario's doing, not the clock's.
        if (later.some((e) => e.type === "phase-changed" && e.cause === "inject")) return;
        expect(run.runner.state.phase, `after ${JSON.stringify(result.events.map((e) => e.type))}`).toBe(phase);
      }),
      { numRuns: runs(60), seed: SEED, examples: jumpBackCounterexample(scenario) }
    );
  });

  it("given any schedule of pause, resume, speed and ticks, then each timed inject is released once, at its time, on the first call after the clock reached it, and never while paused", () => {
    const timed = scenario.injects
      .filter((i) => i.at !== undefined)
      .map((i) => ({ inject: i.id, atMs: Math.round(i.at! * MINUTE) }));
    const durationMs = scenario.duration * MINUTE;
    fc.assert(
      fc.property(clockPlan(40), (steps) => {
        const run = runPlan(scenario, steps);
        expectWellFormedLog(run.log);
        expectEachInjectReleasedAtMostOnce(run.log);
        const model = modelClock(run);

        const releases = new Map<string, ExerciseEvent & { type: "inject-released" }>();
        for (const e of run.log) if (e.type === "inject-released") releases.set(e.inject, e);
        for (const { inject, atMs } of timed) {
          const released = releases.get(inject);
          const reached = atMs <= durationMs ? model.reachedAt(atMs) : undefined;
          // The first call from the one that set this stretch of the clock going whose time is not before it.
          const firstCall = reached === undefined ? undefined : model.calls.slice(reached.fromCall).find((t) => t >= reached.t);
          if (firstCall === undefined) {
            expect(released, `"${inject}" (at ${atMs} ms) was released though the clock never reached it`).toBeUndefined();
            continue;
          }
          expect(released, `"${inject}" (at ${atMs} ms, reached at wall ${reached!.t})`).toMatchObject({
            cause: "time",
            x: atMs,
            t: firstCall
          });
          expect(released!.t).toBeGreaterThanOrEqual(reached!.t);
        }
        for (const e of releases.values()) {
          for (const pause of model.pauses) {
            // Ordered by wall time, then by seq: after the pause event and before the resume event.
            const afterPause = e.t > pause.fromT || (e.t === pause.fromT && e.seq > pause.fromSeq);
            const beforeResume = e.t < pause.toT || (e.t === pause.toT && e.seq < pause.toSeq);
            const inside = afterPause && beforeResume;
            expect(inside, `"${e.inject}" released at wall ${e.t} while paused ${JSON.stringify(pause)}`).toBe(false);
          }
        }
      }),
      { numRuns: runs(200), seed: SEED }
    );
  });
});

// ---- an independent model of the exercise clock, for the scheduling property ----

interface Segment {
  /** Index of the call whose command set this stretch going (start, resume or speed change). */
  fromCall: number;
  fromT: number;
  toT: number;
  baseX: number;
  speed: number;
}

interface Pause {
  fromT: number;
  fromSeq: number;
  toT: number;
  toSeq: number;
}

interface ClockModel {
  /** The wall time the adapter's calls were decided at (stamps earlier than the last event count as its time). */
  calls: number[];
  pauses: Pause[];
  /**
   * The first wall time at which exercise time reached `x`, with the call from which that stretch of the clock
   * ran (a stamp that went back makes earlier calls' times irrelevant), or undefined if it never did.
   */
  reachedAt(x: number): { t: number; fromCall: number } | undefined;
}

/**
 * Rebuilds the clock from the commands the runner accepted: exercise time runs only between start/resume and
 * pause/end, at the speed last set, floored to whole milliseconds at each anchor. Checks on the way that the
 * engine stamped every clock event with the exercise time the model expects.
 */
function modelClock(run: Run): ClockModel {
  const calls: number[] = [];
  const segments: Segment[] = [];
  const pauses: Pause[] = [];
  // Widened on purpose: the callbacks below change it, which control-flow narrowing does not see.
  let status = "ready" as "ready" | "running" | "paused" | "ended";
  let baseX = 0;
  let anchorT = 0;
  let speed = 1;
  let anchorCall = 0;
  let lastT = run.log[0]!.t;
  const xAt = (t: number): number => (status === "running" ? Math.floor(baseX + Math.max(0, t - anchorT) * speed) : baseX);
  const closeSegment = (t: number): void => {
    if (status === "running") segments.push({ fromCall: anchorCall, fromT: anchorT, toT: t, baseX, speed });
  };

  run.commands.forEach((command, i) => {
    const result = run.results[i]!;
    const t = Math.max(command.wallMs, lastT);
    calls.push(t);
    for (const e of result.events) {
      if (e.type === "exercise-ended") {
        closeSegment(e.t);
        status = "ended";
      }
      if (e.type === "exercise-paused" || e.type === "exercise-resumed" || e.type === "exercise-started" || e.type === "speed-changed") {
        expect(e.x, `x of ${e.type} (seq ${e.seq}) at wall ${t}`).toBe(xAt(t));
        expect(e.t).toBe(t);
        const x = xAt(t);
        closeSegment(t);
        if (e.type === "exercise-paused") {
          status = "paused";
          pauses.push({ fromT: t, fromSeq: e.seq, toT: Number.POSITIVE_INFINITY, toSeq: Number.POSITIVE_INFINITY });
        } else if (e.type === "speed-changed") {
          speed = e.factor;
        } else {
          if (e.type === "exercise-resumed") Object.assign(pauses[pauses.length - 1]!, { toT: t, toSeq: e.seq });
          status = "running";
        }
        baseX = x;
        anchorT = t;
        anchorCall = i;
      }
      lastT = e.t;
    }
  });
  if (status === "running") segments.push({ fromCall: anchorCall, fromT: anchorT, toT: Number.POSITIVE_INFINITY, baseX, speed });

  return {
    calls,
    pauses,
    reachedAt(x: number): { t: number; fromCall: number } | undefined {
      for (const s of segments) {
        const at = (w: number): number => Math.floor(s.baseX + (w - s.fromT) * s.speed);
        let w = s.fromT + Math.max(0, Math.ceil((x - s.baseX) / s.speed));
        while (w > s.fromT && at(w - 1) >= x) w--;
        while (at(w) < x) w++;
        if (w <= s.toT) return { t: w, fromCall: s.fromCall };
      }
      return undefined;
    }
  };
}
