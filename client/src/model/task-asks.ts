/**
 * A task's scenario match in words, so players know exactly what will count (a topic id, a zone, the roles to
 * include) without seeing the scenario: "Publish a statement — topic: Holding statement (holding-statement)".
 */
import { formatList, hasLabel, label, t } from "../i18n/i18n.ts";
import type { RoomView, TaskView } from "./view-model.ts";
import { roleName } from "./view-model.ts";

/** The action kind of a match as the interface names it. */
export function actionName(action: string): string {
  return label("action", action);
}

/** What the task's match asks, in words: "Public message — topic: Holding statement (holding-statement)". */
export function taskAsks(task: TaskView, view: Pick<RoomView, "roles" | "map">): string {
  const details: string[] = [];
  if (task.zone) details.push(t("tasks.asks.zone", { zone: view.map.zones.find((z) => z.id === task.zone)?.name ?? task.zone }));
  if (task.road) details.push(t("tasks.asks.road", { road: view.map.routes.find((r) => r.id === task.road)?.name ?? task.road }));
  if (task.unitType) details.push(t("tasks.asks.unitType", { type: label("unitType", task.unitType) }));
  if (task.level) details.push(t("tasks.asks.level", { level: label("cordon", task.level) }));
  if (task.topic) {
    const topic = hasLabel("topic", task.topic) ? `${label("topic", task.topic)} (${task.topic})` : task.topic;
    details.push(t("tasks.asks.topic", { topic }));
  }
  if (task.to.length > 0) details.push(t("tasks.asks.to", { roles: formatList(task.to.map((id) => roleName(view.roles, id))) }));
  const name = actionName(task.action);
  const action = name.charAt(0).toUpperCase() + name.slice(1);
  return details.length > 0 ? t("tasks.asks", { action, details: details.join(", ") }) : action;
}

