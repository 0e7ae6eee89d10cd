/**
 * Reading the "Expected action" column of an MSEL — free text such as "Acknowledge, then deploy ARV within 5 min;
 * inform Fire and the council" — as expectations with a best-effort ActionMatch.
 *
 * The text is cut into clauses ("then", ";", new lines, "and" between two actions) and each clause is read by
 * keywords, in English and French, most specific first: a "tweet" is a public message before "send" is a deploy,
 * "send METHANE" is a METHANE report. Clauses that name no action are returned so the importer can report them.
 */
import type { ActionKindId, ActionMatch, CordonLevel, JesipPrinciple } from "./schema.ts";
import type { RoleCatalogue } from "./msel-roles.ts";
import { resolveRecipients, roleNamedExactly, rolesMentioned } from "./msel-roles.ts";
import { containsPhrase, normaliseText } from "./msel-text.ts";

/** A named place of the site a clause may mention: its id and its names in every language. */
export interface NamedPlace {
  id: string;
  names: string[];
}

export interface ExpectedActionContext {
  catalogue: RoleCatalogue;
  zones: readonly NamedPlace[];
  roads: readonly NamedPlace[];
  /** Where a cordon or evacuation goes when the text names no zone: the incident zone. */
  defaultZone?: string;
  /** Which road a closure concerns when the text names none. */
  defaultRoad?: string;
  /** Unit types the roles own, recognised by name in the text before the usual words ("medical-team"). */
  unitTypes?: readonly string[];
}

export interface ReadAction {
  /** The clause as written, kept as the expectation's description. */
  text: string;
  action: ActionMatch;
  /**
   * True when the clause is only the export's wording of the action ("Police: deploy patrol (within 5 min)"), which
   * the action and target already say: it needs no description.
   */
  generated?: boolean;
  /** A lead named in the clause ("Fire: deploy ambulances"); otherwise the inject's first recipient leads. */
  lead?: string;
  /** "within 5 min" in the clause. */
  target?: number;
}

export interface ExpectedActionReading {
  actions: ReadAction[];
  /** Clauses in which no action could be recognised. */
  unread: string[];
}

/** Action kinds in the order they are tried, each with the patterns (over normalised text) that announce it. */
const ACTION_PATTERNS: readonly (readonly [ActionKindId, RegExp])[] = [
  ["methane", /\b(m ?ethane|ethane)\b/],
  [
    "public-message",
    /\b(statements?|holding|tweets?|tweeter|publish\w*|press release|press conference|public (message|warning|information)|(warn|inform|alert|update|reassure|advise|tell)\w* the public|social media (post|message|update)|post\w* on|run hide tell|communiques?|message (a|au|aux) (la )?(population|public)|(informer|alerter|avertir|rassurer) (la population|le public)|publier|conference de presse|fr alert|publicly|publiquement|correct\w* (the |a )?rumou?rs?|rumou?r correction|dement\w*)\b/
  ],
  ["lift-cordon", /\b((lift|stand down|remove|reduce)\w* (the )?(\w+ )?cordons?|lev\w* (le |du )?(perimetre|bouclage|cordon))\b/],
  ["set-cordon", /\b(cordon\w*|perimeters?|perimetre\w*|bouclage|boucler|exclusion zone|zone d exclusion|secure the (area|scene)|securiser (la zone|le site))\b/],
  ["evacuate", /\b(evacu\w*|clear (the )?(area|square|market|zone|crowd))\b/],
  ["open-road", /\b(re ?open\w*|rouvr\w*|reouvr\w*|open\w* (the )?(road|street|route))\b/],
  [
    "close-road",
    /\b((clos\w*|block\w*|shut\w*|ferm\w*|barr\w*|coup\w*|interdi\w*) .*\b(roads?|streets?|routes?|rues?|voies?|circulation|traffic|access|acces|avenues?|boulevards?|rocades?|quais?|ponts?|bridges?|lanes?|motorways?|autoroutes?)\b|\b(roads?|streets?|routes?|traffic|circulation) (clos\w*|block\w*|fermee?s?))/
  ],
  ["request-resources", /\b(request\w*|mutual aid|reinforcements?|back ?up|additional resources|call in|demand\w* (des )?(renforts|moyens)|renforts?|sollicit\w*|requisition\w*)\b/],
  ["deploy", /\b(deploy\w*|dispatch\w*|despatch\w*|send\w*|sent|mobilis\w*|mobiliz\w*|attend(s|ed|ing)?|engag\w*|envoy\w*|envoi|deploi\w*|depech\w*|project\w*|position\w*|pre ?position\w*)\b/],
  ["decision", /\b(decid\w*|decision\w*|agree\w*|declar\w*|activat\w*|activ\w*|consider\w*|jdm|joint decision|declench\w*|arbitr\w*|valid\w*|statuer)\b/],
  ["share", /\b(shar\w*|inform\w*|relay\w*|pass\w* (on|to|the)|notif\w*|tell|update\w*|brief\w*|alert\w*|warn\w*|liais\w*|partag\w*|relai\w*|transmet\w*|transmis|preven\w*|avis\w*|rendre compte|rend compte|communicate with)\b/],
  ["acknowledge", /\b(acknowledg\w*|ack|confirm (the )?receipt|read back|accus\w* (de )?reception|prise? en compte|prendre en compte|confirmer (la )?reception)\b/]
];

