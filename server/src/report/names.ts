/**
 * What the report calls things: the scenario's ids turned into their localised names (roles, injects, phases,
 * zones, roads, expectations) and scoring's task keys into readable tasks. Unknown ids are shown as they are, so
 * a report of an odd log still says something true.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import type { ActionKindId, Scenario } from "../core/scenario/schema.ts";
import { ACTION_KINDS } from "../core/scenario/schema.ts";
import { localise } from "../core/scenario/localise.ts";
import type { Strings } from "./i18n.ts";

export class Names {
  private readonly roleNames = new Map<string, string>();
  private readonly injectTitles = new Map<string, string>();
  private readonly phaseTitles = new Map<string, string>();
  private readonly placeNames = new Map<string, string>();
  private readonly expectationLabels = new Map<string, string>();
  private readonly decisionTexts = new Map<string, string>();
  private readonly unitNames = new Map<string, string>();
  private readonly strings: Strings;

  constructor(scenario: Scenario, language: string, strings: Strings, events: readonly ExerciseEvent[]) {
    this.strings = strings;
    for (const role of scenario.roles) {
      this.roleNames.set(role.id, localise(role.name, language));
      for (const unit of role.units) {
        this.unitNames.set(unit.id, unit.name ? `${localise(unit.name, language)} (${unit.type})` : `${unit.id} (${unit.type})`);
      }
    }
    for (const phase of scenario.phases) this.phaseTitles.set(phase.id, localise(phase.title, language));
    for (const zone of scenario.site.zones) this.placeNames.set(zone.id, localise(zone.name, language));
    for (const route of scenario.site.routes) this.placeNames.set(route.id, localise(route.name, language));
    for (const inject of scenario.injects) {
      this.injectTitles.set(inject.id, localise(inject.title, language));
      for (const e of inject.expectations) {
        this.expectationLabels.set(e.id, e.description ? localise(e.description, language) : e.id);
      }
    }
    for (const event of events) {
      if (event.type === "live-inject") this.injectTitles.set(event.id, event.title);
      if (event.type === "decision-logged") this.decisionTexts.set(event.id, event.text);
    }
  }

  role(id: string): string {
    return this.roleNames.get(id) ?? id;
  }

  roles(ids: readonly string[]): string {
    return ids.length === 0 ? this.strings.none : ids.map((id) => this.role(id)).join(", ");
  }

  /** Splits a comma-joined list of role ids (as findings carry them) and names each. */
  roleList(joined: string): string {
    return this.roles(joined.split(",").map((s) => s.trim()).filter((s) => s !== ""));
  }

  inject(id: string): string {
    return this.injectTitles.get(id) ?? id;
  }

  phase(id: string): string {
    return this.phaseTitles.get(id) ?? id;
  }

  /** A zone or road. */
  place(id: string): string {
    return this.placeNames.get(id) ?? id;
  }

  /** A unit with its type, e.g. "Ambulance 1 (ambulance)". */
  unit(id: string): string {
    return this.unitNames.get(id) ?? id;
  }

  expectation(id: string): string {
    return this.expectationLabels.get(id) ?? id;
  }

  decision(id: string): string {
    return this.decisionTexts.get(id) ?? id;
  }

  isExpectation(id: string): boolean {
    return this.expectationLabels.has(id);
  }

  /**
   * A task key of the role × task matrix: an expectation id, or an action key `kind:target` such as
   * `deploy:ambulance:market-square`, `close-road:ring-road`, `public-message:run-hide-tell` or `methane`.
   */
  task(key: string): string {
    if (this.expectationLabels.has(key)) return this.expectation(key);
    const [kind = "", ...rest] = key.split(":");
    if (!isActionKind(kind)) return key;
    const action = this.strings.actions[kind];
    switch (kind) {
      case "deploy": {
        const [unitType = "", zone = "-"] = rest;
        return zone === "-" ? `${action} ${unitType}` : `${action} ${unitType} → ${this.place(zone)}`;
      }
      case "set-cordon":
      case "lift-cordon":
      case "evacuate":
      case "close-road":
      case "open-road":
        return rest.length > 0 ? `${action}${this.strings.colon}${this.place(rest.join(":"))}` : action;
      default:
        return rest.length > 0 ? `${action}${this.strings.colon}${rest.join(":")}` : action;
    }
  }
}

function isActionKind(kind: string): kind is ActionKindId {
  return (ACTION_KINDS as readonly string[]).includes(kind);
}
