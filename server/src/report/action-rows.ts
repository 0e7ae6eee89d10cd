/**
 * Every player action of the log as one row: who did what to what, the task it counts as in the role × task
 * matrix, and the expectations it met. The task follows the ScoreCard's definition (scorecard.ts, DivisionMeasures):
 * the expectation the action met; otherwise the action key `kind:target` of an operational action — standing for
 * the first expectation that key met anywhere in the log —; communication (acknowledgements, shares, task claims
 * and assignments, agreements) that met nothing is no task.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import { ACTION_EVENT_TYPES } from "../core/engine/events.ts";
import type { Scenario } from "../core/scenario/schema.ts";

export type ActionEvent = Extract<ExerciseEvent, { role: string; by: string }>;

export interface ActionRow {
  event: ActionEvent;
  /** What the action was aimed at, in ids: a zone, a road, recipients, a unit and its destination... */
  target: string;
  /** The task key it counts as, or null for communication that met nothing. */
  task: string | null;
  /** Expectations this action met, in log order, with their injects. */
  met: { expectation: string; inject: string }[];
}

export function isActionEvent(event: ExerciseEvent): event is ActionEvent {
  return ACTION_EVENT_TYPES.has(event.type);
}

/** The actions among `events` with x <= asOf, in log order. */
export function actionRows(scenario: Scenario, events: readonly ExerciseEvent[], asOf: number): ActionRow[] {
  const unitTypes = new Map<string, string>();
  for (const role of scenario.roles) for (const unit of role.units) unitTypes.set(unit.id, unit.type);

  // Which action met which expectations: only the first decision (met or missed) of an expectation counts.
  const decided = new Set<string>();
  const metBySeq = new Map<number, { expectation: string; inject: string }[]>();
  for (const event of events) {
    if (event.x > asOf) break;
    if (event.type === "expectation-missed") decided.add(event.expectation);
    if (event.type !== "expectation-met" || decided.has(event.expectation)) continue;
    decided.add(event.expectation);
    const list = metBySeq.get(event.action) ?? [];
    list.push({ expectation: event.expectation, inject: event.inject });
    metBySeq.set(event.action, list);
  }

  const rows: ActionRow[] = [];
  const keys: (string | null)[] = [];
  const expectationOfKey = new Map<string, string>();
  for (const event of events) {
    if (event.x > asOf) break;
    if (!isActionEvent(event)) continue;
    const met = metBySeq.get(event.seq) ?? [];
    const key = actionKey(event, unitTypes);
    if (key !== null && met.length > 0 && !expectationOfKey.has(key)) expectationOfKey.set(key, met[0]!.expectation);
    rows.push({ event, target: targetOf(event), task: null, met });
    keys.push(key);
  }
  rows.forEach((row, i) => {
    const key = keys[i] ?? null;
    row.task = row.met[0]?.expectation ?? (key === null ? null : (expectationOfKey.get(key) ?? key));
  });
  return rows;
}

/** The `kind:target` key of an operational action, null for communication. */
function actionKey(event: ActionEvent, unitTypes: ReadonlyMap<string, string>): string | null {
  switch (event.type) {
    case "methane-sent":
      return "methane";
    case "unit-dispatched":
      return `deploy:${unitTypes.get(event.unit) ?? event.unit}:${event.zone ?? "-"}`;
    case "cordon-set":
      return `set-cordon:${event.zone}`;
    case "cordon-lifted":
      return `lift-cordon:${event.zone}`;
    case "evacuation-ordered":
      return `evacuate:${event.zone}`;
    case "road-closed":
      return `close-road:${event.road}`;
    case "road-opened":
      return `open-road:${event.road}`;
    case "resources-requested":
      return `request-resources:${event.unitType}`;
    case "decision-logged":
      return event.topic === undefined ? "decision" : `decision:${event.topic}`;
    case "public-message":
      return event.topic === undefined ? "public-message" : `public-message:${event.topic}`;
    default:
      return null;
  }
}

function targetOf(event: ActionEvent): string {
  switch (event.type) {
    case "acknowledged":
      return event.item;
    case "info-shared":
    case "methane-sent":
      return event.to.join(" ");
    case "unit-dispatched":
      return `${event.unit} -> ${event.zone ?? `${event.to[0]},${event.to[1]}`}`;
    case "cordon-set":
      return `${event.zone} (${event.level})`;
    case "cordon-lifted":
    case "evacuation-ordered":
      return event.zone;
    case "road-closed":
    case "road-opened":
      return event.road;
    case "resources-requested":
      return `${event.count} x ${event.unitType}`;
    case "task-claimed":
      return event.task;
    case "task-assigned":
      return `${event.task} -> ${event.to}`;
    case "decision-logged":
      return [event.topic ?? "", event.with.length > 0 ? `with ${event.with.join(" ")}` : ""].filter((s) => s !== "").join(" ");
    case "decision-agreed":
      return event.decision;
    case "public-message":
      return event.topic === undefined ? event.channel : `${event.channel}: ${event.topic}`;
    default:
      return "";
  }
}
