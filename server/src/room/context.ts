/**
 * What the exercise rooms share in one server process: the event store, the room settings, the log, and the
 * directory of open exercise rooms (by exercise id and by join code). Colyseus constructs rooms itself, so the
 * server sets this once at start-up (app.ts) and rooms read it.
 */
import type { EventStore } from "../store/event-store.ts";
import type { RateLimitOptions } from "./rate-limit.ts";
import type { ExerciseRoom } from "./exercise-room.ts";

export interface RoomSettings {
  /** Seconds a dropped client may take to reconnect to the same seat. */
  reconnectSeconds: number;
  rateLimit: RateLimitOptions;
  /** How often the room advances the exercise clock. */
  tickMs: number;
  /** How often the room records that it is alive (the restart gap is measured from the last one). */
  heartbeatMs: number;
  /** Live scores are recomputed at most this often. */
  scoreIntervalMs: number;
}

export const DEFAULT_ROOM_SETTINGS: RoomSettings = {
  reconnectSeconds: 30,
  rateLimit: { perSecond: 10, burst: 20 },
  tickMs: 250,
  heartbeatMs: 1000,
  scoreIntervalMs: 1000
};

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m, e) => console.error(e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
};

export interface RoomContext {
  store: EventStore;
  settings: RoomSettings;
  log: Logger;
}

let current: RoomContext | undefined;

export function setRoomContext(context: RoomContext): void {
  current = context;
}

export function roomContext(): RoomContext {
  if (!current) throw new Error("the exercise rooms have no context: start them through startCordonServer()");
  return current;
}

/** Open exercise rooms of this process. */
export const openRooms = {
  byExercise: new Map<string, ExerciseRoom>(),
  byJoinCode: new Map<string, ExerciseRoom>()
};
