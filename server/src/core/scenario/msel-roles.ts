/**
 * Turning the free-text recipients of an MSEL ("Police Gold", "Met Police control room", "Mairie / Ville", "SAMU",
 * "Press office", "All players") into scenario role ids.
 *
 * Built-in rules know the four core agency families in English and French; a facilitator's mapping file
 * (`--roles mapping.yaml`) names their own roles and phrases and is consulted first:
 *
 *     roles:
 *       police: ["Police Gold", "Met control room"]
 *       event-security: ["Stewards", "Venue control"]
 *     kinds:
 *       event-security: other
 *     names:
 *       event-security: { en: "Event security", fr: "Sécurité de l'événement" }
 */
import { z } from "zod";
import type { LocalisedText, RoleKind } from "./schema.ts";
import { CORE_ROLE_KINDS, LocalisedText as LocalisedTextSchema, ROLE_KINDS } from "./schema.ts";
import { ID_PATTERN, containsPhrase, humaniseId, normaliseText, splitTopLevel } from "./msel-text.ts";

const RoleIdSchema = z.string().regex(ID_PATTERN, "must be a lower-case id: letters, digits and dashes");

export const RoleMappingSchema = z.strictObject({
  roles: z.record(RoleIdSchema, z.array(z.string().min(1)).or(z.string().min(1).transform((s) => [s]))).default({}),
  kinds: z.record(RoleIdSchema, z.enum(ROLE_KINDS)).default({}),
  names: z.record(RoleIdSchema, LocalisedTextSchema.or(z.string().min(1))).default({})
});
export type RoleMapping = z.infer<typeof RoleMappingSchema>;

export const EMPTY_ROLE_MAPPING: RoleMapping = { roles: {}, kinds: {}, names: {} };

/** Validates a parsed mapping file; messages name the offending key. */
export function parseRoleMapping(value: unknown): { mapping: RoleMapping; problems: string[] } {
  const parsed = RoleMappingSchema.safeParse(value ?? {});
  if (!parsed.success) {
    return {
      mapping: EMPTY_ROLE_MAPPING,
      problems: parsed.error.issues.map((issue) => {
        const where = issue.path.map(String).join(".") || "(top level)";
        // zod says "Invalid key in record"; the author needs to know what a role id looks like.
        if (issue.code === "invalid_key") return `${where}: a role id is lower-case letters, digits and dashes (e.g. event-security)`;
        if (issue.path.length === 0) return `(top level): a mapping file has the keys roles, kinds and names (${issue.message})`;
        return `${where}: ${issue.message}`;
      })
    };
  }
  return { mapping: parsed.data, problems: [] };
}

/**
 * Built-in phrases per agency family, in tie-break order. The longest matching phrase wins ("police municipale"
 * is the municipality's, "police press office" is communication's), and between phrases of equal length the
 * earlier family wins ("City of London Police" is police).
 */
const BUILT_IN_RULES: readonly (readonly [RoleKind, readonly string[]])[] = [
  ["communication", ["communication", "communications", "comms", "press office", "press officer", "press team",
    "media team", "media officer", "media cell", "press", "media", "pr", "public relations", "spokesperson",
    "social media team", "digital team", "public information", "service communication", "cellule communication",
    "porte parole", "charge de communication", "chargee de communication", "dircom", "presse", "medias",
    "information du public", "communication de crise"]],
  ["fire-ems", ["fire", "fire brigade", "fire service", "fire and rescue", "frs", "lfb", "firefighters", "rescue",
    "ambulance", "ambulance service", "las", "nhs", "hart", "paramedic", "paramedics", "ems", "medical", "medics",
    "pompiers", "sapeurs pompiers", "sdis", "bspp", "bmpm", "samu", "smur", "secours", "croix rouge",
    "protection civile", "codis", "cta codis", "medecin", "sante"]],
  ["police", ["police", "met", "met police", "metropolitan police", "mps", "btp", "constabulary", "officers",
    "armed police", "counter terrorism", "firearms", "arv", "police nationale", "gendarmerie", "commissariat",
    "ddsp", "crs", "bac", "raid", "gign", "bri", "prefecture de police", "police control room", "force control"]],
  ["municipality", ["municipality", "municipal", "council", "city council", "local authority", "city", "town",
    "town hall", "city hall", "mayor", "mayor s office", "emergency planning", "resilience team", "cctv control",
    "municipal police", "mairie", "ville", "maire", "commune", "collectivite", "hotel de ville", "csu",
    "centre de supervision urbain", "police municipale", "services techniques", "cellule de crise municipale",
    "metropole", "agglomeration"]]
];

const ALL_PLAYERS = ["all", "all players", "all agencies", "all roles", "all services", "all cells", "all teams",
  "everyone", "everybody", "tous", "toutes", "tous les joueurs", "toutes les cellules", "tous les acteurs",
  "tous services", "tous les services", "ensemble des acteurs", "tout le monde"].map(normaliseText);

