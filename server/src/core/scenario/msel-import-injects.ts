/**
 * One inject row of an imported sheet → one inject: its id, recipients, channel, text in every language, release
 * (time, trigger, or the controller for contingency rows), needs, confirms, effects and expectations (from the
 * JSON column, or read from the free-text expected action).
 */
import { z } from "zod";
import type { ActionMatch, ChannelId, JesipPrinciple, LocalisedText, RoleKind } from "./schema.ts";
import { Effects, Expectation } from "./schema.ts";
import type { MselColumn } from "./msel-columns.ts";
import type { SheetRow } from "./msel-rows.ts";
import { channelFromText, knownChannelWords } from "./msel-channels.ts";
import { ALL_ROLES, builtInKind, mappedKind, resolveRecipients } from "./msel-roles.ts";
import { defaultJesip, readExpectedAction, targetFromText } from "./msel-expected-action.ts";
import { parseTrigger } from "./msel-trigger.ts";
import { parseScenarioTime } from "./msel-time.ts";
import { ID_PATTERN, normaliseText, slugify, splitList } from "./msel-text.ts";
import type { MselImport } from "./msel-import-context.ts";
import { localColumn, localText, report, uniqueId, word } from "./msel-import-context.ts";
import type { Classified } from "./msel-import-rows.ts";

/** Minutes an expectation read from free text gets when the sheet gives no target. */
const DEFAULT_TARGET = 10;
/** How an inject with an empty method is delivered: told in the room, the most neutral way. */
const DEFAULT_CHANNEL: ChannelId = "briefing";

const JESIP_WORDS: readonly (readonly [JesipPrinciple, RegExp])[] = [
  ["co-locate", /^(co ?locat\w*|colocat\w*)$/],
  ["communicate", /^(communicat\w*|communiquer)$/],
  ["co-ordinate", /^(co ?ordinat\w*|coordinat\w*|coordonner|coordination)$/],
  ["jointly-understand-risk", /^(jointly understand\w* risk|joint understanding of risk|risk|risque\w*|comprendre (ensemble )?les risques)$/],
  ["shared-situational-awareness", /^(shared situational awareness|ssa|situational awareness|conscience (partagee de la )?situation\w*)$/]
];

export interface BuiltInject {
  row: number;
  value: Record<string, unknown>;
  /** Recipients before "All players" is expanded. */
  to: string[];
  /** Expectations read from the free-text column (not the JSON one): their lead may still be "all players". */
  fromText: { lead: unknown; action: ActionMatch }[];
}

export interface Ids {
  injects: Set<string>;
  expectations: Set<string>;
}

export function injectId(imp: MselImport, row: SheetRow, ids: Ids): string | undefined {
  const given = imp.sheet.cell(row, "id");
  if (given) {
    if (!ID_PATTERN.test(given.text)) {
      report(imp, "error", row.row, given.column, `inject id "${given.text}" must be lower-case letters, digits and dashes (at most 64, starting with a letter or digit)`);
      return undefined;
    }
    if (ids.injects.has(given.text)) {
      report(imp, "error", row.row, given.column, `inject id "${given.text}" is used by an earlier row`);
      return undefined;
    }
    ids.injects.add(given.text);
    return given.text;
  }
  const number = slugify(imp.sheet.text(row, "number") ?? "");
  return uniqueId(number !== "" ? `inject-${number}` : `inject-row-${row.row}`, ids.injects);
}

/** A title from a message: its first line or sentence, shortened to a headline. */
function headline(message: string): string {
  const first = message.split(/\r?\n|(?<=[.!?])\s/)[0]?.trim() ?? message;
  return first.length <= 80 ? first : `${first.slice(0, 77).trimEnd()}…`;
}

