/**
 * The scheduler: what falls due as exercise time passes. `decideTick` emits the single earliest due item up to
 * `now` (with its consequences); the runner calls it until nothing is due, so each item is decided on the state
 * its predecessors left and the log stays in time order.
 */
import type { Condition } from "../scenario/schema.ts";
import type { Emitter } from "./emitter.ts";
import type { ExerciseState } from "./state.ts";
import { emitRelease, emitTriggered } from "./release.ts";
import { CASUALTY_STEP_MS, casualtyStep, crowdAt, totalCasualties } from "./situation.ts";

type DueKind =
  | "arrival"
  | "evacuation"
  | "phase"
  | "timed"
  | "scheduled"
  | "branch"
  | "deadline"
  | "casualties"
  | "end";

interface DueItem {
  kind: DueKind;
  at: number;
  id: string;
}

/** Category order for items due at the same instant: movement first, the end of the exercise last. */
const ORDER: Record<DueKind, number> = {
  arrival: 0,
  evacuation: 1,
  phase: 2,
  timed: 3,
  scheduled: 4,
  branch: 5,
  deadline: 6,
  casualties: 7,
  end: 8
};

export function decideTick(state: ExerciseState, now: number, em: Emitter): void {
  if (state.clock.status !== "running") return;
  if (fireConditions(state, em)) return;
  const next = nextDue(state);
  if (!next || next.at > now) return;
  emitDue(state, em, next);
}

/** The earliest item due, whatever the time; undefined when nothing more will happen on its own. */
export function nextDue(state: ExerciseState): DueItem | undefined {
  const s = state.scenario;
  let best: DueItem | undefined;
  const consider = (kind: DueKind, at: number, id: string): void => {
    if (
      !best ||
      at < best.at ||
      (at === best.at && (ORDER[kind] < ORDER[best.kind] || (ORDER[kind] === ORDER[best.kind] && id < best.id)))
    ) {
      best = { kind, at, id };
    }
  };
  for (const unit of state.units.values()) if (unit.status === "moving") consider("arrival", unit.arriveAt, unit.id);
  for (const zone of state.zones.values()) if (zone.evacuation) consider("evacuation", zone.evacuation.complete, zone.id);
  const phaseIndex = s.phaseIds.get(state.phase) ?? 0;
  const nextPhase = s.phases[phaseIndex + 1];
  if (nextPhase) consider("phase", Math.round(nextPhase.start * 60_000), nextPhase.id);
  const timed = s.timed[state.timedCursor];
  if (timed) consider("timed", timed.atMs, timed.inject);
  for (const [id, entry] of state.scheduled) consider("scheduled", entry.due, id);
  for (const [id, branch] of state.branches) if (branch.status === "open") consider("branch", branch.closesAt ?? 0, id);
  for (const id of state.active) {
    const e = state.expectations.get(id);
    if (e?.dueAt !== undefined) consider("deadline", e.dueAt, id);
  }
  const step = nextCasualtyStep(state);
  if (step !== undefined) consider("casualties", step, "");
  consider("end", s.durationMs, "");
  return best;
}

function nextCasualtyStep(state: ExerciseState): number | undefined {
  let changes = false;
  for (const zone of state.zones.values()) {
    if (zone.casualties.critical > 0 || zone.casualties.serious > 0) {
      changes = true;
      break;
    }
  }
  if (!changes) return undefined;
  // The first grid point strictly after the last change: new casualties get until then before anyone deteriorates.
  return Math.ceil((state.lastCasualtyChange + 1) / CASUALTY_STEP_MS) * CASUALTY_STEP_MS;
}

function emitDue(state: ExerciseState, em: Emitter, item: DueItem): void {
  const s = state.scenario;
  const at = item.at;
  switch (item.kind) {
    case "arrival": {
      const unit = state.units.get(item.id)!;
      em.emit(at, { type: "unit-arrived", unit: unit.id, at: unit.to, ...(unit.zone ? { zone: unit.zone } : {}) });
      return;
    }
    case "evacuation":
      em.emit(at, { type: "zone-evacuated", zone: item.id });
      return;
    case "phase":
      em.emit(at, { type: "phase-changed", phase: item.id, cause: "time" });
      return;
    case "timed":
      emitRelease(state, em, item.id, at, "time");
      return;
    case "scheduled": {
      const entry = state.scheduled.get(item.id)!;
      emitRelease(state, em, item.id, at, entry.cause, entry.source);
      return;
    }
    case "branch": {
      const branch = s.branches.get(item.id)!;
      em.emit(at, {
        type: "branch-resolved",
        branch: item.id,
        option: -1,
        ...(branch.otherwise ? { inject: branch.otherwise } : {})
      });
      if (branch.otherwise) emitRelease(state, em, branch.otherwise, at, "branch", item.id);
      return;
    }
    case "deadline": {
      const e = state.expectations.get(item.id)!;
      em.emit(at, { type: "expectation-missed", expectation: item.id, inject: e.inject });
      for (const escalation of s.missedTriggers.get(item.id) ?? []) {
        emitTriggered(state, em, escalation.inject, at, escalation.delayMs, "missed", item.id);
      }
      return;
    }
    case "casualties":
      for (const zone of state.zones.values()) {
        const next = casualtyStep(state, zone);
        if (!next) continue;
        const treated = next.evacuated > zone.casualties.evacuated;
        em.emit(at, { type: "casualties-changed", zone: zone.id, casualties: next, cause: treated ? "treatment" : "deterioration" });
      }
      return;
    case "end":
      emitEnd(state, em, at, "duration");
      return;
  }
}

/** ENDEX: expectations still open can no longer be met, so they are closed as missed before the end. */
export function emitEnd(state: ExerciseState, em: Emitter, x: number, reason: "duration" | "facilitator"): void {
  for (const id of [...state.active].sort()) {
    const e = state.expectations.get(id)!;
    em.emit(x, { type: "expectation-missed", expectation: id, inject: e.inject });
  }
  em.emit(x, { type: "exercise-ended", reason });
}

/** Fires the first armed condition trigger whose condition holds now; true if it emitted anything. */
function fireConditions(state: ExerciseState, em: Emitter): boolean {
  for (const trigger of state.scenario.conditionTriggers) {
    if (em.isSettled(trigger.inject)) continue;
    if (trigger.after !== undefined && !state.released.has(trigger.after)) continue;
    if (!conditionHolds(state, trigger.condition)) continue;
    emitTriggered(state, em, trigger.inject, state.x, trigger.delayMs, "condition");
    return true;
  }
  return false;
}

export function conditionHolds(state: ExerciseState, condition: Condition): boolean {
  if ("casualtiesAtLeast" in condition) {
    const { count, zone, severity } = condition.casualtiesAtLeast;
    let total = 0;
    for (const z of state.zones.values()) {
      if (zone === undefined || z.id === zone) total += totalCasualties(z.casualties, severity);
    }
    return total >= count;
  }
  if ("zoneState" in condition) {
    return state.zones.get(condition.zoneState.zone)?.state === condition.zoneState.state;
  }
  const zone = state.zones.get(condition.crowdAtLeast.zone);
  return zone !== undefined && crowdAt(zone, state.x) >= condition.crowdAtLeast.count;
}