/** The agency family built-in rules see in a text, or undefined. */
export function builtInKind(text: string): RoleKind | undefined {
  const normalised = normaliseText(text);
  let best: { kind: RoleKind; words: number } | undefined;
  for (const [kind, phrases] of BUILT_IN_RULES) {
    for (const phrase of phrases) {
      const words = phrase.split(" ").length;
      if (containsPhrase(normalised, normaliseText(phrase)) && (best === undefined || words > best.words)) {
        best = { kind, words };
      }
    }
  }
  return best?.kind;
}

/** The roles an import can address: the base scenario's, or the mapping's plus one per core kind. */
export interface RoleCatalogue {
  /**
   * Known roles in declaration order (the first role of a kind receives the built-in rules' matches), with their
   * names in every language: a sheet exported from a scenario names its roles by them ("Fire and medical services").
   */
  roles: CatalogueRole[];
  mapping: RoleMapping;
  /** When true (a base scenario), only these roles exist; otherwise unknown ids may still be created. */
  closed: boolean;
}

export interface CatalogueRole {
  id: string;
  kind: RoleKind;
  names?: string[];
}

/** The catalogue for an import without a base scenario: the mapping's roles, then a role per missing core kind. */
export function openCatalogue(mapping: RoleMapping): RoleCatalogue {
  const roles: CatalogueRole[] = [];
  const ids = new Set([...Object.keys(mapping.roles), ...Object.keys(mapping.kinds), ...Object.keys(mapping.names)]);
  for (const id of ids) {
    const given = mapping.names[id];
    const names = given === undefined ? [] : typeof given === "string" ? [given] : Object.values(given);
    roles.push({ id, kind: mappedKind(mapping, id), ...(names.length > 0 ? { names } : {}) });
  }
  for (const kind of CORE_ROLE_KINDS) {
    if (!roles.some((r) => r.kind === kind) && !ids.has(kind)) roles.push({ id: kind, kind });
  }
  // The core services first, in their usual order, then the other roles (a stable sort keeps the mapping's order).
  const rank = (kind: RoleKind): number => (ROLE_KINDS as readonly string[]).indexOf(kind);
  roles.sort((a, b) => rank(a.kind) - rank(b.kind));
  return { roles, mapping, closed: false };
}

export function closedCatalogue(roles: readonly { id: string; kind: RoleKind; name?: LocalisedText }[], mapping: RoleMapping): RoleCatalogue {
  return {
    roles: roles.map((r) => ({ id: r.id, kind: r.kind, names: r.name === undefined ? [] : Object.values(r.name) })),
    mapping,
    closed: true
  };
}

/** The role a text names exactly: by id or by one of its names. */
export function roleNamedExactly(text: string, catalogue: RoleCatalogue): string | undefined {
  const trimmed = text.trim();
  const normalised = normaliseText(text);
  return (
    catalogue.roles.find((r) => r.id === trimmed)?.id ??
    catalogue.roles.find((r) => (r.names ?? []).some((name) => normaliseText(name) === normalised))?.id
  );
}

/** A role's kind from the mapping: `kinds:` first, else the id itself when it names a core kind, else "other". */
export function mappedKind(mapping: RoleMapping, id: string): RoleKind {
  const explicit = mapping.kinds[id];
  if (explicit) return explicit;
  return (CORE_ROLE_KINDS as readonly string[]).includes(id) ? (id as RoleKind) : "other";
}

/** "*" stands for every role of the finished scenario ("All players"). */
export const ALL_ROLES = "*";

export interface RecipientResolution {
  /** Role ids in the order they are named, without duplicates; may contain ALL_ROLES. */
  roleIds: string[];
  /** Pieces of text that name no role. */
  unknown: string[];
}

/** One recipient name → a role id, or undefined. */
export function resolveOneRecipient(text: string, catalogue: RoleCatalogue): string | undefined {
  const normalised = normaliseText(text);
  if (normalised === "") return undefined;
  if (ALL_PLAYERS.includes(normalised)) return ALL_ROLES;
  const exact = roleNamedExactly(text, catalogue);
  if (exact !== undefined) return exact;
  // The mapping's phrases: an exact name first, then the longest phrase contained in the text.
  let contained: { id: string; words: number } | undefined;
  for (const [id, phrases] of Object.entries(catalogue.mapping.roles)) {
    for (const phrase of phrases) {
      const normalisedPhrase = normaliseText(phrase);
      if (normalisedPhrase === normalised) return id;
      const words = normalisedPhrase.split(" ").length;
      if (containsPhrase(normalised, normalisedPhrase) && (contained === undefined || words > contained.words)) {
        contained = { id, words };
      }
    }
  }
  if (contained) return contained.id;
  const kind = builtInKind(text);
  if (kind === undefined) return undefined;
  return catalogue.roles.find((r) => r.kind === kind)?.id;
}

const LIST_SEPARATORS = /[;,/\n\r|]+/y;
const CONJUNCTIONS = /\s+(?:and|et|&|\+)\s+|\s*[&+]\s*/iy;