function recipientsOf(imp: MselImport, row: SheetRow): string[] | undefined {
  const idsCell = imp.sheet.cell(row, "recipientIds");
  if (idsCell) {
    const names = splitList(imp.sheet.text(row, "to") ?? "");
    const ids = splitList(idsCell.text);
    let ok = true;
    ids.forEach((id, k) => {
      if (!ensureRole(imp, row, idsCell.column, id, names.length === ids.length ? names[k] : undefined)) ok = false;
    });
    return ok ? [...new Set(ids)] : undefined;
  }
  const toCell = imp.sheet.cell(row, "to");
  if (!toCell) return undefined;
  const resolved = resolveRecipients(toCell.text, imp.catalogue);
  for (const unknown of resolved.unknown) {
    report(imp, "error", row.row, toCell.column, `unknown recipient "${unknown}" in column "${toCell.column.header}": use a role id (${imp.catalogue.roles.map((r) => r.id).join(", ")}) or map the name with --roles mapping.yaml (roles: { <role id>: ["${unknown}"] })`);
  }
  return resolved.unknown.length === 0 ? resolved.roleIds : undefined;
}

/**
 * Makes sure a role id from the recipient_ids (or needs) column exists: a known role, or — without a base scenario
 * — a new role whose kind comes from the mapping or from its name in the To column.
 */
export function ensureRole(imp: MselImport, row: SheetRow, column: MselColumn, id: string, name: string | undefined): boolean {
  if (id === ALL_ROLES || imp.catalogue.roles.some((r) => r.id === id)) return true;
  if (!ID_PATTERN.test(id)) {
    report(imp, "error", row.row, column, `"${id}" is not a role id (lower-case letters, digits and dashes)`);
    return false;
  }
  if (imp.catalogue.closed) {
    report(imp, "error", row.row, column, `role "${id}" is not a role of the base scenario (its roles: ${imp.catalogue.roles.map((r) => r.id).join(", ")})`);
    return false;
  }
  const kind: RoleKind = imp.mapping.kinds[id] ?? (name !== undefined ? builtInKind(name) : undefined) ?? builtInKind(id) ?? mappedKind(imp.mapping, id);
  imp.catalogue.roles.push({ id, kind });
  return true;
}

function channelOf(imp: MselImport, row: SheetRow): ChannelId | undefined {
  const method = imp.sheet.cell(row, "method");
  if (!method) {
    report(imp, "warning", row.row, imp.sheet.column("method"), `no delivery method: delivered as "${DEFAULT_CHANNEL}"`);
    return DEFAULT_CHANNEL;
  }
  const channel = channelFromText(method.text);
  if (channel === undefined) {
    report(imp, "error", row.row, method.column, `unknown delivery method "${method.text}" in column "${method.column.header}" (understood: ${knownChannelWords()}, and words such as tel, 999, twitter, journalist, alarm, in person)`);
  }
  return channel;
}

export function localised(imp: MselImport, row: SheetRow, field: "from" | "subject" | "message"): Map<string, string> {
  const texts = new Map<string, string>();
  for (const language of imp.languages) {
    const text = localText(imp, row, field, language);
    if (text !== undefined) texts.set(language, text);
  }
  return texts;
}

function jesipOf(imp: MselImport, row: SheetRow, fallback: JesipPrinciple): JesipPrinciple {
  const cell = imp.sheet.cell(row, "jesip");
  if (!cell) return fallback;
  const normalised = normaliseText(cell.text);
  const found = JESIP_WORDS.find(([, pattern]) => pattern.test(normalised))?.[0];
  if (found === undefined) {
    report(imp, "warning", row.row, cell.column, `unknown JESIP principle "${cell.text}" (co-locate, communicate, co-ordinate, jointly-understand-risk, shared-situational-awareness); using ${fallback}`);
    return fallback;
  }
  return found;
}

function targetOf(imp: MselImport, row: SheetRow): number | undefined {
  const cell = imp.sheet.cell(row, "target");
  if (!cell) return undefined;
  const fromText = targetFromText(cell.text);
  const parsed = parseScenarioTime(cell.text);
  const minutes = fromText ?? (parsed.ok ? parsed.minutes : undefined);
  if (minutes === undefined || minutes <= 0 || minutes > 600) {
    report(imp, "warning", row.row, cell.column, `target "${cell.text}" is not a number of minutes between 0 and 600; using ${DEFAULT_TARGET}`);
    return undefined;
  }
  return minutes;
}