const DEFAULT_JESIP: Record<ActionKindId, JesipPrinciple> = {
  acknowledge: "communicate",
  share: "shared-situational-awareness",
  methane: "shared-situational-awareness",
  deploy: "co-ordinate",
  "request-resources": "co-ordinate",
  "claim-task": "co-ordinate",
  "assign-task": "co-ordinate",
  decision: "co-ordinate",
  "set-cordon": "jointly-understand-risk",
  "lift-cordon": "jointly-understand-risk",
  evacuate: "jointly-understand-risk",
  "close-road": "co-ordinate",
  "open-road": "co-ordinate",
  "public-message": "communicate"
};

/** The JESIP principle an expectation of this kind exercises, when the sheet does not say. */
export function defaultJesip(action: ActionKindId): JesipPrinciple {
  return DEFAULT_JESIP[action];
}

/** Unit types and the words that name them (the types the generated roles own; see msel-cast.ts). */
const UNIT_TYPES: readonly (readonly [string, RegExp])[] = [
  ["armed-response", /\b(armed|arvs?|firearms?|afos?|sfos?|ctsfo|raid|bri|gign|psig|tactical)\b/],
  ["hart", /\b(hart|hazardous area|nrbc|cbrn)\b/],
  ["ambulance", /\b(ambulances?|paramedics?|vsav|smur|medical teams?|equipes? medicales?|medics?)\b/],
  ["fire-engine", /\b(fire engines?|appliances?|pumps?|fire crews?|fpt|engins? pompes?|pompiers|fire)\b/],
  ["stewards", /\b(stewards?|stewarding|marshals?|security staff|agents? de securite|agents? municipaux|asvp)\b/],
  ["patrol", /\b(patrols?|patrouilles?|response cars?|officers|policiers|equipages?|police units?|police)\b/]
];

/** The unit type a deploy or request clause names, if any: one of the known types by name, else by the usual words. */
export function unitTypeFromText(text: string, known: readonly string[] = []): string | undefined {
  const normalised = normaliseText(text);
  const named = [...known]
    .sort((a, b) => b.length - a.length)
    .find((type) => containsPhrase(normalised, normaliseText(type)));
  return named ?? UNIT_TYPES.find(([, pattern]) => pattern.test(normalised))?.[0];
}

const CORDON_LEVELS: readonly (readonly [CordonLevel, RegExp])[] = [
  ["outer", /\b(outer|exterieur\w*|externe|outer cordon)\b/],
  ["hot", /\b(inner|hot|interieur\w*|zone d exclusion|exclusion)\b/],
  ["warm", /\b(warm|tiede|controlee)\b/],
  ["cold", /\b(cold|froide?)\b/]
];

const WITHIN =
  /\b(?:within|in|under|target|dans les|dans|sous|en moins de|d ici|objectif|cible)\s*:?\s+(\d+(?:[.,]\d+)?)\s*(min\w*|mn|m|h|hr|hrs|hours?|heures?)\b/;