/**
 * Every role a recipients cell names. The whole cell is tried first (a mapping may name "Mairie / Ville" as one
 * role), then each item of the list; an item joined by "and"/"et" is split only when every part names a role
 * ("Police and Fire" is two roles, "Fire and Rescue Service" is one).
 */
export function resolveRecipients(cell: string, catalogue: RoleCatalogue): RecipientResolution {
  const roleIds: string[] = [];
  const unknown: string[] = [];
  const add = (id: string): void => {
    if (!roleIds.includes(id)) roleIds.push(id);
  };
  const whole = exactRecipient(cell, catalogue);
  if (whole !== undefined) {
    add(whole);
    return { roleIds, unknown };
  }
  for (const item of splitTopLevel(cell, LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== "")) {
    const parts = splitTopLevel(item, CONJUNCTIONS).map((s) => s.trim()).filter((s) => s !== "");
    const partIds = parts.map((part) => resolveOneRecipient(part, catalogue));
    if (parts.length > 1 && partIds.every((id) => id !== undefined)) {
      partIds.forEach((id) => add(id as string));
      continue;
    }
    const id = resolveOneRecipient(item, catalogue);
    if (id === undefined) unknown.push(item);
    else add(id);
  }
  return { roleIds, unknown };
}

/** A cell that is exactly a role id, an "all players" phrase or a mapping phrase. */
function exactRecipient(cell: string, catalogue: RoleCatalogue): string | undefined {
  const normalised = normaliseText(cell);
  if (ALL_PLAYERS.includes(normalised)) return ALL_ROLES;
  const exact = roleNamedExactly(cell, catalogue);
  if (exact !== undefined) return exact;
  for (const [id, phrases] of Object.entries(catalogue.mapping.roles)) {
    if (phrases.some((phrase) => normaliseText(phrase) === normalised)) return id;
  }
  return undefined;
}

/**
 * Every role named anywhere in a text (for "share with Fire and the council"): ids in order of appearance. Names
 * are role ids, the roles' own names, the mapping's phrases and the built-in phrases that are not ordinary words
 * in a sentence; where names overlap the longest wins, so "press office" is not also read as "press".
 */
export function rolesMentioned(text: string, catalogue: RoleCatalogue): string[] {
  const haystack = ` ${normaliseText(text)} `;
  const candidates: { phrase: string; id: string }[] = [];
  for (const role of catalogue.roles) {
    for (const name of [role.id, ...(role.names ?? [])]) candidates.push({ phrase: normaliseText(name), id: role.id });
  }
  for (const [id, phrases] of Object.entries(catalogue.mapping.roles)) {
    for (const phrase of phrases) candidates.push({ phrase: normaliseText(phrase), id });
  }
  for (const [kind, phrases] of BUILT_IN_RULES) {
    const id = catalogue.roles.find((r) => r.kind === kind)?.id;
    if (id === undefined) continue;
    for (const phrase of phrases) if (!AMBIGUOUS_IN_SENTENCES.has(phrase)) candidates.push({ phrase: normaliseText(phrase), id });
  }
  const found: { start: number; end: number; id: string }[] = [];
  for (const { phrase, id } of candidates.filter((c) => c.phrase !== "").sort((a, b) => b.phrase.length - a.phrase.length)) {
    for (let at = haystack.indexOf(` ${phrase} `); at >= 0; at = haystack.indexOf(` ${phrase} `, at + 1)) {
      const end = at + phrase.length + 1;
      if (!found.some((f) => at < f.end && f.start < end)) found.push({ start: at, end, id });
    }
  }
  const ids: string[] = [];
  for (const match of found.sort((a, b) => a.start - b.start)) if (!ids.includes(match.id)) ids.push(match.id);
  return ids;
}

const AMBIGUOUS_IN_SENTENCES = new Set(["met", "press", "media", "medias", "presse", "city", "town", "rescue",
  "secours", "officers", "pr", "medical", "sante", "las", "communication", "communications", "firearms", "arv",
  "raid", "commune", "ville"]);

const DEFAULT_NAMES: Record<RoleKind, Record<string, string>> = {
  police: { en: "Police", fr: "Police" },
  municipality: { en: "Municipality", fr: "Mairie" },
  "fire-ems": { en: "Fire & ambulance", fr: "Pompiers & SAMU" },
  communication: { en: "Communication", fr: "Communication" },
  other: { en: "Other", fr: "Autre" }
};

/** A role's name in every language: the mapping's, else the family's default, else the id made readable. */
export function roleName(id: string, kind: RoleKind, languages: readonly string[], mapping: RoleMapping): LocalisedText {
  const given = mapping.names[id];
  const name: LocalisedText = {};
  for (const language of languages) {
    if (typeof given === "string") name[language] = given;
    else if (given !== undefined && given[language] !== undefined) name[language] = given[language] as string;
    else if (kind !== "other" && id === kind) name[language] = DEFAULT_NAMES[kind][language] ?? DEFAULT_NAMES[kind].en ?? id;
    else name[language] = mapping.roles[id]?.[0] ?? humaniseId(id);
  }
  return name;
}
