/**
 * The engine's closed vocabularies the forms offer, copied here so the main bundle does not pull the scenario
 * schema (and zod) in; test/e2e/client-wire.test.ts checks they equal the core's.
 */
export const CHANNELS = ["radio", "phone", "email", "social-media", "press", "cctv", "sensor", "citizen-report", "briefing"] as const;
export const CORDON_LEVELS = ["hot", "warm", "cold", "outer"] as const;
/** Channels a public statement can go out on (the engine refuses the others). */
export const PUBLIC_CHANNELS = ["social-media", "press", "briefing"] as const;
/**
 * Topics suggested for public messages and decisions. Scenarios name their own (scoring matches them exactly),
 * so the forms accept any topic and suggest the ones the library uses most.
 */
export const PUBLIC_TOPICS = ["holding-statement", "run-hide-tell", "rumour-correction", "reception-centre", "road-closures", "all-clear"] as const;
export const DECISION_TOPICS = [
  "rendezvous-point",
  "joint-strategy",
  "major-incident",
  "marauding-attack-plan",
  "press-conference",
  "casualty-figures",
  "situation-update",
  "evacuate-alternative",
  "shelter-in-place",
  "lockdown",
  "end-of-event"
] as const;

/** A topic as the engine compares it: lower case, words joined by dashes. */
export function topicId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
export const ZONE_STATES = ["normal", "incident", "hot", "warm", "cold", "cordoned", "evacuating", "evacuated", "closed"] as const;
export const MARKER_KINDS = ["incident", "vehicle", "suspect", "suspicious-item", "casualties", "fire", "smoke", "crowd", "drone", "rumour", "other"] as const;