/** "within 5 min", "dans les 10 minutes", "(target 3 min)", "within 1.5 h" → minutes. */
export function targetFromText(text: string): number | undefined {
  const lowered = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, " ");
  const match = WITHIN.exec(lowered);
  if (!match) return undefined;
  const value = Number((match[1] as string).replace(",", "."));
  return /^h/.test(match[2] as string) ? value * 60 : value;
}

/** Splits free text into clauses: lines, bullets, ";", sentences, and "then"/"puis". */
export function splitClauses(text: string): string[] {
  return text
    .split(/\r?\n|;|•|\.\s+|\s+then\s+|,\s*then\s+|\s+puis\s+|,\s*puis\s+|\s+ensuite\s+|\s+and then\s+|\s+et ensuite\s+/i)
    .map((clause) => clause.replace(/^\s*(?:[-*–]\s*|\d+[.)]\s*)/, "").replace(/[.\s]+$/, "").trim())
    .filter((clause) => clause !== "");
}

const LOGGED_DECISION = /\b(?:log a decision|consigner une décision)(?:\s+(?:on|sur)\s+([a-z0-9][a-z0-9-]*))?/i;

/** Kinds whose words are unmistakable wherever they stand: "send METHANE" is a report, "tweet" a public message. */
const STRONG_KINDS: ReadonlySet<ActionKindId> = new Set(["methane", "public-message", "lift-cordon", "open-road"]);

const CLOSE_VERB = /\b(clos\w*|block\w*|shut\w*|ferm\w*|barr\w*|coup\w*|interdi\w*)\b/;

/**
 * The action a clause names: a strong kind if present, otherwise the action word that comes first ("Decide on
 * the evacuation route" is a decision, "Inform police of the road closure" is sharing). Closing a road the site
 * names ("Fermer la rocade") counts even without the word "road".
 */
function actionKindOf(clause: string, roads: readonly NamedPlace[] = []): ActionKindId | undefined {
  const normalised = normaliseText(clause);
  // The export's own wording for a decision, whatever its topic says ("log a decision on press-conference").
  if (LOGGED_DECISION.test(clause)) return "decision";
  let first: { kind: ActionKindId; index: number } | undefined;
  for (const [kind, pattern] of ACTION_PATTERNS) {
    const match = pattern.exec(normalised);
    if (!match) continue;
    if (STRONG_KINDS.has(kind)) return kind;
    if (first === undefined || match.index < first.index) first = { kind, index: match.index };
  }
  const closeVerb = CLOSE_VERB.exec(normalised);
  if (closeVerb && placeIn(clause, roads) !== undefined && (first === undefined || closeVerb.index <= first.index)) {
    return "close-road";
  }
  return first?.kind;
}

/**
 * Cuts a clause at ", " / " and " / " et " only where each piece names an action of its own: "Acknowledge and
 * deploy ARV" is two actions; "Share with Police and Fire" is one.
 */
function splitConjunctions(clause: string, roads: readonly NamedPlace[]): string[] {
  const pieces = clause.split(/,\s*|\s+and\s+|\s+et\s+|\s+&\s+/i).filter((p) => p.trim() !== "");
  const merged: string[] = [];
  let rest = clause;
  for (const piece of pieces) {
    const start = rest.indexOf(piece);
    if (merged.length > 0 && actionKindOf(piece, roads) === undefined) {
      // Not an action by itself: it continues the previous piece, with the joining words kept.
      merged[merged.length - 1] += rest.slice(0, start) + piece;
    } else {
      merged.push(piece);
    }
    rest = rest.slice(start + piece.length);
  }
  return merged.map((piece) => piece.trim());
}

/** The place named in the clause (longest name first), else undefined. */
function placeIn(clause: string, places: readonly NamedPlace[]): string | undefined {
  const normalised = ` ${normaliseText(clause)} `;
  let best: { id: string; length: number } | undefined;
  for (const place of places) {
    for (const name of [place.id.replace(/-/g, " "), ...place.names]) {
      const n = normaliseText(name);
      if (n !== "" && normalised.includes(` ${n} `) && (best === undefined || n.length > best.length)) {
        best = { id: place.id, length: n.length };
      }
    }
  }
  return best?.id;
}

