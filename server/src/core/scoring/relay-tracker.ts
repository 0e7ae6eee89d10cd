/**
 * Follows each released inject's information through the roles' messages to see whether the roles in its `needs`
 * were told, by whom and when (see RelayOutcome in scorecard.ts for the rule).
 */
import type { ExerciseEvent } from "../engine/events.ts";
import { refTo } from "./event-ref.ts";
import type { EventRef } from "./scorecard.ts";

export interface RelayFact {
  inject: string;
  /** Role index (into the sorted scenario roles) of the role that needed the information. */
  role: number;
  phase: string;
  holders: number[];
  released: EventRef;
  relay: { by: number; ref: EventRef } | null;
}

interface Active {
  /** holder[i] = 1 once role i had the inject's information. */
  holder: Uint8Array;
  /** Needing roles not told yet. */
  open: Map<number, RelayFact>;
}

/**
 * Released injects are followed from each holder: byHolder[r] lists the still-open injects role r holds, so a
 * message costs the injects its sender holds rather than every inject whose needs are still open (which, in a
 * team that rarely relays, is nearly every inject released so far).
 */
export class RelayTracker {
  readonly items: RelayFact[] = [];
  private readonly roleCount: number;
  private readonly byHolder: Active[][];

  constructor(roleCount: number) {
    this.roleCount = roleCount;
    this.byHolder = Array.from({ length: roleCount }, (): Active[] => []);
  }

  /** An inject was released to `to`; `needs` lists roles that did not receive it but need it. */
  onRelease(inject: string, to: readonly number[], needs: readonly number[], phase: string, released: EventRef): void {
    const holder = new Uint8Array(this.roleCount);
    for (const r of to) holder[r] = 1;
    let open: Map<number, RelayFact> | null = null;
    let holders: number[] | null = null;
    for (const role of needs) {
      if (holder[role] === 1 || open?.has(role)) continue;
      // Every fact of one release has the same holders; nothing changes them later, so they share the list.
      holders ??= [...to].sort((a, b) => a - b);
      const fact: RelayFact = { inject, role, phase, holders, released, relay: null };
      open ??= new Map();
      open.set(role, fact);
      this.items.push(fact);
    }
    if (open === null) return;
    const entry: Active = { holder, open };
    for (let r = 0; r < this.roleCount; r++) if (holder[r] === 1) this.byHolder[r]!.push(entry);
  }

  /** Role `from` (named `fromName`) sent a message (info-shared or METHANE) to roles `to`. */
  onMessage(from: number, to: readonly number[], event: ExerciseEvent, fromName: string): void {
    const held = this.byHolder[from]!;
    let closed = false;
    let ref: EventRef | null = null; // made only if the message told someone who needed it
    for (let i = 0; i < held.length; i++) {
      const entry = held[i]!;
      if (entry.open.size === 0) {
        closed = true; // closed through another holder's message: dropped below
        continue;
      }
      for (let k = 0; k < to.length; k++) {
        const r = to[k]!;
        if (entry.holder[r] !== 1) {
          entry.holder[r] = 1;
          this.byHolder[r]!.push(entry);
        }
        const fact = entry.open.get(r);
        if (fact) {
          ref ??= refTo(event, fromName);
          fact.relay = { by: from, ref };
          entry.open.delete(r);
          if (entry.open.size === 0) closed = true;
        }
      }
    }
    if (closed) this.byHolder[from] = held.filter((e) => e.open.size > 0);
  }
}
