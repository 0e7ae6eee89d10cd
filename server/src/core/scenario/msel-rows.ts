/**
 * The rows of an MSEL sheet: finding the header row (sheets often start with a title line or two), reading a
 * row's cells by field and language, and telling what a row is — STARTEX, ENDEX, a milestone, an admin or comment
 * line, a contingency inject held by the controller, or an inject.
 */
import type { MselColumn, MselField } from "./msel-columns.ts";
import { recogniseHeader } from "./msel-columns.ts";
import { normaliseText } from "./msel-text.ts";

export interface SheetRow {
  /** Spreadsheet row number (the first line of the file is row 1). */
  row: number;
  cells: readonly string[];
}

export interface Cell {
  text: string;
  column: MselColumn;
}

/** Reads a row's cells through the recognised columns. */
export class Sheet {
  readonly columns: readonly MselColumn[];

  constructor(columns: readonly MselColumn[]) {
    this.columns = columns;
  }

  /** The column of a field; for a localised field, `language` undefined is the untagged (main language) column. */
  column(field: MselField, language?: string): MselColumn | undefined {
    return this.columns.find((c) => c.field === field && c.language === language);
  }

  has(field: MselField): boolean {
    return this.columns.some((c) => c.field === field);
  }

  /** The trimmed text of a cell, with its column; undefined when the column is absent or the cell empty. */
  cell(row: SheetRow, field: MselField, language?: string): Cell | undefined {
    const column = this.column(field, language);
    if (!column) return undefined;
    const text = (row.cells[column.index] ?? "").trim();
    return text === "" ? undefined : { text, column };
  }

  text(row: SheetRow, field: MselField, language?: string): string | undefined {
    return this.cell(row, field, language)?.text;
  }
}

/**
 * The header is the first of the top rows in which at least two cells are MSEL columns, one of them the message
 * or subject; rows above it are the sheet's title block.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | undefined {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const fields = (rows[r] as readonly string[]).map((cell) => recogniseHeader(cell)?.field).filter((f) => f !== undefined);
    if (fields.length >= 2 && (fields.includes("message") || fields.includes("subject"))) return r;
  }
  return undefined;
}

export type RowKind = "startex" | "endex" | "milestone" | "admin" | "contingency" | "inject";

const TYPE_WORDS: Record<RowKind, readonly string[]> = {
  startex: ["startex", "start ex", "start", "debut", "debut exercice", "debut de l exercice", "start of exercise",
    "exercise start", "start of play", "debut du jeu"],
  endex: ["endex", "end ex", "end", "fin", "finex", "fin exercice", "fin de l exercice", "end of exercise",
    "exercise end", "end of play", "fin du jeu"],
  milestone: ["milestone", "jalon", "phase", "phase change", "changement de phase", "key event", "move",
    "sequence", "temps fort"],
  admin: ["admin", "administrative", "administration", "logistics", "comment", "note", "info", "information",
    "controller", "control", "controller action", "commentaire", "logistique", "pause", "break", "lunch",
    "hot wash", "hotwash", "debrief", "debriefing", "briefing", "action controleur", "organisation", "animation",
    "consigne", "instruction", "safety", "securite exercice"],
  contingency: ["contingency", "contingent", "contingency inject", "optional", "backup", "back up", "reserve",
    "spare", "as required", "on demand", "facultatif", "optionnel", "de reserve", "contingence",
    "inject de reserve", "inject optionnel", "a la demande", "si besoin"],
  inject: ["inject", "event", "message", "injection", "evenement", "stimulus", "scripted", "scripted inject",
    "expected", "msel", "incident", "scenario", "information inject", "player inject"]
};

const TYPE_INDEX = new Map<string, RowKind>(
  (Object.entries(TYPE_WORDS) as [RowKind, readonly string[]][]).flatMap(([kind, words]) =>
    words.map((w) => [normaliseText(w), kind] as const)
  )
);

/** The row kind a type/category cell names, or undefined for a word I do not know. */
export function rowKindFromType(type: string): RowKind | undefined {
  return TYPE_INDEX.get(normaliseText(type));
}

const STARTEX_TEXT = /^(startex|start ex|debut de l exercice|debut d exercice|start of (the )?exercise)\b/;
const ENDEX_TEXT = /^(endex|end ex|finex|fin de l exercice|fin d exercice|end of (the )?exercise)\b/;
const MILESTONE_TEXT = /^(milestone|phase|jalon)\b/;

/**
 * A row's kind from its text, for sheets without a type column or rows with an empty type: STARTEX or ENDEX at the
 * start of the subject or message, or (for rows addressed to nobody) anywhere in it; a milestone is a row
 * addressed to nobody whose subject begins with "Milestone", "Phase" or "Jalon".
 */
export function rowKindFromText(subject: string, message: string, hasRecipient: boolean): RowKind | undefined {
  const texts = [normaliseText(subject), normaliseText(message)];
  if (texts.some((t) => STARTEX_TEXT.test(t))) return "startex";
  if (texts.some((t) => ENDEX_TEXT.test(t))) return "endex";
  if (!hasRecipient) {
    if (texts.some((t) => /\bstartex\b/.test(t))) return "startex";
    if (texts.some((t) => /\bendex\b/.test(t))) return "endex";
    if (texts.some((t) => MILESTONE_TEXT.test(t))) return "milestone";
  }
  return undefined;
}
