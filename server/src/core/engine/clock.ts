/**
 * The exercise clock. Exercise time runs only while the exercise is running, at the facilitator's speed; the
 * adapter supplies wall-clock milliseconds with each command and the clock turns them into exercise milliseconds.
 */
export type ExerciseStatus = "ready" | "running" | "paused" | "ended";

export interface ClockState {
  status: ExerciseStatus;
  /** Exercise ms at the last anchor (start, pause, resume, speed change, jump). */
  baseX: number;
  /** Wall ms at the last anchor. */
  anchorT: number;
  speed: number;
}

export function initialClock(): ClockState {
  return { status: "ready", baseX: 0, anchorT: 0, speed: 1 };
}

/** Exercise ms at wall time `t`; a wall time earlier than the last anchor (clock skew) counts as the anchor. */
export function exerciseTimeAt(clock: ClockState, t: number): number {
  if (clock.status !== "running") return clock.baseX;
  const elapsed = t > clock.anchorT ? t - clock.anchorT : 0;
  return Math.floor(clock.baseX + elapsed * clock.speed);
}

/** Wall ms at which the running clock reaches exercise time `x` (for simulators that jump to the next due item). */
export function wallTimeFor(clock: ClockState, x: number): number {
  if (clock.status !== "running") return Number.POSITIVE_INFINITY;
  if (x <= clock.baseX) return clock.anchorT;
  return clock.anchorT + Math.ceil((x - clock.baseX) / clock.speed);
}

export const MINUTE = 60_000;
