/**
 * What every step of an MSEL import shares: the options, the recognised sheet, the languages, the roles known so
 * far and the problems found so far, with helpers to report a problem and to read a cell's text in a language.
 */
import type { Scenario as ScenarioType } from "./schema.ts";
import type { MselColumn } from "./msel-columns.ts";
import type { MselProblem, MselSeverity } from "./msel-problem.ts";
import type { Sheet, SheetRow } from "./msel-rows.ts";
import type { RoleCatalogue, RoleMapping } from "./msel-roles.ts";
import type { ExpectedActionContext } from "./msel-expected-action.ts";

export interface MselImportOptions {
  /** Language of the text columns without a language tag (default: the base scenario's first, or guessed from the headers, or en). */
  language?: string;
  /** Scenario id (default: the base's, or the file name's). */
  id?: string;
  /** Scenario title in every language (default: the base's, or the file name's). */
  title?: string;
  /** Recipient names → roles, from `--roles mapping.yaml`. */
  mapping?: RoleMapping;
  /** A scenario to take the site, roles, branches and other non-MSEL parts from. */
  base?: ScenarioType;
  /** The CSV file's name, for the default id and title and for messages from the validator. */
  sourceName?: string;
}

/** Words the import itself writes into the scenario, per language (English when there is no translation). */
const WORDS: Record<string, Record<"expected" | "summary" | "response" | "opening" | "untitled", string>> = {
  en: {
    expected: "Expected action (not scored)",
    summary: "Imported from the MSEL {file}: the site, units and positions are placeholders to refine.",
    response: "Response",
    opening: "Opening",
    untitled: "Imported MSEL"
  },
  fr: {
    expected: "Action attendue (non évaluée)",
    summary: "Importé du MSEL {file} : le site, les unités et les positions sont à préciser.",
    response: "Réponse",
    opening: "Ouverture",
    untitled: "MSEL importé"
  }
};

/** One of the import's own words in a language. */
export function word(language: string, key: keyof (typeof WORDS)["en"]): string {
  return (WORDS[language] ?? WORDS.en)?.[key] ?? (WORDS.en as (typeof WORDS)["en"])[key];
}

/** Everything one import works with: the sheet, the options, the problems found so far, the roles known so far. */
export interface MselImport {
  sheet: Sheet;
  options: MselImportOptions;
  mapping: RoleMapping;
  problems: MselProblem[];
  primary: string;
  /** Whether the untagged text columns exist (in the primary language). */
  untagged: boolean;
  languages: string[];
  /** The roles recipients resolve to; grows when the recipient_ids column names a new role (without a base). */
  catalogue: RoleCatalogue;
  /** What reading free-text expected actions needs: the roles and the site's zones and roads. */
  reading: ExpectedActionContext;
  /** Whether the sheet has the columns `cordon msel export` adds: its Notes and Expected action are then derived. */
  exported: boolean;
}

export function report(imp: MselImport, severity: MselSeverity, row: number | undefined, column: MselColumn | undefined, message: string): void {
  const problem: MselProblem = { severity, message };
  if (row !== undefined) problem.row = row;
  if (column !== undefined) problem.column = column.letter;
  imp.problems.push(problem);
}

/** The text of a localised field in one language: the tagged column, or the untagged one for the main language. */
export function localText(imp: MselImport, row: SheetRow, field: "from" | "subject" | "message" | "expected", language: string): string | undefined {
  const tagged = imp.sheet.text(row, field, language);
  if (tagged !== undefined) return tagged;
  return language === imp.primary && imp.untagged ? imp.sheet.text(row, field) : undefined;
}

export function localColumn(imp: MselImport, field: "from" | "subject" | "message" | "expected", language: string): MselColumn | undefined {
  return imp.sheet.column(field, language) ?? (language === imp.primary ? imp.sheet.column(field) : undefined);
}


/** A new id from a candidate, numbered when the candidate is taken; the id is then taken. */
export function uniqueId(candidate: string, used: Set<string>): string {
  let id = candidate;
  for (let n = 2; used.has(id); n++) id = `${candidate.slice(0, 60)}-${n}`;
  used.add(id);
  return id;
}

