/**
 * Follows each released inject's information through the roles' messages to see whether the roles in its `needs`
 * were told, by whom and when (see RelayOutcome in scorecard.ts for the rule).
 */
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
  open: Map<number, RelayFact>;
}

export class RelayTracker {
  readonly items: RelayFact[] = [];
  private readonly roleCount: number;
  private active: Active[] = [];

  constructor(roleCount: number) {
    this.roleCount = roleCount;
  }

  /** An inject was released to `to`; `needs` lists roles that did not receive it but need it. */
  onRelease(inject: string, to: readonly number[], needs: readonly number[], phase: string, released: EventRef): void {
    const holder = new Uint8Array(this.roleCount);
    for (const r of to) holder[r] = 1;
    const open = new Map<number, RelayFact>();
    for (const role of needs) {
      if (holder[role] === 1 || open.has(role)) continue;
      const fact: RelayFact = { inject, role, phase, holders: [...to].sort((a, b) => a - b), released, relay: null };
      open.set(role, fact);
      this.items.push(fact);
    }
    if (open.size > 0) this.active.push({ holder, open });
  }

  /** Role `from` sent a message (info-shared or METHANE) to roles `to`. */
  onMessage(from: number, to: readonly number[], ref: EventRef): void {
    let closed = false;
    for (const entry of this.active) {
      if (entry.holder[from] !== 1) continue;
      for (const r of to) {
        entry.holder[r] = 1;
        const fact = entry.open.get(r);
        if (fact) {
          fact.relay = { by: from, ref };
          entry.open.delete(r);
          if (entry.open.size === 0) closed = true;
        }
      }
    }
    if (closed) this.active = this.active.filter((e) => e.open.size > 0);
  }
}
