/**
 * The process's heartbeat: about once a second, one write records "still alive at T" for every open exercise.
 * After a crash, the last heartbeat is where a running exercise's clock is stopped (see ExerciseRoom). One write
 * for all rooms rather than one per room keeps the store quiet with hundreds of exercises.
 */
import type { EventStore } from "../store/event-store.ts";
import type { Logger } from "./context.ts";
import { openRooms } from "./context.ts";

export function startHeartbeat(store: EventStore, intervalMs: number, log: Logger): () => void {
  let failing = false;
  const beat = (): void => {
    try {
      store.heartbeatAll([...openRooms.byExercise.keys()], Date.now());
      failing = false;
    } catch (error) {
      if (!failing) log.error("could not record the heartbeat", error);
      failing = true;
    }
  };
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