function jsonCell<T>(imp: MselImport, row: SheetRow, field: "expectations" | "effects", schema: z.ZodType<T>): unknown {
  const cell = imp.sheet.cell(row, field);
  if (!cell) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(cell.text);
  } catch (error) {
    report(imp, "error", row.row, cell.column, `column "${cell.column.header}" is not valid JSON: ${(error as Error).message}`);
    return null;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      report(imp, "error", row.row, cell.column, `${field}${issue.path.length > 0 ? `[${issue.path.join("][")}]` : ""}: ${issue.message}`);
    }
    return null;
  }
  return value;
}

function idListOf(imp: MselImport, row: SheetRow, field: "needs" | "confirms"): string[] {
  const cell = imp.sheet.cell(row, field);
  if (!cell) return [];
  const items = splitList(cell.text);
  if (field === "confirms") {
    return items.filter((item) => {
      if (ID_PATTERN.test(item)) return true;
      report(imp, "error", row.row, cell.column, `topic "${item}" must be an id (lower-case letters, digits and dashes), e.g. attack-over`);
      return false;
    });
  }
  const ids: string[] = [];
  for (const item of items) {
    const resolved = resolveRecipients(item, imp.catalogue);
    if (resolved.unknown.length === 0 && resolved.roleIds.length > 0) {
      ids.push(...resolved.roleIds.filter((id) => !ids.includes(id)));
    } else if (ensureRole(imp, row, cell.column, item, undefined)) {
      ids.push(item);
    }
  }
  return ids;
}

/** Expectations read from the free-text expected-action column; unread clauses go back to the message. */
function expectationsFromText(
  imp: MselImport,
  row: SheetRow,
  id: string,
  to: readonly string[],
  ids: Ids,
  content: Map<string, string>
): Record<string, unknown>[] {
  const expectedCell = localColumn(imp, "expected", imp.primary);
  const text = localText(imp, row, "expected", imp.primary);
  if (text === undefined) return [];
  const lead = to[0] ?? ALL_ROLES;
  const reading = readExpectedAction(text, lead, imp.reading);
  const rowTarget = targetOf(imp, row);
  const expectations: Record<string, unknown>[] = [];
  for (const read of reading.actions) {
    const expectationLead = read.action.action === "acknowledge" && read.lead !== undefined && !to.includes(read.lead) ? lead : (read.lead ?? lead);
    const description: LocalisedText = {};
    for (const language of imp.languages) {
      const translated = language === imp.primary ? undefined : localText(imp, row, "expected", language);
      description[language] = reading.actions.length === 1 && reading.unread.length === 0 && translated !== undefined ? translated : read.text;
    }
    const expectation: Record<string, unknown> = {
      id: uniqueId(`${id}-${read.action.action}`, ids.expectations),
      lead: expectationLead,
      action: read.action satisfies ActionMatch,
      ...(read.generated ? {} : { description }),
      target: read.target ?? rowTarget ?? DEFAULT_TARGET,
      jesip: jesipOf(imp, row, defaultJesip(read.action.action))
    };
    expectations.push(expectation);
  }
  if (reading.unread.length > 0) {
    const unread = reading.unread.join("; ");
    report(imp, "warning", row.row, expectedCell, `expected action "${unread}" not understood (no action word such as acknowledge, share, deploy, cordon, evacuate, close road, request, decide, METHANE or statement); kept in the inject's message, not scored`);
    for (const language of imp.languages) {
      const translated = language === imp.primary ? undefined : localText(imp, row, "expected", language);
      const kept = reading.actions.length === 0 && translated !== undefined ? translated : unread;
      const current = content.get(language);
      if (current !== undefined) content.set(language, `${current}\n\n${word(language, "expected")}: ${kept}`);
    }
  }
  return expectations;
}

