/**
 * Releasing an inject: the release itself, then its effects on the situation as events of their own, so the log
 * says plainly what changed on the map and why.
 */
import type { ReleaseCause } from "./events.ts";
import type { Emitter } from "./emitter.ts";
import type { ExerciseState } from "./state.ts";
import { crowdAt } from "./situation.ts";
import type { ActionMatch } from "../scenario/schema.ts";

export function emitRelease(
  state: ExerciseState,
  em: Emitter,
  injectId: string,
  x: number,
  cause: ReleaseCause,
  source?: string
): void {
  const inject = state.scenario.injects.get(injectId);
  if (!inject || em.fired.has(injectId) || state.released.has(injectId)) return;
  em.fired.add(injectId);
  em.emit(x, { type: "inject-released", inject: injectId, to: inject.to, cause, ...(source ? { source } : {}) });
  emitAlreadyDone(state, em, inject.expectations, injectId, x);
  const effects = inject.effects;
  if (!effects) return;
  for (const c of effects.casualties) {
    const current = em.casualtiesOf(c.zone);
    if (!current) continue;
    const next = {
      dead: current.dead + c.add.dead,
      critical: current.critical + c.add.critical,
      serious: current.serious + c.add.serious,
      minor: current.minor + c.add.minor,
      evacuated: current.evacuated
    };
    em.casualties.set(c.zone, next);
    em.emit(x, { type: "casualties-changed", zone: c.zone, casualties: next, cause: "inject" });
  }
  for (const z of effects.zones) {
    if (state.zones.has(z.zone)) em.emit(x, { type: "zone-state-changed", zone: z.zone, state: z.state, cause: "inject" });
  }
  for (const c of effects.crowd) {
    const zone = state.zones.get(c.zone);
    if (zone) em.emit(x, { type: "crowd-changed", zone: c.zone, crowd: Math.max(0, crowdAt(zone, x) + c.add) });
  }
  for (const m of effects.markers) {
    em.emit(x, { type: "marker-placed", marker: m.id, kind: m.kind, at: m.at, inject: injectId });
  }
  if (effects.phase && effects.phase !== state.phase && state.scenario.phaseIds.has(effects.phase)) {
    em.emit(x, { type: "phase-changed", phase: effects.phase, cause: "inject" });
  }
}

/** Fires a trigger: releases the inject now, or schedules it `delayMs` later. */
export function emitTriggered(
  state: ExerciseState,
  em: Emitter,
  injectId: string,
  x: number,
  delayMs: number,
  cause: ReleaseCause,
  source?: string
): void {
  if (em.isSettled(injectId)) return;
  if (delayMs <= 0) {
    emitRelease(state, em, injectId, x, cause, source);
    return;
  }
  em.fired.add(injectId);
  em.emit(x, { type: "inject-scheduled", inject: injectId, due: x + delayMs, cause, ...(source ? { source } : {}) });
}

/**
 * An expectation asking for a state the situation is already in (a cordon already up, a road already closed, a
 * zone already evacuated) cannot be met again, since the engine refuses repeating it: it is met at once, credited
 * to the role whose earlier action put the situation in that state.
 */
function emitAlreadyDone(
  state: ExerciseState,
  em: Emitter,
  expectations: readonly { id: string; action: ActionMatch }[],
  injectId: string,
  x: number
): void {
  for (const e of expectations) {
    if (state.expectations.get(e.id)?.status !== "pending") continue;
    const done = establishedBy(state, e.action);
    if (done) em.emit(x, { type: "expectation-met", expectation: e.id, inject: injectId, role: done.role, action: done.seq });
  }
}

function establishedBy(state: ExerciseState, match: ActionMatch): { role: string; seq: number } | undefined {
  if (match.role !== undefined) return undefined;
  switch (match.action) {
    case "set-cordon": {
      const cordon = match.zone ? state.zones.get(match.zone)?.cordon : undefined;
      return cordon && (match.level === undefined || match.level === cordon.level) ? cordon : undefined;
    }
    case "evacuate":
      return match.zone ? state.zones.get(match.zone)?.evacuatedBy : undefined;
    case "close-road":
    case "open-road": {
      const road = match.road ? state.roads.get(match.road) : undefined;
      const wanted = match.action === "open-road";
      return road && road.open === wanted && road.by !== undefined && road.seq !== undefined
        ? { role: road.by, seq: road.seq }
        : undefined;
    }
    default:
      return undefined;
  }
}
