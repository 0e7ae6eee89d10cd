/**
 * Events: the facts an exercise is made of. The event log (one JSON object per line, see `log.ts`) is the only
 * record of an exercise: state, replay, live scores and the after-action report are all folded from it.
 *
 * Every event carries `seq` (1, 2, 3... without gaps), `t` (the adapter's wall-clock milliseconds when it was
 * decided) and `x` (exercise milliseconds since STARTEX, which never decreases along the log).
 */
import type { ChannelId, CordonLevel, Point, Scenario, ZoneStateId } from "../scenario/schema.ts";
import type { MethaneReport } from "./commands.ts";

/** Living and dead casualties in a zone; `evacuated` counts patients moved out to hospital. */
export interface CasualtyCount {
  dead: number;
  critical: number;
  serious: number;
  minor: number;
  evacuated: number;
}

export type ReleaseCause = "time" | "action" | "missed" | "condition" | "branch" | "facilitator";

export type EventBody =
  | {
      type: "exercise-created";
      exerciseId: string;
      scenarioId: string;
      /** The whole scenario as run, so a log replays and scores even after the library changes. */
      scenario: Scenario;
      language: string;
      seed: number;
    }
  | { type: "exercise-started" }
  | { type: "exercise-paused" }
  | { type: "exercise-resumed" }
  | { type: "speed-changed"; factor: number }
  | { type: "exercise-ended"; reason: "facilitator" | "duration" }
  | { type: "phase-changed"; phase: string; cause: "time" | "facilitator" | "inject" }
  | { type: "clock-jumped"; from: number }
  | {
      type: "inject-released";
      inject: string;
      to: string[];
      cause: ReleaseCause;
      /** What caused it: the seq of the triggering action, the missed expectation's id, the branch id... */
      source?: string;
    }
  | { type: "inject-scheduled"; inject: string; due: number; cause: ReleaseCause; source?: string }
  | { type: "inject-skipped"; inject: string }
  | { type: "live-inject"; id: string; to: string[]; channel: ChannelId; title: string; text: string }
  | { type: "note-added"; author: string; authorKind: "facilitator" | "evaluator"; text: string }
  | { type: "acknowledged"; role: string; by: string; item: string }
  | { type: "info-shared"; id: string; role: string; by: string; to: string[]; text: string; about?: string }
  | { type: "unit-dispatched"; unit: string; role: string; by: string; from: Point; to: Point; zone?: string; arrive: number }
  | { type: "unit-arrived"; unit: string; at: Point; zone?: string }
  | { type: "cordon-set"; zone: string; level: CordonLevel; role: string; by: string }
  | { type: "cordon-lifted"; zone: string; role: string; by: string }
  | { type: "evacuation-ordered"; zone: string; role: string; by: string; complete: number }
  | { type: "zone-evacuated"; zone: string }
  | { type: "road-closed"; road: string; role: string; by: string }
  | { type: "road-opened"; road: string; role: string; by: string }
  | {
      type: "resources-requested";
      id: string;
      role: string;
      by: string;
      unitType: string;
      count: number;
      from?: string;
      note?: string;
    }
  | { type: "task-claimed"; task: string; role: string; by: string }
  | { type: "task-assigned"; task: string; role: string; by: string; to: string }
  | {
      type: "decision-logged";
      id: string;
      role: string;
      by: string;
      text: string;
      rationale: string;
      topic?: string;
      /** Other roles invited to agree; the decision is joint once they all have. */
      with: string[];
    }
  | { type: "decision-agreed"; decision: string; role: string; by: string }
  | { type: "decision-joint"; decision: string; roles: string[] }
  | { type: "methane-sent"; id: string; role: string; by: string; to: string[]; report: MethaneReport }
  | { type: "public-message"; id: string; role: string; by: string; channel: ChannelId; text: string; topic?: string }
  | {
      type: "expectation-met";
      expectation: string;
      inject: string;
      role: string;
      /** seq of the action event that met it. */
      action: number;
    }
  | { type: "expectation-missed"; expectation: string; inject: string }
  | { type: "branch-resolved"; branch: string; option: number; inject?: string }
  | { type: "zone-state-changed"; zone: string; state: ZoneStateId; cause: "inject" | "action" | "evacuation" }
  | {
      type: "casualties-changed";
      zone: string;
      casualties: CasualtyCount;
      cause: "inject" | "deterioration" | "treatment";
    }
  | { type: "crowd-changed"; zone: string; crowd: number }
  | { type: "marker-placed"; marker: string; kind: string; at: Point; inject: string };

export type ExerciseEvent = EventBody & { seq: number; t: number; x: number };

export type EventType = ExerciseEvent["type"];

export type EventOf<T extends EventType> = Extract<ExerciseEvent, { type: T }>;

/** Events that record a player's action, with the role that took it: the raw material of scoring. */
export const ACTION_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  "acknowledged",
  "info-shared",
  "unit-dispatched",
  "cordon-set",
  "cordon-lifted",
  "evacuation-ordered",
  "road-closed",
  "road-opened",
  "resources-requested",
  "task-claimed",
  "task-assigned",
  "decision-logged",
  "decision-agreed",
  "methane-sent",
  "public-message"
]);
