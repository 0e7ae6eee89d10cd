/**
 * Commands: what facilitators and players ask the engine to do. The adapter (room, simulator) authenticates the
 * sender into an `actor` and stamps `wallMs` (milliseconds of its own clock); the engine derives exercise time from
 * it, so the same commands with the same stamps always give the same events.
 */
import type { Actor } from "./actor.ts";
import type { ChannelId, CordonLevel, Point } from "../scenario/schema.ts";

/** The seven METHANE headings, as free text a first officer on scene would radio in. */
export interface MethaneReport {
  majorIncident: boolean;
  exactLocation: string;
  typeOfIncident: string;
  hazards: string;
  access: string;
  numberOfCasualties: string;
  emergencyServices: string;
}

export type FacilitatorCommand =
  | { type: "start" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "set-speed"; factor: number }
  | { type: "jump-to-phase"; phase: string }
  | { type: "live-inject"; to: string[]; channel: ChannelId; text: string; title?: string }
  | { type: "release-inject"; inject: string }
  | { type: "end" };

export type PlayerCommand =
  | { type: "acknowledge"; item: string }
  | { type: "share"; to: string[]; text: string; about?: string }
  | { type: "deploy"; unit: string; to: Point }
  | { type: "set-cordon"; zone: string; level: CordonLevel }
  | { type: "lift-cordon"; zone: string }
  | { type: "evacuate"; zone: string }
  | { type: "close-road"; road: string }
  | { type: "open-road"; road: string }
  | { type: "request-resources"; unitType: string; count: number; from?: string; note?: string }
  | { type: "claim-task"; task: string }
  | { type: "assign-task"; task: string; to: string }
  | { type: "log-decision"; text: string; rationale: string; topic?: string; with?: string[] }
  | { type: "agree-decision"; decision: string }
  | { type: "send-methane"; to: string[]; report: MethaneReport }
  | { type: "publish"; channel: ChannelId; text: string; topic?: string };

/** Facilitators and evaluators may both write notes for the after-action report. */
export type NoteCommand = { type: "add-note"; text: string };

/** Advances the exercise clock: releases what has fallen due by then. Sent by the adapter, never by a person. */
export type TickCommand = { type: "tick" };

export type CommandBody = FacilitatorCommand | PlayerCommand | NoteCommand | TickCommand;

export type Command = CommandBody & { actor: Actor; wallMs: number };

export const FACILITATOR_COMMANDS: ReadonlySet<string> = new Set([
  "start",
  "pause",
  "resume",
  "set-speed",
  "jump-to-phase",
  "live-inject",
  "release-inject",
  "end"
]);

export const PLAYER_COMMANDS: ReadonlySet<string> = new Set([
  "acknowledge",
  "share",
  "deploy",
  "set-cordon",
  "lift-cordon",
  "evacuate",
  "close-road",
  "open-road",
  "request-resources",
  "claim-task",
  "assign-task",
  "log-decision",
  "agree-decision",
  "send-methane",
  "publish"
]);

export const SPEED_MIN = 0.5;
export const SPEED_MAX = 10;

/** Limits that keep one command from bloating the log; the room enforces the same on the wire. */
export const TEXT_MAX = 4000;
export const SHORT_TEXT_MAX = 300;
