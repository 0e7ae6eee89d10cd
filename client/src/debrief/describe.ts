/**
 * One line per event for the replay's ticker, in the interface language, with names from the scenario in the
 * exercise language. Bookkeeping events (scheduling, crowd counts) return undefined and are not shown.
 */
import type { ExerciseEvent } from "../../../server/src/core/engine/events.ts";
import type { Scenario } from "../../../server/src/core/scenario/schema.ts";
import { localise } from "../../../server/src/core/scenario/localise.ts";
import { formatList, label, t } from "../i18n/i18n.ts";

export function describeForReplay(scenario: Scenario, language: string, event: ExerciseEvent): string | undefined {
  const l = (text: Parameters<typeof localise>[0]) => localise(text, language);
  const role = (id: string) => {
    const r = scenario.roles.find((x) => x.id === id);
    return r ? l(r.name) : id;
  };
  const roles = (ids: readonly string[]) => formatList(ids.map(role));
  const zone = (id: string) => {
    const z = scenario.site.zones.find((x) => x.id === id);
    return z ? l(z.name) : id;
  };
  const road = (id: string) => {
    const r = scenario.site.routes.find((x) => x.id === id);
    return r ? l(r.name) : id;
  };
  const unit = (id: string) => {
    for (const r of scenario.roles) {
      const u = r.units.find((x) => x.id === id);
      if (u) return u.name ? l(u.name) : id;
    }
    return id;
  };
  const inject = (id: string) => {
    const i = scenario.injects.find((x) => x.id === id);
    return i ? l(i.title) : id;
  };
  switch (event.type) {
    case "exercise-started":
    case "exercise-paused":
    case "exercise-resumed":
    case "exercise-ended":
    case "expectation-missed":
      return t(`ev.${event.type}`);
    case "speed-changed":
      return t("ev.speed-changed", { factor: event.factor });
    case "phase-changed": {
      const phase = scenario.phases.find((p) => p.id === event.phase);
      return t("ev.phase-changed", { phase: phase ? l(phase.title) : event.phase });
    }
    case "inject-released":
      return t("ev.inject-released", { to: roles(event.to), title: inject(event.inject) });
    case "live-inject":
      return t("ev.live-inject", { to: roles(event.to), title: event.title });
    case "note-added":
      return t("ev.note-added", { author: event.author, text: event.text });
    case "acknowledged":
      return t("ev.acknowledged", { role: role(event.role), item: inject(event.item) });
    case "info-shared":
      return t("ev.info-shared", { role: role(event.role), to: roles(event.to), text: event.text });
    case "unit-dispatched":
      return t("ev.unit-dispatched", { role: role(event.role), unit: unit(event.unit) });
    case "unit-arrived":
      return t("ev.unit-arrived", { unit: unit(event.unit) });
    case "cordon-set":
      return t("ev.cordon-set", { role: role(event.role), level: label("cordon", event.level), zone: zone(event.zone) });
    case "cordon-lifted":
      return t("ev.cordon-lifted", { role: role(event.role), zone: zone(event.zone) });
    case "evacuation-ordered":
      return t("ev.evacuation-ordered", { role: role(event.role), zone: zone(event.zone) });
    case "zone-evacuated":
      return t("ev.zone-evacuated", { zone: zone(event.zone) });
    case "road-closed":
      return t("ev.road-closed", { role: role(event.role), road: road(event.road) });
    case "road-opened":
      return t("ev.road-opened", { role: role(event.role), road: road(event.road) });
    case "resources-requested":
      return t("ev.resources-requested", { role: role(event.role), count: event.count, unitType: event.unitType });
    case "task-claimed":
      return t("ev.task-claimed", { role: role(event.role) });
    case "task-assigned":
      return t("ev.task-assigned", { role: role(event.role), to: role(event.to) });
    case "decision-logged":
      return t("ev.decision-logged", { role: role(event.role), text: event.text });
    case "decision-agreed":
      return t("ev.decision-agreed", { role: role(event.role) });
    case "decision-joint":
      return t("ev.decision-joint", { roles: roles(event.roles) });
    case "methane-sent":
      return t("ev.methane-sent", { role: role(event.role), to: roles(event.to) });
    case "public-message":
      return t("ev.public-message", { role: role(event.role), text: event.text });
    case "expectation-met":
      return t("ev.expectation-met", { role: role(event.role) });
    case "zone-state-changed":
      return t("ev.zone-state-changed", { zone: zone(event.zone), state: label("zoneState", event.state) });
    case "casualties-changed": {
      const c = event.casualties;
      return t("ev.casualties-changed", { zone: zone(event.zone), count: c.dead + c.critical + c.serious + c.minor });
    }
    case "marker-placed":
      return t("ev.marker-placed", { kind: label("marker", event.kind) });
    default:
      return undefined;
  }
}
