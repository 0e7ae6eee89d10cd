/**
 * Milestone rows of an imported sheet → phases: the subject is the title, the message lines (when there is a
 * subject) are the debrief questions, the time is the phase's start.
 */
import type { LocalisedText } from "./schema.ts";
import type { SheetRow } from "./msel-rows.ts";
import { ID_PATTERN, slugify } from "./msel-text.ts";
import type { MselImport } from "./msel-import-context.ts";
import { report, uniqueId } from "./msel-import-context.ts";
import { localised } from "./msel-import-injects.ts";

export interface BuiltPhase {
  row: number;
  value: { id: string; title: LocalisedText; start: number; questions?: LocalisedText[] };
}

export function buildPhase(imp: MselImport, row: SheetRow, start: number | undefined, used: Set<string>): BuiltPhase | undefined {
  const subjects = localised(imp, row, "subject");
  const messages = localised(imp, row, "message");
  const column = imp.sheet.column("time") ?? imp.sheet.column("clock");
  if (start === undefined || start < 0) {
    report(imp, "warning", row.row, column, start === undefined ? "milestone without a time: not kept as a phase" : "milestone before STARTEX: not kept as a phase");
    return undefined;
  }
  const title: LocalisedText = {};
  for (const language of imp.languages) {
    const text = subjects.get(language) ?? messages.get(language) ?? subjects.get(imp.primary) ?? messages.get(imp.primary);
    if (text !== undefined) title[language] = text.replace(/^(milestone|jalon|phase)\s*[:\-–]\s*/i, "") || text;
  }
  if (Object.keys(title).length === 0) {
    report(imp, "warning", row.row, undefined, "milestone without a subject or message: not kept as a phase");
    return undefined;
  }
  const given = imp.sheet.cell(row, "id");
  let id: string;
  if (given && ID_PATTERN.test(given.text) && !used.has(given.text)) {
    id = given.text;
    used.add(id);
  } else {
    if (given) report(imp, "warning", row.row, given.column, `phase id "${given.text}" is not a new lower-case id; one is made from the title`);
    id = uniqueId(slugify(title[imp.primary] ?? Object.values(title)[0] ?? "") || "phase", used);
  }
  const value: BuiltPhase["value"] = { id, title, start };
  // With a subject, the message lines of a milestone are the questions for the debrief of that phase.
  if (subjects.size > 0 && messages.size > 0) {
    const lines = new Map([...messages].map(([l, m]) => [l, m.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "")]));
    const count = lines.get(imp.primary)?.length ?? 0;
    const questions: LocalisedText[] = [];
    for (let k = 0; k < count; k++) {
      const primaryLine = lines.get(imp.primary)?.[k] as string;
      questions.push(Object.fromEntries(imp.languages.map((l) => [l, lines.get(l)?.[k] ?? primaryLine])));
    }
    if (questions.length > 0) value.questions = questions;
  }
  return { row: row.row, value };
}

