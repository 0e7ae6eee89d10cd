/**
 * The exercise runner: the loop every adapter uses (room, simulator, tests). It ticks the clock up to the
 * command's time, decides the command, then ticks again so that what the command set off without delay happens
 * at once. Every event it folds is returned, in order, for the adapter to store and broadcast.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { Command } from "./commands.ts";
import type { ExerciseEvent } from "./events.ts";
import type { ExerciseState } from "./state.ts";
import type { RejectionCode } from "./decide.ts";
import { decide } from "./decide.ts";
import { evolve, fold } from "./evolve.ts";
import { initialState } from "./state.ts";
import { compileScenario } from "./compiled-scenario.ts";

export interface CreateExercise {
  exerciseId: string;
  scenario: Scenario;
  language: string;
  seed: number;
  wallMs: number;
}

export type HandleResult =
  | { ok: true; events: ExerciseEvent[] }
  | { ok: false; code: RejectionCode; reason: string; events: ExerciseEvent[] };

/** A guard against a scheduler bug looping for ever: far more items than any scenario can fall due at once. */
const MAX_DUE_ITEMS_PER_ADVANCE = 1_000_000;

export class ExerciseRunner {
  readonly state: ExerciseState;

  private constructor(state: ExerciseState) {
    this.state = state;
  }

  /** A new exercise: its first event records the scenario, language and seed. */
  static create(options: CreateExercise): { runner: ExerciseRunner; events: ExerciseEvent[] } {
    const compiled = compileScenario(options.scenario);
    const state = initialState(compiled, options.exerciseId, options.language, options.seed);
    const created: ExerciseEvent = {
      type: "exercise-created",
      exerciseId: options.exerciseId,
      scenarioId: options.scenario.id,
      scenario: options.scenario,
      language: options.language,
      seed: options.seed,
      seq: 1,
      t: options.wallMs,
      x: 0
    };
    evolve(state, created);
    return { runner: new ExerciseRunner(state), events: [created] };
  }

  /** Rebuilds a runner from a stored log (after a restart, or for a replay). */
  static fromLog(events: readonly ExerciseEvent[]): ExerciseRunner {
    return new ExerciseRunner(fold(events));
  }

  /** Releases everything that has fallen due by `wallMs`. */
  advance(wallMs: number): ExerciseEvent[] {
    const out: ExerciseEvent[] = [];
    for (let i = 0; i < MAX_DUE_ITEMS_PER_ADVANCE; i++) {
      const result = decide(this.state, { type: "tick", actor: { kind: "system" }, wallMs });
      if (!result.ok || result.events.length === 0) return out;
      for (const event of result.events) {
        evolve(this.state, event);
        out.push(event);
      }
    }
    throw new Error("the scheduler did not settle: a due item keeps falling due");
  }

  handle(command: Command): HandleResult {
    if (typeof command !== "object" || command === null) {
      return { ok: false, code: "malformed", reason: "a command must be an object", events: [] };
    }
    const before = this.advance(command.wallMs);
    const result = decide(this.state, command);
    if (!result.ok) return { ok: false, code: result.code, reason: result.reason, events: before };
    for (const event of result.events) evolve(this.state, event);
    const after = this.advance(command.wallMs);
    return { ok: true, events: [...before, ...result.events, ...after] };
  }
}
