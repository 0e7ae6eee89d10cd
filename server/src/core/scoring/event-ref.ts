/** Building EventRefs: the evidence pointers every ScoreCard number carries. */
import type { ExerciseEvent } from "../engine/events.ts";
import type { EventRef } from "./scorecard.ts";

/** A reference to `event`, naming the role and inject it concerns when there are any (no undefined fields). */
export function refTo(event: ExerciseEvent, role?: string, inject?: string): EventRef {
  const ref: EventRef = { seq: event.seq, x: event.x, type: event.type };
  if (role !== undefined) ref.role = role;
  if (inject !== undefined) ref.inject = inject;
  return ref;
}

/** The same reference, naming an inject it is evidence about. */
export function withInject(ref: EventRef, inject: string): EventRef {
  return ref.inject === inject ? ref : { ...ref, inject };
}
