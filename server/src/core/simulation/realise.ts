/**
 * Turns "what the scenario expects" (an ActionMatch) into a concrete command a bot of a given role can send on the
 * current state: which unit, which point, which recipients, what words.
 */
import type { ActionMatch, Inject } from "../scenario/schema.ts";
import type { CommandBody, MethaneReport } from "../engine/commands.ts";
import type { ExerciseState } from "../engine/state.ts";
import { localise } from "../scenario/localise.ts";
import { shapeCentre } from "../engine/geometry.ts";
import type { Prng } from "./prng.ts";

export interface RealiseContext {
  state: ExerciseState;
  role: string;
  inject?: Inject;
  /** Roles to invite or inform when the match does not say (empty for a team that does not share). */
  partners: string[];
  rng: Prng;
}

export function realise(match: ActionMatch, ctx: RealiseContext): CommandBody | undefined {
  const { state, role, inject } = ctx;
  const s = state.scenario;
  const lang = state.language;
  const about = inject ? localise(inject.title, lang) : "";
  switch (match.action) {
    case "acknowledge":
      return inject ? { type: "acknowledge", item: inject.id } : undefined;
    case "share": {
      const to = (match.to ?? ctx.partners).filter((r) => r !== role);
      if (to.length === 0) return undefined;
      const inInbox = inject && state.inbox.get(role)?.has(inject.id);
      return { type: "share", to, text: relayText(about, lang), ...(inInbox ? { about: inject.id } : {}) };
    }
    case "deploy": {
      const unit = pickUnit(state, role, match.unitType, ctx.rng);
      if (!unit) return undefined;
      const zoneId = match.zone ?? incidentZone(state);
      const zone = zoneId ? s.zones.get(zoneId) : undefined;
      const to = zone ? shapeCentre(zone.shape) : ([s.source.site.width / 2, s.source.site.height / 2] as [number, number]);
      return { type: "deploy", unit, to };
    }
    case "set-cordon":
      return match.zone ? { type: "set-cordon", zone: match.zone, level: match.level ?? "outer" } : undefined;
    case "lift-cordon":
      return match.zone ? { type: "lift-cordon", zone: match.zone } : undefined;
    case "evacuate":
      return match.zone ? { type: "evacuate", zone: match.zone } : undefined;
    case "close-road":
      return match.road ? { type: "close-road", road: match.road } : undefined;
    case "open-road":
      return match.road ? { type: "open-road", road: match.road } : undefined;
    case "request-resources":
      return { type: "request-resources", unitType: match.unitType ?? "ambulance", count: 2, note: about || undefined };
    case "claim-task":
    case "assign-task":
      return undefined;
    case "decision": {
      const withRoles = (match.to ?? ctx.partners).filter((r) => r !== role);
      return {
        type: "log-decision",
        text: about ? `${lang === "fr" ? "Décision" : "Decision"}: ${about}` : lang === "fr" ? "Décision" : "Decision",
        rationale: lang === "fr" ? "Évaluation conjointe de la menace et des risques" : "Joint assessment of threat and risk",
        ...(match.topic ? { topic: match.topic } : {}),
        ...(withRoles.length > 0 ? { with: withRoles } : {})
      };
    }
    case "methane": {
      const to = (match.to ?? ctx.partners).filter((r) => r !== role);
      if (to.length === 0) return undefined;
      return { type: "send-methane", to, report: methaneReport(state) };
    }
    case "public-message":
      return {
        type: "publish",
        channel: "social-media",
        text: publicText(match.topic, about, lang),
        ...(match.topic ? { topic: match.topic } : {})
      };
  }
}

function pickUnit(state: ExerciseState, role: string, unitType: string | undefined, rng: Prng): string | undefined {
  const candidates: string[] = [];
  for (const unit of state.units.values()) {
    if (unit.role === role && (unitType === undefined || unit.type === unitType)) candidates.push(unit.id);
  }
  if (candidates.length === 0) return undefined;
  // Prefer a unit still at home, as a dispatcher would.
  const home = candidates.filter((id) => state.units.get(id)!.status === "home");
  const pool = home.length > 0 ? home : candidates;
  return pool[rng.index(pool.length)];
}

function incidentZone(state: ExerciseState): string | undefined {
  for (const zone of state.zones.values()) if (zone.state === "incident" || zone.state === "hot") return zone.id;
  return undefined;
}

function methaneReport(state: ExerciseState): MethaneReport {
  const lang = state.language;
  const fr = lang === "fr";
  let dead = 0;
  let injured = 0;
  const places: string[] = [];
  for (const zone of state.zones.values()) {
    const c = zone.casualties;
    dead += c.dead;
    injured += c.critical + c.serious + c.minor;
    if (zone.state === "incident" || zone.state === "hot") places.push(localise(state.scenario.zones.get(zone.id)!.name, lang));
  }
  const where = places.join(", ") || localise(state.scenario.source.site.name, lang);
  return {
    majorIncident: dead + injured > 0,
    exactLocation: where,
    typeOfIncident: localise(state.scenario.source.title, lang),
    hazards: fr ? "Menace possiblement toujours active" : "Threat may still be active",
    access: fr ? "Accès par le point de rendez-vous commun" : "Access via the joint rendezvous point",
    numberOfCasualties: fr ? `${dead} décédés, ${injured} blessés` : `${dead} dead, ${injured} injured`,
    emergencyServices: fr ? "Police, pompiers et SAMU sur place ; renforts demandés" : "Police, fire and ambulance on scene; more requested"
  };
}

function relayText(about: string, lang: string): string {
  if (lang === "fr") return about ? `Pour information : ${about}` : "Pour information";
  return about ? `For your information: ${about}` : "For your information";
}

function publicText(topic: string | undefined, about: string, lang: string): string {
  const fr = lang === "fr";
  switch (topic) {
    case "holding-statement":
      return fr
        ? "Un incident est en cours. Les services de secours sont sur place. Évitez le secteur et suivez nos comptes officiels."
        : "An incident is under way. Emergency services are on scene. Please avoid the area and follow our official accounts.";
    case "run-hide-tell":
      return fr
        ? "S'échapper, se cacher, alerter : si vous êtes à proximité, éloignez-vous, mettez-vous à l'abri et appelez le 17/112."
        : "Run, hide, tell: if you are nearby, move away, find shelter and call 999 when it is safe.";
    case "rumour-correction":
      return fr
        ? "Les informations qui circulent sur les réseaux sont fausses. Fiez-vous uniquement aux sources officielles."
        : "Reports circulating online are false. Please rely only on official sources.";
    default:
      return fr ? `Point de situation : ${about}` : `Update: ${about}`;
  }
}
