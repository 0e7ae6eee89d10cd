/**
 * One readable line per event, in the exercise's language where the scenario provides the words: the timeline a
 * facilitator reads after `cordon simulate`, and the raw material of the report's timeline.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { ExerciseEvent } from "./events.ts";
import { localise } from "../scenario/localise.ts";

export function clockLabel(x: number): string {
  const total = Math.floor(x / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** The line for an event, or undefined for bookkeeping events a reader does not need. */
export function describeEvent(scenario: Scenario, event: ExerciseEvent, language: string): string | undefined {
  const title = (id: string) => {
    const inject = scenario.injects.find((i) => i.id === id);
    return inject ? localise(inject.title, language) : id;
  };
  switch (event.type) {
    case "exercise-created":
      return `exercise ${event.exerciseId}: ${localise(scenario.title, language)} (${event.language}, seed ${event.seed})`;
    case "exercise-started":
      return "STARTEX";
    case "exercise-paused":
      return "paused";
    case "exercise-resumed":
      return "resumed";
    case "speed-changed":
      return `speed ${event.factor}x`;
    case "exercise-ended":
      return `ENDEX (${event.reason})`;
    case "phase-changed": {
      const phase = scenario.phases.find((p) => p.id === event.phase);
      return `phase: ${phase ? localise(phase.title, language) : event.phase}`;
    }
    case "clock-jumped":
      return "clock jumped";
    case "inject-released":
      return `INJECT ${event.inject} -> ${event.to.join(", ")}: ${title(event.inject)}${event.cause === "time" ? "" : ` [${event.cause}]`}`;
    case "inject-skipped":
      return `skipped ${event.inject}`;
    case "live-inject":
      return `LIVE INJECT -> ${event.to.join(", ")}: ${event.title}`;
    case "note-added":
      return `note (${event.author}): ${event.text}`;
    case "acknowledged":
      return `${event.role} acknowledged ${event.item}`;
    case "info-shared":
      return `${event.role} -> ${event.to.join(", ")}: ${event.text}`;
    case "unit-dispatched":
      return `${event.role} dispatched ${event.unit}${event.zone ? ` to ${event.zone}` : ""}`;
    case "unit-arrived":
      return `${event.unit} arrived${event.zone ? ` in ${event.zone}` : ""}`;
    case "cordon-set":
      return `${event.role} set a ${event.level} cordon on ${event.zone}`;
    case "cordon-lifted":
      return `${event.role} lifted the cordon on ${event.zone}`;
    case "evacuation-ordered":
      return `${event.role} ordered the evacuation of ${event.zone}`;
    case "zone-evacuated":
      return `${event.zone} evacuated`;
    case "road-closed":
      return `${event.role} closed ${event.road}`;
    case "road-opened":
      return `${event.role} reopened ${event.road}`;
    case "resources-requested":
      return `${event.role} requested ${event.count} x ${event.unitType}`;
    case "task-claimed":
      return `${event.role} claimed task ${event.task}`;
    case "task-assigned":
      return `${event.role} assigned task ${event.task} to ${event.to}`;
    case "decision-logged":
      return `${event.role} decided: ${event.text}${event.with.length > 0 ? ` (with ${event.with.join(", ")})` : ""}`;
    case "decision-agreed":
      return `${event.role} agreed to ${event.decision}`;
    case "decision-joint":
      return `joint decision ${event.decision} (${event.roles.join(", ")})`;
    case "methane-sent":
      return `${event.role} sent METHANE -> ${event.to.join(", ")}`;
    case "public-message":
      return `${event.role} published on ${event.channel}: ${event.text}`;
    case "expectation-met":
      return `  met ${event.expectation} (by ${event.role})`;
    case "expectation-missed":
      return `  MISSED ${event.expectation}`;
    case "branch-resolved":
      return `branch ${event.branch}: ${event.option < 0 ? "no decision" : `option ${event.option + 1}`}${event.inject ? ` -> ${event.inject}` : ""}`;
    case "zone-state-changed":
      return `${event.zone} is now ${event.state}`;
    case "casualties-changed": {
      const c = event.casualties;
      return `casualties in ${event.zone}: ${c.dead} dead, ${c.critical} critical, ${c.serious} serious, ${c.minor} minor, ${c.evacuated} to hospital`;
    }
    case "marker-placed":
      return `marker ${event.kind} (${event.marker})`;
    case "inject-scheduled":
    case "crowd-changed":
      return undefined;
  }
}
