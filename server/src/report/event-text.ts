/**
 * One line per event for the report's timeline, in the report's language: the event's kind from the strings,
 * then what it concerned, with ids replaced by names. Player texts (messages, decisions, public statements) are
 * quoted as written; the HTML layer escapes them. Bookkeeping events get no line.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import type { Strings } from "./i18n.ts";
import type { Names } from "./names.ts";

export function eventText(event: ExerciseEvent, strings: Strings, names: Names): string | undefined {
  const kind = strings.eventTypes[event.type];
  const c = strings.colon;
  const quote = (text: string): string => (strings.language === "fr" ? `« ${text} »` : `“${text}”`);
  switch (event.type) {
    case "exercise-started":
    case "exercise-ended":
      return kind;
    case "phase-changed":
      return `${kind}${c}${names.phase(event.phase)}`;
    case "inject-released":
      return `${kind}${c}${quote(names.inject(event.inject))} → ${names.roles(event.to)}`;
    case "live-inject":
      return `${kind}${c}${quote(event.title)} → ${names.roles(event.to)}`;
    case "acknowledged":
      return `${kind}${c}${quote(names.inject(event.item))}`;
    case "info-shared":
      return `${kind} → ${names.roles(event.to)}${c}${event.text}`;
    case "unit-dispatched":
      return `${kind}${c}${names.unit(event.unit)}${event.zone ? ` → ${names.place(event.zone)}` : ""}`;
    case "cordon-set":
      return `${kind}${c}${names.place(event.zone)} (${strings.cordonLevels[event.level] ?? event.level})`;
    case "cordon-lifted":
    case "evacuation-ordered":
      return `${kind}${c}${names.place(event.zone)}`;
    case "road-closed":
    case "road-opened":
      return `${kind}${c}${names.place(event.road)}`;
    case "resources-requested":
      return `${kind}${c}${event.count} × ${event.unitType}${event.from ? ` (${event.from})` : ""}`;
    case "task-claimed":
      return `${kind}${c}${event.task}`;
    case "task-assigned":
      return `${kind} → ${names.role(event.to)}${c}${event.task}`;
    case "decision-logged":
      return `${kind}${c}${event.text}${event.with.length > 0 ? ` (${strings.coordination.with.toLowerCase()} ${names.roles(event.with)})` : ""}`;
    case "decision-agreed":
      return `${kind}${c}${quote(names.decision(event.decision))}`;
    case "decision-joint":
      return `${kind}${c}${quote(names.decision(event.decision))} (${names.roles(event.roles)})`;
    case "methane-sent":
      return `${kind} → ${names.roles(event.to)}`;
    case "public-message":
      return `${kind} (${strings.channels[event.channel] ?? event.channel}${event.topic ? `, ${event.topic}` : ""})${c}${event.text}`;
    case "expectation-met":
      return `${kind}${c}${names.expectation(event.expectation)}`;
    case "expectation-missed":
      return `${kind}${c}${names.expectation(event.expectation)}`;
    case "note-added":
      return `${kind}${c}${event.text}`;
    default:
      return undefined;
  }
}
