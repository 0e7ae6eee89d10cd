/**
 * Recognising MSEL columns by their header. Facilitators name columns every which way ("#", "Inject No", "H+",
 * "Exercise time", "Destinataire", "Moyen"...), so each field has synonyms in English and French, compared without
 * case, accents or punctuation. Text columns may carry a language tag ("message_fr", "Message (FR)") so one sheet
 * can hold every language of a scenario.
 */
import type { MselProblem } from "./msel-problem.ts";
import { columnLetter } from "./msel-problem.ts";
import { normaliseText } from "./msel-text.ts";

export const MSEL_FIELDS = [
  "number",
  "id",
  "type",
  "time",
  "clock",
  "from",
  "to",
  "recipientIds",
  "method",
  "subject",
  "message",
  "expected",
  "target",
  "jesip",
  "notes",
  "trigger",
  "needs",
  "expectations",
  "effects",
  "confirms"
] as const;
export type MselField = (typeof MSEL_FIELDS)[number];

/** Fields whose text is in a language, and may therefore be repeated once per language with a tag. */
export const LOCALISED_FIELDS: ReadonlySet<MselField> = new Set<MselField>(["from", "subject", "message", "expected"]);

interface Synonyms {
  en: readonly string[];
  fr: readonly string[];
}

/**
 * Header synonyms per field (written as facilitators type them; normalised before comparing). A header listed in
 * both languages says nothing about the sheet's language.
 *
 * `time` is exercise time (H+00:05, T+5); `clock` is time of day (14:05). A bare "Time"/"Heure" column is decided
 * by its content (see msel-time.ts).
 */
const SYNONYMS: Record<MselField, Synonyms> = {
  number: {
    en: ["number", "no", "nr", "num", "serial", "serial no", "serial number", "inject no", "inject number",
      "event no", "event number", "msel no", "msel number", "ref", "seq", "sequence"],
    fr: ["numero", "no", "num", "n", "ref", "reference", "numero d inject", "numero inject", "ordre"]
  },
  id: {
    en: ["id", "inject id", "event id", "identifier", "key"],
    fr: ["id", "identifiant", "id inject"]
  },
  type: {
    en: ["type", "category", "event type", "inject type", "row type", "kind"],
    fr: ["type", "categorie", "type d evenement", "type d inject", "nature"]
  },
  time: {
    en: ["scenario time", "exercise time", "time", "h", "t", "game time", "sim time",
      "simulation time", "elapsed", "elapsed time", "time h", "time t", "relative time", "offset", "minute", "minutes"],
    fr: ["temps", "temps exercice", "temps scenario", "heure exercice", "heure scenario", "h", "t", "heure",
      "horaire", "minute", "minutes", "decalage"]
  },
  clock: {
    en: ["real time", "clock time", "clock", "actual time", "local time", "wall clock", "time of day", "real world time"],
    fr: ["heure reelle", "heure locale", "heure reelle prevue", "horaire reel", "heure prevue"]
  },
  from: {
    en: ["from", "source", "sender", "originator", "inject from", "simulated source", "sent by"],
    fr: ["de", "source", "emetteur", "expediteur", "origine", "provenance"]
  },
  to: {
    en: ["to", "recipient", "recipients", "player", "players", "addressee", "agency", "team", "faction",
      "to team", "intended player", "intended players", "player agency", "responsible player"],
    fr: ["a", "pour", "destinataire", "destinataires", "acteur", "acteurs", "joueur", "joueurs", "cellule",
      "service destinataire", "cible"]
  },
  recipientIds: {
    en: ["recipient ids", "recipients ids", "to ids", "role ids", "roles"],
    fr: ["roles", "ids destinataires"]
  },
  method: {
    en: ["method", "channel", "delivery", "delivery method", "means", "mode", "medium", "how", "via"],
    fr: ["moyen", "canal", "vecteur", "mode", "mode de transmission", "moyen de transmission", "support"]
  },
  subject: {
    en: ["subject", "title", "headline", "event", "event title", "inject title", "heading", "summary"],
    fr: ["objet", "titre", "sujet", "intitule", "evenement", "resume"]
  },
  message: {
    en: ["message", "inject", "description", "details", "text", "content", "inject description", "event description",
      "message text", "narrative", "inject text"],
    fr: ["message", "contenu", "texte", "description", "descriptif", "injection", "detail", "details", "texte du message"]
  },
  expected: {
    en: ["expected action", "expected actions", "expected player action", "expected player actions",
      "expected response", "expected outcome", "player action", "expected player response", "expected result"],
    fr: ["action attendue", "actions attendues", "reponse attendue", "reponses attendues", "resultat attendu",
      "attendus", "action attendue des joueurs", "reaction attendue", "reactions attendues"]
  },
  target: {
    en: ["target", "within", "target time", "target min", "target minutes", "time target", "target mins"],
    fr: ["delai", "delai cible", "cible temps", "objectif temps", "dans", "delai min"]
  },
  jesip: {
    en: ["jesip", "jesip principle"],
    fr: ["jesip", "principe jesip"]
  },
  notes: {
    en: ["notes", "note", "controller notes", "controller note", "comments", "comment", "remarks",
      "observations", "evaluator notes", "facilitator notes"],
    fr: ["notes", "note", "notes controleur", "notes animateur", "commentaires", "commentaire", "remarques",
      "observations", "consignes animateur"]
  },
  trigger: {
    en: ["trigger", "release on", "released when"],
    fr: ["declencheur", "declenchement"]
  },
  needs: {
    en: ["needs", "also needs", "relay to"],
    fr: ["besoins", "a relayer a"]
  },
  expectations: {
    en: ["expectations"],
    fr: ["attentes"]
  },
  effects: {
    en: ["effects"],
    fr: ["effets"]
  },
  confirms: {
    en: ["confirms"],
    fr: ["confirme"]
  }
};

