/**
 * What a player's action sets off beyond itself: the expectations it meets, the injects it triggers and the
 * branches it decides.
 */
import type { Emitter } from "./emitter.ts";
import type { ActionFacts } from "./matching.ts";
import { actionMatches } from "./matching.ts";
import type { ExerciseState } from "./state.ts";
import { emitRelease, emitTriggered } from "./release.ts";

export function emitConsequences(state: ExerciseState, em: Emitter, facts: ActionFacts, actionSeq: number, x: number): void {
  const s = state.scenario;
  for (const id of [...state.active].sort()) {
    const compiled = s.expectations.get(id)!;
    if (facts.action === "acknowledge" && facts.item !== compiled.inject) continue;
    if (!actionMatches(compiled.action, facts)) continue;
    em.emit(x, { type: "expectation-met", expectation: id, inject: compiled.inject, role: facts.role, action: actionSeq });
  }
  for (const trigger of s.actionTriggers) {
    if (em.isSettled(trigger.inject)) continue;
    if (trigger.after !== undefined && !state.released.has(trigger.after)) continue;
    if (!actionMatches(trigger.match, facts)) continue;
    emitTriggered(state, em, trigger.inject, x, trigger.delayMs, "action", String(actionSeq));
  }
  for (const [id, branch] of state.branches) {
    if (branch.status !== "open" || (branch.closesAt !== undefined && x > branch.closesAt)) continue;
    const definition = s.branches.get(id)!;
    const option = definition.options.findIndex((o) => actionMatches(o.when, facts));
    if (option < 0) continue;
    const release = definition.options[option]!.release;
    em.emit(x, { type: "branch-resolved", branch: id, option, inject: release });
    emitRelease(state, em, release, x, "branch", id);
  }
}
