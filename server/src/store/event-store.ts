/**
 * The event store: where exercises and their event logs live between processes. The room appends the events of
 * every accepted command before the sender hears back, so the store is the one durable truth; everything in memory
 * (engine state, replicated state, scores) is rebuilt from it after a restart.
 *
 * A small synchronous interface on purpose: the room's adapter code stays simple (no interleaving between
 * deciding and storing), and a server-grade store can implement it with a write-ahead queue if needed.
 */
import type { ExerciseEvent } from "../core/engine/index.ts";

export interface ExerciseRecord {
  id: string;
  /** Human-friendly code players type to join, canonical form "K7QX-M4TR". */
  joinCode: string;
  /** Hash of the facilitator secret (see secret.ts); the secret itself is never stored. */
  secretHash: string;
  scenarioId: string;
  /** Scenario title in the exercise's language, for listings. */
  title: string;
  language: string;
  /** Wall ms. */
  createdAt: number;
  /** Wall ms of the `exercise-ended` event, if it ended. */
  endedAt?: number;
}

/** The seat kinds besides scenario roles. A player's seat kind is "player" and its role is a scenario role id. */
export type SeatKind = "player" | "facilitator" | "observer" | "evaluator" | "screen";

export interface SeatRecord {
  name: string;
  /** Scenario role id for players; the seat kind otherwise. */
  role: string;
  kind: SeatKind;
  /** Wall ms of the first join. */
  createdAt: number;
}

/** A store refused an operation; the message says what and why. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
  }
}

export interface EventStore {
  /** Records a new exercise together with its first events (`exercise-created`), atomically. */
  createExercise(record: ExerciseRecord, initialEvents: readonly ExerciseEvent[]): void;
  getExercise(id: string): ExerciseRecord | undefined;
  /** The join code in canonical form (see join-code.ts). */
  findByJoinCode(joinCode: string): ExerciseRecord | undefined;
  /** Exercises without an `exercise-ended` event, oldest first: the ones to bring back after a restart. */
  listUnfinished(): ExerciseRecord[];
  /**
   * Appends events (consecutive seq after the last stored one). Durable when it returns: a crash of the process
   * afterwards cannot lose them. Throws StoreError on a gap or duplicate seq, leaving the log unchanged.
   */
  append(exerciseId: string, events: readonly ExerciseEvent[]): void;
  /** The whole log, parsed and checked (consecutive seq, x never decreasing). */
  load(exerciseId: string): ExerciseEvent[];
  /** The log as stored: JSON Lines, one event per line. */
  readLog(exerciseId: string): string;
  /** Number of events stored. */
  eventCount(exerciseId: string): number;
  /** Records a seat the first time a (name, role) joins; later joins leave it unchanged. */
  saveSeat(exerciseId: string, seat: SeatRecord): void;
  /** Name comparison ignores case and surrounding spaces. */
  findSeat(exerciseId: string, name: string, role: string): SeatRecord | undefined;
  listSeats(exerciseId: string): SeatRecord[];
  /** The room's wall clock, written about once a second: after a crash, the last moment the room was alive. */
  heartbeat(exerciseId: string, wallMs: number): void;
  /** The same for every exercise a process hosts, in one write (unfinished exercises only). */
  heartbeatAll(exerciseIds: readonly string[], wallMs: number): void;
  lastHeartbeat(exerciseId: string): number | undefined;
  markEnded(exerciseId: string, wallMs: number): void;
  close(): void;
}
