/**
 * Live scores for the facilitator's dashboard: the team's overall and dimension scores from `score()` on the log
 * so far, and per role what needs attention now (injects not acknowledged, tasks past their target time).
 */
import type { ExerciseEvent, ExerciseState } from "../core/engine/index.ts";
import { score } from "../core/scoring/score.ts";
import { RoleStatusSchema } from "./state-schema.ts";
import type { ScoresState } from "./state-schema.ts";

const orMinusOne = (value: number | null): number => (value === null ? -1 : value);

export function updateScores(target: ScoresState, engine: ExerciseState, events: readonly ExerciseEvent[], nowX: number): void {
  const asOf = Math.max(nowX, engine.x);
  const card = score(engine.scenario.source, events, { asOf });
  target.overall = orMinusOne(card.overall);
  target.speed = orMinusOne(card.dimensions.speed);
  target.coordination = orMinusOne(card.dimensions.coordination);
  target.division = orMinusOne(card.dimensions.division);
  target.asOf = asOf;
  const byRole = new Map(card.breakdown.byRole.map((g) => [g.key, g]));
  for (const role of engine.scenario.roleIds) {
    let status = target.roles.get(role);
    if (!status) {
      status = new RoleStatusSchema();
      status.role = role;
      target.roles.set(role, status);
    }
    let unacknowledged = 0;
    for (const item of engine.inbox.get(role)?.values() ?? []) {
      if ((item.kind === "inject" || item.kind === "live") && item.acknowledgedAt === undefined) unacknowledged++;
    }
    let overdue = 0;
    for (const id of engine.active) {
      const spec = engine.scenario.expectations.get(id);
      const record = engine.expectations.get(id);
      if (spec?.lead === role && record?.activeAt !== undefined && asOf > record.activeAt + spec.targetMs) overdue++;
    }
    const group = byRole.get(role);
    const assign = <K extends "score" | "unacknowledged" | "overdue" | "met" | "missed">(key: K, value: number): void => {
      if (status[key] !== value) status[key] = value;
    };
    assign("score", orMinusOne(group?.overall ?? null));
    assign("unacknowledged", unacknowledged);
    assign("overdue", overdue);
    assign("met", group?.counts.met ?? 0);
    assign("missed", group?.counts.missed ?? 0);
  }
}
