/**
 * Runs a whole scenario headless with a bot for every role, as fast as the machine allows: the facilitator starts
 * the exercise at wall time 0 and never pauses, so wall time equals exercise time. Same scenario, team and seed:
 * the same log, event for event.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { Command } from "../engine/commands.ts";
import type { ExerciseEvent } from "../engine/events.ts";
import { ExerciseRunner } from "../engine/runner.ts";
import { nextDue } from "../engine/schedule.ts";
import { BotTeam } from "./bot-team.ts";
import type { TeamKind } from "./teams.ts";
import { TEAMS } from "./teams.ts";

export interface SimulationOptions {
  seed: number;
  team: TeamKind;
  language: string;
  exerciseId?: string;
  /** Called as exercise time advances (for progress bars). */
  onProgress?: (x: number, durationMs: number) => void;
}

export interface SimulationResult {
  events: ExerciseEvent[];
  /** Every command sent to the engine, in order, with its wall time: replaying them gives the same log. */
  commands: Command[];
  /** Commands the engine refused (bots acting on a situation that had moved on). */
  rejected: number;
}

export function simulate(scenario: Scenario, options: SimulationOptions): SimulationResult {
  const exerciseId = options.exerciseId ?? `sim-${scenario.id}-${options.team}-${options.seed}`;
  const { runner, events: created } = ExerciseRunner.create({
    exerciseId,
    scenario,
    language: options.language,
    seed: options.seed,
    wallMs: 0
  });
  const events: ExerciseEvent[] = [...created];
  const commands: Command[] = [];
  const bots = new BotTeam(TEAMS[options.team], options.seed);
  const state = runner.state;
  const durationMs = state.scenario.durationMs;
  let rejected = 0;

  const send = (command: Command): void => {
    commands.push(command);
    const result = runner.handle(command);
    if (!result.ok && command.type !== "tick") rejected++;
    events.push(...result.events);
    bots.observe(state, result.events);
  };

  send({ type: "start", actor: { kind: "facilitator" }, wallMs: 0 });
  let lastProgress = -1;
  while (state.clock.status !== "ended") {
    const due = nextDue(state)?.at ?? Number.POSITIVE_INFINITY;
    const planned = bots.nextAt();
    if (planned <= due) {
      const wallMs = Math.max(planned, state.x);
      const action = bots.takeDue(state, wallMs);
      if (action) send({ ...action.body, actor: { kind: "player", role: action.role, name: `bot-${action.role}` }, wallMs } as Command);
    } else {
      // Recorded as a tick command, so that replaying `commands` reproduces the log exactly, wall times included.
      send({ type: "tick", actor: { kind: "system" }, wallMs: due });
    }
    const progress = Math.floor((state.x / durationMs) * 100);
    if (options.onProgress && progress !== lastProgress) {
      lastProgress = progress;
      options.onProgress(state.x, durationMs);
    }
  }
  options.onProgress?.(durationMs, durationMs);
  return { events, commands, rejected };
}
