/** The exercise engine's public surface. */
export type { Actor } from "./actor.ts";
export type { Command, CommandBody, MethaneReport } from "./commands.ts";
export type { ExerciseEvent, EventBody, EventType, EventOf, CasualtyCount } from "./events.ts";
export type { ExerciseState } from "./state.ts";
export type { DecideResult, RejectionCode } from "./decide.ts";
export { decide } from "./decide.ts";
export { evolve, fold } from "./evolve.ts";
export { ExerciseRunner } from "./runner.ts";
export { exerciseTimeAt, wallTimeFor, MINUTE } from "./clock.ts";
export { nextDue } from "./schedule.ts";
export { parseLog, serialiseLog } from "./log.ts";
export { compileScenario } from "./compiled-scenario.ts";