/** The roles a share/METHANE clause sends to: those named after "with"/"to"/"à"..., or anywhere in it. */
function recipientsOf(clause: string, catalogue: RoleCatalogue, lead: string): string[] {
  const normalised = normaliseText(clause);
  const afterPreposition = /\b(?:with|to|a|avec|aux|au|vers|aupres de)\b (.*)$/.exec(normalised);
  const fromPreposition = afterPreposition ? rolesMentioned(afterPreposition[1] as string, catalogue) : [];
  const named = fromPreposition.length > 0 ? fromPreposition : rolesMentioned(normalised, catalogue);
  return named.filter((id) => id !== lead);
}

/** "Fire: deploy ambulances" / "Police - set cordon": a role named before a colon or dash leads the clause. */
function leadPrefix(clause: string, catalogue: RoleCatalogue): { lead: string; body: string } | undefined {
  const prefixed = /^\s*([^:]{1,80}?)\s*:\s*(.+)$/s.exec(clause) ?? /^\s*(.{1,40}?)\s+[-–]\s+(.+)$/s.exec(clause);
  if (!prefixed) return undefined;
  const name = prefixed[1] as string;
  const body = prefixed[2] as string;
  // A role's exact name always leads; other text before a colon only if it is not itself an action ("deploy
  // firearms officers to Level 1: upper mall" names a zone with a colon, not a lead called "deploy firearms...").
  const exact = resolveRecipients(name, catalogue);
  if (exact.unknown.length === 0 && exact.roleIds.length === 1 && !/[,;/]/.test(name) && actionKindOf(name) === undefined) {
    const id = exact.roleIds[0] as string;
    return id === "*" ? undefined : { lead: id, body };
  }
  const id = roleNamedExactly(name, catalogue);
  return id === undefined ? undefined : { lead: id, body };
}

function readClause(clause: string, lead: string, context: ExpectedActionContext, namedLead?: string): ReadAction | undefined {
  const prefix = namedLead === undefined ? leadPrefix(clause, context.catalogue) : undefined;
  const body = prefix?.body ?? clause;
  namedLead = prefix?.lead ?? namedLead;
  const kind = actionKindOf(body, context.roads);
  if (kind === undefined) return undefined;
  const actingRole = namedLead ?? lead;
  const action: ActionMatch = { action: kind };
  switch (kind) {
    case "share":
    case "methane": {
      const to = recipientsOf(body, context.catalogue, actingRole);
      if (to.length > 0) action.to = to;
      break;
    }
    case "deploy":
    case "request-resources": {
      // "request resources (counter-drone)": a type written out, as the export does, may be one nobody owns yet.
      const written = kind === "request-resources" ? /\(([a-z0-9]+(?:-[a-z0-9]+)*)\)/.exec(body)?.[1] : undefined;
      const unitType = written ?? unitTypeFromText(body, context.unitTypes);
      if (unitType !== undefined) action.unitType = unitType;
      const zone = placeIn(body, context.zones);
      if (kind === "deploy" && zone !== undefined) action.zone = zone;
      break;
    }
    case "set-cordon":
    case "lift-cordon":
    case "evacuate": {
      const zone = placeIn(body, context.zones) ?? context.defaultZone;
      if (zone !== undefined) action.zone = zone;
      if (kind === "set-cordon") {
        const level = CORDON_LEVELS.find(([, pattern]) => pattern.test(normaliseText(body)))?.[0];
        if (level !== undefined) action.level = level;
      }
      break;
    }
    case "close-road":
    case "open-road": {
      const road = placeIn(body, context.roads) ?? context.defaultRoad;
      if (road !== undefined) action.road = road;
      break;
    }
    case "public-message": {
      // "(holding-statement)": a topic id written out, as the export does; else the topic the words speak of.
      const topic = /\(([a-z0-9]+(?:-[a-z0-9]+)+)\)/.exec(body)?.[1] ?? publicMessageTopic(body);
      if (topic !== undefined) action.topic = topic;
      break;
    }
    case "decision": {
      const topic = LOGGED_DECISION.exec(body)?.[1] ?? /\b(?:on|sur)\s+([a-z0-9]+(?:-[a-z0-9]+)+)\b/.exec(body)?.[1];
      if (topic !== undefined) action.topic = topic;
      // "... with Fire and the council": a joint decision with these roles.
      const joint = /\b(?:with|avec)\b(.*)$/i.exec(body);
      const to = joint ? rolesMentioned(joint[1] as string, context.catalogue).filter((id) => id !== actingRole) : [];
      if (to.length > 0) action.to = to;
      break;
    }
    default:
      break;
  }
  const read: ReadAction = { text: clause, action };
  if (namedLead !== undefined) read.lead = namedLead;
  const target = targetFromText(body);
  if (target !== undefined) read.target = target;
  return read;
}

