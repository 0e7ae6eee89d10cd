/**
 * Collects the events one decision produces, numbering them after the state's last event and keeping exercise
 * time from going backwards. It also remembers what the batch already did (injects fired, casualty totals), so two
 * consequences of one command never count the same thing twice.
 */
import type { CasualtyCount, EventBody, ExerciseEvent } from "./events.ts";
import type { ExerciseState } from "./state.ts";

export class Emitter {
  readonly events: ExerciseEvent[] = [];
  readonly fired = new Set<string>();
  readonly casualties = new Map<string, CasualtyCount>();
  private readonly state: ExerciseState;
  private readonly t: number;

  constructor(state: ExerciseState, t: number) {
    this.state = state;
    this.t = t;
  }

  /** Emits at exercise time `x`, or at the last event's time if `x` is earlier. Returns the event's seq. */
  emit(x: number, body: EventBody): number {
    const last = this.events.length > 0 ? this.events[this.events.length - 1]!.x : this.state.x;
    const seq = this.state.seq + this.events.length + 1;
    this.events.push({ ...body, seq, t: this.t, x: x > last ? x : last } as ExerciseEvent);
    return seq;
  }

  /** The seq the next emitted event will get (for ids derived from it). */
  nextSeq(): number {
    return this.state.seq + this.events.length + 1;
  }

  /** Exercise time of the last event emitted or folded. */
  lastX(): number {
    return this.events.length > 0 ? this.events[this.events.length - 1]!.x : this.state.x;
  }

  /** Casualties of a zone as this batch has left them. */
  casualtiesOf(zone: string): CasualtyCount | undefined {
    return this.casualties.get(zone) ?? this.state.zones.get(zone)?.casualties;
  }

  /** True if the inject was released, scheduled or skipped, or is being released by this batch. */
  isSettled(inject: string): boolean {
    return (
      this.fired.has(inject) ||
      this.state.released.has(inject) ||
      this.state.scheduled.has(inject) ||
      this.state.skipped.has(inject)
    );
  }
}
