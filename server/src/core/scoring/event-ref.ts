/** Building EventRefs: the evidence pointers every ScoreCard number carries. */
import type { ExerciseEvent } from "../engine/events.ts";
import type { EventRef } from "./scorecard.ts";

/** A reference to `event`, naming the role and inject it concerns when there are any (no undefined fields). */
export function refTo(event: ExerciseEvent, role?: string, inject?: string): EventRef {
  // One literal per combination: each ref is born with its final fields (adding fields to an object after it is
  // made moves them out of the object, an extra allocation per ref, and refs are made by the thousand).
  const { seq, x, type } = event;
  if (role !== undefined) return inject !== undefined ? { seq, x, type, role, inject } : { seq, x, type, role };
  return inject !== undefined ? { seq, x, type, inject } : { seq, x, type };
}

/** The same reference, naming an inject it is evidence about. */
export function withInject(ref: EventRef, inject: string): EventRef {
  return ref.inject === inject ? ref : { ...ref, inject };
}
