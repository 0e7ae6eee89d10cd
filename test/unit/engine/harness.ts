/** Test harness: an exercise on the tiny scenario whose wall clock is set in exercise minutes. */
import { ExerciseRunner } from "../../../server/src/core/engine/runner.ts";
import type { Actor } from "../../../server/src/core/engine/actor.ts";
import type { CommandBody } from "../../../server/src/core/engine/commands.ts";
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";

export const MIN = 60_000;
export const facilitator: Actor = { kind: "facilitator" };
export const player = (role: string, name = `${role}-player`): Actor => ({ kind: "player", role, name });

export class Drill {
  readonly runner: ExerciseRunner;
  readonly log: ExerciseEvent[];
  wall = 0;

  constructor(scenario: Scenario = tinyScenario, seed = 1) {
    const { runner, events } = ExerciseRunner.create({ exerciseId: "ex-1", scenario, language: "en", seed, wallMs: 0 });
    this.runner = runner;
    this.log = [...events];
  }

  get state() {
    return this.runner.state;
  }

  /** Sets the wall clock to `minutes` and lets due items fall. */
  at(minutes: number): ExerciseEvent[] {
    this.wall = Math.round(minutes * MIN);
    const events = this.runner.advance(this.wall);
    this.log.push(...events);
    return events;
  }

  send(actor: Actor, body: CommandBody) {
    const result = this.runner.handle({ ...body, actor, wallMs: this.wall } as never);
    this.log.push(...result.events);
    return result;
  }

  /** Sends and insists it was accepted; returns the events. */
  ok(actor: Actor, body: CommandBody): ExerciseEvent[] {
    const result = this.send(actor, body);
    if (!result.ok) throw new Error(`rejected: ${result.reason}`);
    return result.events;
  }

  started(): this {
    this.ok(facilitator, { type: "start" });
    return this;
  }

  released(): string[] {
    return this.log.filter((e) => e.type === "inject-released").map((e) => (e as { inject: string }).inject);
  }

  ofType<T extends ExerciseEvent["type"]>(type: T): Extract<ExerciseEvent, { type: T }>[] {
    return this.log.filter((e): e is Extract<ExerciseEvent, { type: T }> => e.type === type);
  }
}