export function buildInject(imp: MselImport, classified: Classified, at: number | undefined, ids: Ids): BuiltInject | undefined {
  const { row, kind } = classified;
  const errorsBefore = imp.problems.filter((p) => p.severity === "error").length;
  const id = injectId(imp, row, ids);
  const to = recipientsOf(imp, row);
  const channel = channelOf(imp, row);

  const subjects = localised(imp, row, "subject");
  const messages = localised(imp, row, "message");
  const froms = localised(imp, row, "from");
  const title: LocalisedText = {};
  const content = new Map<string, string>();
  for (const language of imp.languages) {
    const subject = subjects.get(language);
    const message = messages.get(language);
    if (subject === undefined && message === undefined) {
      const where = localColumn(imp, "message", language) ?? localColumn(imp, "subject", language);
      report(imp, "error", row.row, where, language === imp.primary ? "no subject and no message" : `no ${language} subject or message (columns subject_${language}, message_${language})`);
      continue;
    }
    title[language] = subject ?? headline(message as string);
    content.set(language, message ?? (subject as string));
  }

  // How it is released: the trigger column, else the time; contingency rows wait for the controller.
  let trigger: unknown;
  const triggerCell = imp.sheet.cell(row, "trigger");
  if (triggerCell) {
    const parsed = parseTrigger(triggerCell.text);
    if (!parsed.ok) report(imp, "error", row.row, triggerCell.column, parsed.message);
    else trigger = parsed.trigger;
    if (parsed.ok && "onBranch" in parsed.trigger && !imp.options.base) {
      report(imp, "warning", row.row, triggerCell.column, `trigger onBranch:${parsed.trigger.onBranch} needs the branch, which an MSEL cannot hold: released by the facilitator instead (import with --base <scenario> to keep the branch)`);
      trigger = { facilitator: true };
    }
  } else if (kind === "contingency") {
    trigger = { facilitator: true };
  } else if (at === undefined) {
    report(imp, "warning", row.row, imp.sheet.column("time") ?? imp.sheet.column("clock"), "no time and no trigger: released by the facilitator");
    trigger = { facilitator: true };
  }
  if (trigger !== undefined && at !== undefined) {
    const timeColumn = imp.sheet.column("time") ?? imp.sheet.column("clock");
    report(imp, "note", row.row, timeColumn, `released by ${triggerCell ? "its trigger" : "the controller (contingency)"}: the time is ignored`);
  }
  if (at !== undefined && at < 0 && trigger === undefined) {
    report(imp, "error", row.row, imp.sheet.column("time") ?? imp.sheet.column("clock"), `this inject is ${Math.abs(at)} min before STARTEX`);
  }

  const needs = idListOf(imp, row, "needs");
  const confirms = idListOf(imp, row, "confirms");
  const effects = jsonCell(imp, row, "effects", Effects);
  const jsonExpectations = jsonCell(imp, row, "expectations", z.array(Expectation));
  if (id === undefined || to === undefined || channel === undefined) return undefined;

  const fromText: BuiltInject["fromText"] = [];
  let expectations: unknown;
  if (jsonExpectations !== undefined) {
    expectations = jsonExpectations;
    for (const e of (jsonExpectations ?? []) as { id?: unknown }[]) if (typeof e.id === "string") ids.expectations.add(e.id);
  } else {
    const read = expectationsFromText(imp, row, id, to, ids, content);
    fromText.push(...(read as BuiltInject["fromText"]));
    expectations = read;
  }
  if (imp.problems.filter((p) => p.severity === "error").length > errorsBefore) return undefined;

  const value: Record<string, unknown> = { id };
  if (trigger !== undefined) value.trigger = trigger;
  else value.at = at;
  value.to = to;
  value.channel = channel;
  if (froms.size > 0) {
    const first = froms.get(imp.primary) ?? [...froms.values()][0] as string;
    value.from = Object.fromEntries(imp.languages.map((l) => [l, froms.get(l) ?? first]));
  }
  value.title = title;
  value.content = Object.fromEntries(content);
  if (effects !== undefined && effects !== null) value.effects = effects;
  if (needs.length > 0) value.needs = needs;
  if (confirms.length > 0) value.confirms = confirms;
  if (Array.isArray(expectations) && expectations.length > 0) value.expectations = expectations;
  return { row: row.row, value, to, fromText };
}

