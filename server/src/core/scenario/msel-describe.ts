/**
 * Plain-language descriptions of expectations, triggers and effects for the human columns of an exported MSEL
 * ("Expected action", "Notes"), in English or French (English for other languages). They are for people reading
 * the sheet; the machine-readable columns next to them carry the data.
 */
import type { ActionMatch, Effects, Expectation, Scenario, Trigger } from "./schema.ts";
import { localise } from "./localise.ts";

type Phrases = {
  acknowledge: string;
  share: string;
  shareWith: string;
  deploy: string;
  to: string;
  setCordon: string;
  liftCordon: string;
  around: string;
  evacuate: string;
  closeRoad: string;
  openRoad: string;
  request: string;
  decision: string;
  on: string;
  with: string;
  methane: string;
  publicMessage: string;
  claimTask: string;
  assignTask: string;
  within: string;
  byRole: string;
  facilitator: string;
  onMissed: string;
  onBranch: string;
  onAction: string;
  onCondition: string;
  after: string;
  delay: string;
  effects: string;
  casualties: string;
  zoneState: string;
  crowd: string;
  markers: string;
  phase: string;
  needs: string;
  confirms: string;
  casualtiesAtLeast: string;
  crowdAtLeast: string;
  severities: Record<string, string>;
  any: string;
};

const EN: Phrases = {
  acknowledge: "acknowledge",
  share: "share the information",
  shareWith: "share with",
  deploy: "deploy",
  to: "to",
  setCordon: "set a{level} cordon",
  liftCordon: "lift the cordon",
  around: "around",
  evacuate: "evacuate",
  closeRoad: "close the road",
  openRoad: "reopen the road",
  request: "request resources",
  decision: "log a decision",
  on: "on",
  with: "with",
  methane: "send a METHANE report",
  publicMessage: "publish a public message",
  claimTask: "claim the task",
  assignTask: "assign the task",
  within: "within {n} min",
  byRole: "by",
  facilitator: "Released by the facilitator.",
  onMissed: "Released if expectation {id} is missed",
  onBranch: "Released by branch {id}.",
  onAction: "Released when someone does: {action}",
  onCondition: "Released when {condition}",
  after: "once {id} is out",
  delay: "+{n} min",
  effects: "Effects",
  casualties: "casualties in {zone}: {list}",
  zoneState: "{zone} becomes {state}",
  crowd: "crowd in {zone} {n}",
  markers: "map markers: {list}",
  phase: "moves to phase {id}",
  needs: "Also needed by",
  confirms: "Confirms",
  casualtiesAtLeast: "at least {n} {severity} casualties{zone}",
  crowdAtLeast: "at least {n} people in {zone}",
  severities: { dead: "dead", critical: "critical", serious: "serious", minor: "minor" },
  any: ""
};

const FR: Phrases = {
  acknowledge: "accuser réception",
  share: "partager l'information",
  shareWith: "partager avec",
  deploy: "déployer",
  to: "vers",
  setCordon: "établir un périmètre{level}",
  liftCordon: "lever le périmètre",
  around: "autour de",
  evacuate: "évacuer",
  closeRoad: "fermer la route",
  openRoad: "rouvrir la route",
  request: "demander des renforts",
  decision: "consigner une décision",
  on: "sur",
  with: "avec",
  methane: "transmettre un message METHANE",
  publicMessage: "publier un message au public",
  claimTask: "prendre la tâche",
  assignTask: "attribuer la tâche",
  within: "sous {n} min",
  byRole: "par",
  facilitator: "Déclenché par l'animateur.",
  onMissed: "Déclenché si l'attendu {id} est manqué",
  onBranch: "Déclenché par l'embranchement {id}.",
  onAction: "Déclenché quand quelqu'un fait : {action}",
  onCondition: "Déclenché quand {condition}",
  after: "après {id}",
  delay: "+{n} min",
  effects: "Effets",
  casualties: "victimes dans {zone} : {list}",
  zoneState: "{zone} passe à l'état {state}",
  crowd: "foule dans {zone} {n}",
  markers: "marqueurs : {list}",
  phase: "passe à la phase {id}",
  needs: "Utile aussi à",
  confirms: "Confirme",
  casualtiesAtLeast: "au moins {n} victimes {severity}{zone}",
  crowdAtLeast: "au moins {n} personnes dans {zone}",
  severities: { dead: "décédées", critical: "en urgence absolue", serious: "en urgence relative", minor: "impliquées" },
  any: ""
};