const TOPICS: readonly (readonly [string, RegExp])[] = [
  ["run-hide-tell", /\b(run hide tell|run hide|s echapper se cacher alerter|fuir se cacher alerter)\b/],
  ["rumour-correction", /\b(rumou?rs?|rumeurs?|false reports?|fake|correct\w*|dement\w*|fausses? informations?|infox)\b/],
  ["reception-centre", /\b(reception cent\w*|family assistance|centre d accueil|cai|accueil des familles|numero vert)\b/],
  ["road-closures", /\b(road closures?|closed roads|fermetures? de routes?|routes fermees|circulation|traffic)\b/],
  ["all-clear", /\b(all clear|fin d alerte|fin de l alerte|levee de l alerte|retour a la normale)\b/],
  ["holding-statement", /\b(holding|first statement|premier communique|message d attente|communique d attente)\b/]
];

/** The public-message topic a clause speaks of, among the topics scenarios use. */
export function publicMessageTopic(text: string): string | undefined {
  const normalised = normaliseText(text);
  return TOPICS.find(([, pattern]) => pattern.test(normalised))?.[0];
}

const EXPORTED_WITHOUT_DESCRIPTION = /^[^:]{1,80}:\s.*\((?:within|sous)\s+[\d.,]+\s*min\)\s*$/;

const TARGET_ONLY = /^\(?\s*(?:within|target|in|under|sous|dans les|dans|en moins de|objectif|cible)\s*:?\s*\d+(?:[.,]\d+)?\s*\w*\s*\)?$/i;

/**
 * Reads an expected-action cell. `lead` is the inject's first recipient, who leads unless a clause names another
 * role before a colon. On a line written "<action> — <description>" (as the export writes them), only the part
 * before the dash is read, and the part after it becomes the expectation's description.
 */
export function readExpectedAction(text: string, lead: string, context: ExpectedActionContext): ExpectedActionReading {
  const actions: ReadAction[] = [];
  const unread: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    // The dash after "(within N min)" when there is one (a zone's name may hold a dash too), else the first.
    const exported = /^(.*?\((?:within|sous)\s+[\d.,]+\s*min\))\s+—\s+(.*)$/s.exec(line);
    const dash = line.indexOf(" — ");
    const head = exported ? (exported[1] as string) : dash < 0 ? line : line.slice(0, dash);
    const description = exported ? (exported[2] as string).trim() : dash < 0 ? "" : line.slice(dash + 3).trim();
    const before = actions.length;
    for (const clause of splitClauses(head)) {
      // A lead named at the start of a clause leads every action in it ("Council: close the road and deploy stewards").
      const prefix = leadPrefix(clause, context.catalogue);
      for (const piece of splitConjunctions(prefix?.body ?? clause, context.roads)) {
        const read = readClause(piece, lead, context, prefix?.lead);
        if (read === undefined) {
          // "(within 5 min)" on its own belongs to the action before it.
          const previous = actions[actions.length - 1];
          const target = targetFromText(piece);
          if (TARGET_ONLY.test(piece.trim()) && previous !== undefined && target !== undefined) previous.target = target;
          else unread.push(piece);
          continue;
        }
        if (prefix !== undefined && read.text === piece) read.text = `${clause.slice(0, clause.length - prefix.body.length)}${piece}`.trim();
        const same = actions.find((a) => JSON.stringify(a.action) === JSON.stringify(read.action) && a.lead === read.lead);
        if (same) same.text += `; ${read.text}`;
        else actions.push(read);
      }
    }
    if (description !== "" && actions.length === before + 1) (actions[before] as ReadAction).text = description;
    else if (description === "" && EXPORTED_WITHOUT_DESCRIPTION.test(line) && actions.length === before + 1) {
      (actions[before] as ReadAction).generated = true;
    }
  }
  return { actions, unread };
}