/** Headers that may hold either exercise time or time of day; msel-time.ts decides by the cells. */
export const AMBIGUOUS_TIME_HEADERS: ReadonlySet<string> = new Set(["time", "heure", "horaire"]);

export function isAmbiguousTimeHeader(header: string): boolean {
  return AMBIGUOUS_TIME_HEADERS.has(normaliseHeader(header));
}

/** The header's language hint: a synonym only one language uses. */
type HeaderLanguage = "en" | "fr" | "any";

interface SynonymEntry {
  field: MselField;
  language: HeaderLanguage;
}

const SYNONYM_INDEX: ReadonlyMap<string, SynonymEntry> = buildSynonymIndex();

function buildSynonymIndex(): Map<string, SynonymEntry> {
  const index = new Map<string, SynonymEntry>();
  for (const field of MSEL_FIELDS) {
    const { en, fr } = SYNONYMS[field];
    const enSet = new Set(en.map(normaliseText));
    const frSet = new Set(fr.map(normaliseText));
    for (const synonym of new Set([...enSet, ...frSet])) {
      // The first field listing a synonym owns it (e.g. "no" is a number before anything else).
      if (index.has(synonym)) continue;
      const language: HeaderLanguage = enSet.has(synonym) && frSet.has(synonym) ? "any" : enSet.has(synonym) ? "en" : "fr";
      index.set(synonym, { field, language });
    }
  }
  return index;
}

/** How a header reads once symbols that carry meaning are spelled out: "#" and "N°" are numbers, "H+" is H. */
function normaliseHeader(header: string): string {
  return normaliseText(
    header
      .replace(/#/g, " number ")
      .replace(/\bn\s*[°º]/gi, " number ")
      // "Destinataire(s)", "Recipient(s)": the optional plural is part of the word.
      .replace(/(\w)\((e?s)\)/gi, "$1$2")
  );
}

export interface MselColumn {
  index: number;
  /** The column letter, as the spreadsheet shows it. */
  letter: string;
  header: string;
  field: MselField;
  /** For localised fields: the language from the header tag, or undefined for the sheet's main language. */
  language?: string;
  /** The language the header's wording suggests (French "Destinataire" vs English "Recipient"). */
  headerLanguage: HeaderLanguage;
}

export interface MselColumns {
  columns: MselColumn[];
  problems: MselProblem[];
}

/** Finds the field (and language tag) of one header, or undefined when it is not an MSEL column. */
export function recogniseHeader(header: string): Omit<MselColumn, "index" | "letter" | "header"> | undefined {
  const normalised = normaliseHeader(header);
  if (normalised === "") return undefined;
  const direct = SYNONYM_INDEX.get(normalised);
  if (direct) return { field: direct.field, headerLanguage: direct.language };
  // "Inject / Message", "Method/Channel": a header naming the field twice; the first recognised part counts.
  if (header.includes("/")) {
    for (const part of header.split("/")) {
      const recognised = part.trim() === "" ? undefined : recogniseHeader(part);
      if (recognised) return recognised;
    }
  }
  // "message_fr", "Message (FR)", "Subject [de]": a localised field and a two-letter language code.
  const tagged = /^(.*) ([a-z]{2})$/.exec(normalised);
  if (tagged) {
    const entry = SYNONYM_INDEX.get(tagged[1] as string);
    if (entry && LOCALISED_FIELDS.has(entry.field)) {
      return { field: entry.field, language: tagged[2] as string, headerLanguage: entry.language };
    }
  }
  return undefined;
}

/**
 * Recognises every header of the sheet (`row` is the header's spreadsheet row); unknown and duplicated columns are
 * reported and ignored.
 */
export function recogniseColumns(headers: readonly string[], row = 1): MselColumns {
  const columns: MselColumn[] = [];
  const problems: MselProblem[] = [];
  headers.forEach((header, index) => {
    const letter = columnLetter(index);
    if (header.trim() === "") return;
    const recognised = recogniseHeader(header);
    if (!recognised) {
      problems.push({ severity: "note", row, column: letter, message: `column "${header}" is not an MSEL column I know; ignored` });
      return;
    }
    const duplicate = columns.find((c) => c.field === recognised.field && c.language === recognised.language);
    if (duplicate) {
      problems.push({
        severity: "warning",
        row,
        column: letter,
        message: `column "${header}" repeats column ${duplicate.letter} ("${duplicate.header}"); ignored`
      });
      return;
    }
    columns.push({ index, letter, header: header.trim(), ...recognised });
  });
  return { columns, problems };
}

/** The language the headers are written in, when they say so: more French-only than English-only headers → fr. */
export function guessHeaderLanguage(columns: readonly MselColumn[]): "en" | "fr" | undefined {
  const fr = columns.filter((c) => c.headerLanguage === "fr").length;
  const en = columns.filter((c) => c.headerLanguage === "en").length;
  if (fr > en) return "fr";
  if (en > fr) return "en";
  return undefined;
}
