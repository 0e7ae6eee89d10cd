/**
 * MSEL export: a scenario as the spreadsheet facilitators know — number, type, scenario time (H+HH:MM), from, to,
 * method, subject, message, expected action, notes — in one language, followed by machine-readable columns (inject
 * id, trigger, recipient ids, needs, confirms, expectations and effects as JSON, and the text in every other
 * language) so that `cordon msel import` gives back every inject and expectation unchanged.
 *
 * Phases become milestone rows (their debrief questions in the message, one per line), and STARTEX and ENDEX rows
 * carry the exercise's length. The site, roles and branches have no place in an MSEL: import with `--base` to take
 * them from the scenario again.
 */
import type { Inject, Phase, Scenario } from "./schema.ts";
import type { CsvSeparator } from "./csv.ts";
import { writeCsv } from "./csv.ts";
import { channelLabel } from "./msel-channels.ts";
import { describeEffects, describeExpectations, describeNeedsAndConfirms, describeTrigger } from "./msel-describe.ts";
import { formatScenarioTime } from "./msel-time.ts";
import { formatTrigger } from "./msel-trigger.ts";
import { localise } from "./localise.ts";

export interface MselExportOptions {
  /** Language of the human columns (default: the scenario's first language). */
  language?: string;
}

const HUMAN_HEADERS: Record<string, readonly string[]> = {
  en: ["#", "Type", "Scenario time", "From", "To", "Method", "Subject", "Message", "Expected action", "Notes"],
  fr: ["N°", "Type", "Temps exercice", "De", "Destinataires", "Moyen", "Objet", "Message", "Action attendue", "Notes"]
};
const MACHINE_HEADERS = ["id", "trigger", "recipient_ids", "needs", "confirms", "expectations", "effects"] as const;

const ROW_TYPES: Record<string, { startex: string; endex: string; milestone: string; inject: string; start: string; end: string }> = {
  en: { startex: "STARTEX", endex: "ENDEX", milestone: "Milestone", inject: "Inject", start: "Start of exercise", end: "End of exercise" },
  fr: { startex: "STARTEX", endex: "ENDEX", milestone: "Jalon", inject: "Inject", start: "Début de l'exercice", end: "Fin de l'exercice" }
};

/** The sheet as rows of cells, header first. Throws when the language is not one of the scenario's. */
export function exportMsel(scenario: Scenario, options: MselExportOptions = {}): string[][] {
  const language = options.language ?? (scenario.languages[0] as string);
  if (!scenario.languages.includes(language)) {
    throw new Error(`scenario "${scenario.id}" has no ${language} text (its languages: ${scenario.languages.join(", ")})`);
  }
  const others = scenario.languages.filter((l) => l !== language);
  const header = [
    ...(HUMAN_HEADERS[language] ?? (HUMAN_HEADERS.en as readonly string[])),
    ...MACHINE_HEADERS,
    ...others.flatMap((l) => [`from_${l}`, `subject_${l}`, `message_${l}`])
  ];
  const types = ROW_TYPES[language] ?? (ROW_TYPES.en as (typeof ROW_TYPES)["en"]);
  const blank = (): string[] => header.map(() => "");
  const at = (name: string): number => header.indexOf(name);
  const human = HUMAN_HEADERS[language] ?? (HUMAN_HEADERS.en as readonly string[]);
  const column = {
    number: 0,
    type: 1,
    time: 2,
    from: 3,
    to: 4,
    method: 5,
    subject: 6,
    message: 7,
    expected: 8,
    notes: 9,
    id: human.length,
    trigger: human.length + 1,
    recipients: human.length + 2,
    needs: human.length + 3,
    confirms: human.length + 4,
    expectations: human.length + 5,
    effects: human.length + 6
  };

  const marker = (type: string, minutes: number, text: string): string[] => {
    const row = blank();
    row[column.type] = type;
    row[column.time] = formatScenarioTime(minutes);
    row[column.subject] = type;
    row[column.message] = text;
    return row;
  };

  const milestone = (phase: Phase): string[] => {
    const row = blank();
    row[column.type] = types.milestone;
    row[column.time] = formatScenarioTime(phase.start);
    row[column.id] = phase.id;
    row[column.subject] = localise(phase.title, language);
    row[column.message] = phase.questions.map((q) => localise(q, language)).join("\n");
    for (const l of others) {
      row[at(`subject_${l}`)] = localise(phase.title, l);
      row[at(`message_${l}`)] = phase.questions.map((q) => localise(q, l)).join("\n");
    }
    return row;
  };

  const roleNames = (ids: readonly string[]): string =>
    ids.map((id) => localise(scenario.roles.find((r) => r.id === id)?.name, language) || id).join("; ");

  const injectRow = (inject: Inject, number: number): string[] => {
    const row = blank();
    row[column.number] = String(number);
    row[column.type] = types.inject;
    row[column.time] = inject.at === undefined ? "" : formatScenarioTime(inject.at);
    row[column.from] = inject.from ? localise(inject.from, language) : "";
    row[column.to] = roleNames(inject.to);
    row[column.method] = channelLabel(inject.channel, language);
    row[column.subject] = localise(inject.title, language);
    row[column.message] = localise(inject.content, language);
    row[column.expected] = describeExpectations(inject.expectations, scenario, language);
    row[column.notes] = [
      inject.trigger ? describeTrigger(inject.trigger, scenario, language) : "",
      describeEffects(inject.effects, scenario, language),
      describeNeedsAndConfirms(inject.needs, inject.confirms, scenario, language)
    ]
      .filter((line) => line !== "")
      .join("\n");
    row[column.id] = inject.id;
    row[column.trigger] = inject.trigger ? formatTrigger(inject.trigger) : "";
    row[column.recipients] = inject.to.join("; ");
    row[column.needs] = inject.needs.join("; ");
    row[column.confirms] = inject.confirms.join("; ");
    row[column.expectations] = JSON.stringify(inject.expectations);
    row[column.effects] = inject.effects ? JSON.stringify(inject.effects) : "";
    for (const l of others) {
      row[at(`from_${l}`)] = inject.from ? localise(inject.from, l) : "";
      row[at(`subject_${l}`)] = localise(inject.title, l);
      row[at(`message_${l}`)] = localise(inject.content, l);
    }
    return row;
  };

  const rows: string[][] = [header, marker(types.startex, 0, types.start)];
  const pending = [...scenario.phases].sort((a, b) => a.start - b.start);
  const emitPhasesUpTo = (minutes: number): void => {
    while (pending.length > 0 && (pending[0] as Phase).start <= minutes) rows.push(milestone(pending.shift() as Phase));
  };
  emitPhasesUpTo(0);
  scenario.injects.forEach((inject, k) => {
    if (inject.at !== undefined) emitPhasesUpTo(inject.at);
    rows.push(injectRow(inject, k + 1));
  });
  emitPhasesUpTo(Infinity);
  rows.push(marker(types.endex, scenario.duration, types.end));
  return rows;
}

/** The sheet as CSV text (with a byte-order mark, so Excel reads accents right). */
export function exportMselCsv(scenario: Scenario, options: MselExportOptions & { separator?: CsvSeparator } = {}): string {
  const csvOptions = options.separator === undefined ? {} : { separator: options.separator };
  return writeCsv(exportMsel(scenario, options), csvOptions);
}
