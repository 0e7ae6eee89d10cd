/**
 * Whether a player's action is the one an expectation, a trigger or a branch option is waiting for.
 */
import type { ActionKindId, ActionMatch, CordonLevel } from "../scenario/schema.ts";
import type { ExerciseEvent } from "./events.ts";

/** What an action was about, reduced to the fields an ActionMatch can name. */
export interface ActionFacts {
  action: ActionKindId;
  role: string;
  zone?: string;
  road?: string;
  unitType?: string;
  level?: CordonLevel;
  topic?: string;
  to?: readonly string[];
  /** For acknowledgements: the inbox item acknowledged. */
  item?: string;
}

export function actionMatches(match: ActionMatch, facts: ActionFacts): boolean {
  if (match.action !== facts.action) return false;
  if (match.role !== undefined && match.role !== facts.role) return false;
  if (match.zone !== undefined && match.zone !== facts.zone) return false;
  if (match.road !== undefined && match.road !== facts.road) return false;
  if (match.unitType !== undefined && match.unitType !== facts.unitType) return false;
  if (match.level !== undefined && match.level !== facts.level) return false;
  if (match.topic !== undefined && match.topic !== facts.topic) return false;
  if (match.to !== undefined) {
    const recipients = facts.to ?? [];
    for (const role of match.to) if (!recipients.includes(role)) return false;
  }
  return true;
}

/** The facts of an action event, or undefined for events that are not player actions. */
export function factsOf(event: ExerciseEvent, unitType?: (unit: string) => string | undefined): ActionFacts | undefined {
  switch (event.type) {
    case "acknowledged":
      return { action: "acknowledge", role: event.role, item: event.item };
    case "info-shared":
      return { action: "share", role: event.role, to: event.to };
    case "unit-dispatched":
      return { action: "deploy", role: event.role, zone: event.zone, unitType: unitType?.(event.unit) };
    case "cordon-set":
      return { action: "set-cordon", role: event.role, zone: event.zone, level: event.level };
    case "cordon-lifted":
      return { action: "lift-cordon", role: event.role, zone: event.zone };
    case "evacuation-ordered":
      return { action: "evacuate", role: event.role, zone: event.zone };
    case "road-closed":
      return { action: "close-road", role: event.role, road: event.road };
    case "road-opened":
      return { action: "open-road", role: event.role, road: event.road };
    case "resources-requested":
      return { action: "request-resources", role: event.role, unitType: event.unitType };
    case "task-claimed":
      return { action: "claim-task", role: event.role };
    case "task-assigned":
      return { action: "assign-task", role: event.role, to: [event.to] };
    case "decision-logged":
      return { action: "decision", role: event.role, topic: event.topic, to: event.with };
    case "methane-sent":
      return { action: "methane", role: event.role, to: event.to };
    case "public-message":
      return { action: "public-message", role: event.role, topic: event.topic };
    default:
      return undefined;
  }
}