function phrases(language: string): Phrases {
  return language === "fr" ? FR : EN;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

/** Names of things in a scenario, in one language. */
class Names {
  private readonly scenario: Scenario;
  private readonly language: string;

  constructor(scenario: Scenario, language: string) {
    this.scenario = scenario;
    this.language = language;
  }

  role(id: string): string {
    return localise(this.scenario.roles.find((r) => r.id === id)?.name, this.language) || id;
  }

  zone(id: string): string {
    return localise(this.scenario.site.zones.find((z) => z.id === id)?.name, this.language) || id;
  }

  road(id: string): string {
    return localise(this.scenario.site.routes.find((r) => r.id === id)?.name, this.language) || id;
  }
}

/** "deploy armed-response to Market square", "share with Fire & ambulance, Municipality". */
export function describeAction(match: ActionMatch, scenario: Scenario, language: string): string {
  const p = phrases(language);
  const names = new Names(scenario, language);
  const roles = (ids: readonly string[] | undefined): string => (ids ?? []).map((id) => names.role(id)).join(", ");
  let text: string;
  switch (match.action) {
    case "acknowledge":
      text = p.acknowledge;
      break;
    case "share":
      text = match.to && match.to.length > 0 ? `${p.shareWith} ${roles(match.to)}` : p.share;
      break;
    case "deploy":
      text = [p.deploy, match.unitType, match.zone ? `${p.to} ${names.zone(match.zone)}` : undefined].filter(Boolean).join(" ");
      break;
    case "set-cordon":
    case "lift-cordon":
      text = [
        match.action === "set-cordon" ? fill(p.setCordon, { level: match.level ? ` ${match.level}` : "" }) : p.liftCordon,
        match.zone ? `${p.around} ${names.zone(match.zone)}` : undefined
      ]
        .filter(Boolean)
        .join(" ");
      break;
    case "evacuate":
      text = [p.evacuate, match.zone ? names.zone(match.zone) : undefined].filter(Boolean).join(" ");
      break;
    case "close-road":
    case "open-road":
      text = [match.action === "close-road" ? p.closeRoad : p.openRoad, match.road ? names.road(match.road) : undefined].filter(Boolean).join(" ");
      break;
    case "request-resources":
      text = [p.request, match.unitType ? `(${match.unitType})` : undefined].filter(Boolean).join(" ");
      break;
    case "decision":
      text = [p.decision, match.topic ? `${p.on} ${match.topic}` : undefined, match.to && match.to.length > 0 ? `${p.with} ${roles(match.to)}` : undefined]
        .filter(Boolean)
        .join(" ");
      break;
    case "methane":
      text = [p.methane, match.to && match.to.length > 0 ? `${p.to} ${roles(match.to)}` : undefined].filter(Boolean).join(" ");
      break;
    case "public-message":
      text = [p.publicMessage, match.topic ? `(${match.topic})` : undefined].filter(Boolean).join(" ");
      break;
    case "claim-task":
      text = p.claimTask;
      break;
    case "assign-task":
      text = p.assignTask;
      break;
  }
  return match.role ? `${text} (${p.byRole} ${names.role(match.role)})` : text;
}

/**
 * One line per expectation: "Police: deploy armed-response to Market square (within 5 min) — <description>". The
 * part before the dash is written in the words the importer reads, so a sheet edited by hand reads back.
 */
export function describeExpectations(expectations: readonly Expectation[], scenario: Scenario, language: string): string {
  const p = phrases(language);
  const names = new Names(scenario, language);
  return expectations
    .map((e) => {
      const line = `${names.role(e.lead)}: ${describeAction(e.action, scenario, language)} (${fill(p.within, { n: e.target })})`;
      const description = e.description ? localise(e.description, language).replace(/\s*\n\s*/g, " ") : "";
      return description === "" ? line : `${line} — ${description}`;
    })
    .join("\n");
}

/** How a triggered inject is released, in a sentence. */
export function describeTrigger(trigger: Trigger, scenario: Scenario, language: string): string {
  const p = phrases(language);
  const names = new Names(scenario, language);
  const tail = (t: { delay?: number; after?: string | undefined }): string =>
    [t.after ? ` (${fill(p.after, { id: t.after })})` : "", t.delay ? ` ${fill(p.delay, { n: t.delay })}` : ""].join("") + ".";
  if ("facilitator" in trigger) return p.facilitator;
  if ("onBranch" in trigger) return fill(p.onBranch, { id: trigger.onBranch });
  if ("onMissed" in trigger) return fill(p.onMissed, { id: trigger.onMissed }) + tail(trigger);
  if ("onAction" in trigger) return fill(p.onAction, { action: describeAction(trigger.onAction, scenario, language) }) + tail(trigger);
  const c = trigger.onCondition;
  let condition: string;
  if ("casualtiesAtLeast" in c) {
    const zone = c.casualtiesAtLeast.zone ? ` (${names.zone(c.casualtiesAtLeast.zone)})` : "";
    const severity = c.casualtiesAtLeast.severity ? (p.severities[c.casualtiesAtLeast.severity] ?? "") : p.any;
    condition = fill(p.casualtiesAtLeast, { n: c.casualtiesAtLeast.count, severity, zone }).replace(/\s+/g, " ");
  } else if ("zoneState" in c) {
    condition = fill(p.zoneState, { zone: names.zone(c.zoneState.zone), state: c.zoneState.state });
  } else {
    condition = fill(p.crowdAtLeast, { n: c.crowdAtLeast.count, zone: names.zone(c.crowdAtLeast.zone) });
  }
  return fill(p.onCondition, { condition }) + tail(trigger);
}

/** What releasing the inject changes, in a sentence; "" when nothing. */
export function describeEffects(effects: Effects | undefined, scenario: Scenario, language: string): string {
  if (!effects) return "";
  const p = phrases(language);
  const names = new Names(scenario, language);
  const parts: string[] = [];
  for (const c of effects.casualties) {
    const list = (["dead", "critical", "serious", "minor"] as const)
      .filter((s) => c.add[s] > 0)
      .map((s) => `${c.add[s]} ${p.severities[s]}`)
      .join(", ");
    parts.push(fill(p.casualties, { zone: names.zone(c.zone), list }));
  }
  for (const z of effects.zones) parts.push(fill(p.zoneState, { zone: names.zone(z.zone), state: z.state }));
  for (const c of effects.crowd) parts.push(fill(p.crowd, { zone: names.zone(c.zone), n: c.add >= 0 ? `+${c.add}` : String(c.add) }));
  if (effects.markers.length > 0) parts.push(fill(p.markers, { list: effects.markers.map((m) => m.kind).join(", ") }));
  if (effects.phase) parts.push(fill(p.phase, { id: effects.phase }));
  return parts.length === 0 ? "" : `${p.effects}: ${parts.join("; ")}.`;
}

/** "Also needed by: Fire & ambulance." and "Confirms: attack-over." lines. */
export function describeNeedsAndConfirms(needs: readonly string[], confirms: readonly string[], scenario: Scenario, language: string): string {
  const p = phrases(language);
  const names = new Names(scenario, language);
  return [
    needs.length > 0 ? `${p.needs}: ${needs.map((id) => names.role(id)).join(", ")}.` : "",
    confirms.length > 0 ? `${p.confirms}: ${confirms.join(", ")}.` : ""
  ]
    .filter((line) => line !== "")
    .join("\n");
}
