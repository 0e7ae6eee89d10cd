/**
 * MSEL import: a Master Scenario Events List, as facilitators keep it in a spreadsheet and save it as CSV, becomes
 * a scenario. Pure: the CSV text (and optionally a role mapping and a base scenario) in; the scenario, or every
 * problem located by spreadsheet row and column, out.
 *
 * What the sheet says becomes injects, expectations, phases (milestone rows) and the exercise's length (STARTEX and
 * ENDEX rows). What an MSEL cannot say — the map, the units, the branches — comes from a base scenario when one is
 * given, otherwise from placeholders (msel-site.ts, msel-cast.ts) the facilitator refines afterwards. The columns
 * `cordon msel export` adds (id, trigger, recipient_ids, needs, confirms, expectations, effects, text per
 * language) are read too, so an exported scenario comes back whole.
 */
import type { ActionMatch, LocalisedText, Scenario as ScenarioType } from "./schema.ts";
import { validateScenarioObject } from "./validate.ts";
import { parseCsv } from "./csv.ts";
import { isAmbiguousTimeHeader, recogniseColumns } from "./msel-columns.ts";
import type { MselProblem } from "./msel-problem.ts";
import { hasErrors } from "./msel-problem.ts";
import type { SheetRow } from "./msel-rows.ts";
import { Sheet, findHeaderRow } from "./msel-rows.ts";
import { ALL_ROLES, EMPTY_ROLE_MAPPING, closedCatalogue, openCatalogue } from "./msel-roles.ts";
import type { ExpectedActionContext, NamedPlace } from "./msel-expected-action.ts";
import { looksLikeClockColumn } from "./msel-time.ts";
import type { SiteNeeds } from "./msel-site.ts";
import { ACCESS_ROAD, INCIDENT_ZONE, placeholderPlaces, placeholderSite } from "./msel-site.ts";
import { DEFAULT_UNIT_TYPES, buildCast } from "./msel-cast.ts";
import { ID_PATTERN, humaniseId, slugify } from "./msel-text.ts";
import type { MselImport, MselImportOptions } from "./msel-import-context.ts";
import { report, uniqueId, word } from "./msel-import-context.ts";
import { chooseLanguages } from "./msel-import-languages.ts";
import type { RowTime } from "./msel-import-rows.ts";
import { buildTimeline, classifyRows, hasRecipient, rowTime } from "./msel-import-rows.ts";
import type { BuiltInject, Ids } from "./msel-import-injects.ts";
import { buildInject } from "./msel-import-injects.ts";
import type { BuiltPhase } from "./msel-import-phases.ts";
import { buildPhase } from "./msel-import-phases.ts";

export type { MselImportOptions } from "./msel-import-context.ts";

/** The columns `cordon msel export` adds: a sheet with any of them is an exported one. */
const MACHINE_FIELDS = ["id", "trigger", "recipientIds", "expectations", "effects", "needs", "confirms"] as const;

export interface MselImportResult {
  /** The scenario, validated, when there are no errors. */
  scenario?: ScenarioType;
  /** The scenario as it should be written to YAML: the same data without the schema's default values filled in. */
  document?: Record<string, unknown>;
  /** Errors, warnings and notes, by spreadsheet row and column. */
  problems: MselProblem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Site needs: every zone, road and point the injects refer to

function collectSiteNeeds(values: readonly unknown[]): { zones: Set<string>; roads: Set<string>; points: [number, number][] } {
  const zones = new Set<string>();
  const roads = new Set<string>();
  const points: [number, number][] = [];
  const visit = (value: unknown, key: string | undefined): void => {
    if (Array.isArray(value)) {
      if (key === "at" && value.length === 2 && value.every((v) => typeof v === "number")) points.push([value[0] as number, value[1] as number]);
      else value.forEach((v) => visit(v, undefined));
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      if (k === "zone" && typeof v === "string") zones.add(v);
      else if (k === "road" && typeof v === "string") roads.add(v);
      else visit(v, k);
    }
  };
  values.forEach((v) => visit(v, undefined));
  return { zones, roads, points };
}

/** Unit types each role must own: for deploy expectations (its lead) and deploy triggers (its role). */
function unitNeeds(injects: readonly BuiltInject[]): Map<string, Set<string>> {
  const needs = new Map<string, Set<string>>();
  const need = (role: string, type: string): void => {
    if (!needs.has(role)) needs.set(role, new Set());
    needs.get(role)?.add(type);
  };
  for (const inject of injects) {
    for (const e of (inject.value.expectations ?? []) as { lead: string; action: ActionMatch }[]) {
      if (e.action.action === "deploy") need(e.lead, e.action.unitType ?? "");
    }
    const trigger = inject.value.trigger as { onAction?: ActionMatch } | undefined;
    if (trigger?.onAction?.action === "deploy" && trigger.onAction.unitType !== undefined) {
      need(trigger.onAction.role ?? inject.to.find((r) => r !== ALL_ROLES) ?? "police", trigger.onAction.unitType);
    }
  }
  return needs;
}

/** With a base scenario: a unit type guessed from free text that the lead does not own is dropped, not failed. */
function dropUnownedUnitTypes(imp: MselImport, injects: readonly BuiltInject[], base: ScenarioType): void {
  for (const inject of injects) {
    for (const e of inject.fromText) {
      if (e.action.action !== "deploy" || e.action.unitType === undefined) continue;
      const role = base.roles.find((r) => r.id === e.lead);
      if (role && !role.units.some((u) => u.type === e.action.unitType)) {
        report(imp, "warning", inject.row, imp.sheet.column("expected"), `${role.id} has no unit of type ${e.action.unitType}: the expected deploy accepts any of its units`);
        delete e.action.unitType;
      }
    }
  }
}

/**
 * The base's branches whose injects are all in the sheet. A branch that lost one (a row deleted from an exported
 * sheet) is left out with a warning, and the injects waiting for it are released by the facilitator instead.
 */
function keptBranches(imp: MselImport, base: ScenarioType, injects: readonly BuiltInject[]): ScenarioType["branches"] {
  const ids = new Set(injects.map((i) => i.value.id as string));
  const kept = base.branches.filter((branch) => {
    const needed = [branch.after, ...branch.options.map((o) => o.release), ...(branch.otherwise === undefined ? [] : [branch.otherwise])];
    const missing = needed.filter((id) => !ids.has(id));
    if (missing.length > 0) {
      report(imp, "warning", undefined, undefined, `branch "${branch.id}" of the base scenario needs inject${missing.length === 1 ? "" : "s"} ${missing.join(", ")}, which the sheet does not have: left out`);
    }
    return missing.length === 0;
  });
  const keptIds = new Set(kept.map((b) => b.id));
  for (const inject of injects) {
    const trigger = inject.value.trigger as { onBranch?: string } | undefined;
    if (trigger?.onBranch !== undefined && !keptIds.has(trigger.onBranch)) {
      report(imp, "warning", inject.row, imp.sheet.column("trigger"), `branch "${trigger.onBranch}" is not in the scenario: released by the facilitator instead`);
      inject.value.trigger = { facilitator: true };
    }
  }
  return kept;
}

/** Unit types free text may name: the base's, or those the placeholder roles get. */
function knownUnitTypes(base: ScenarioType | undefined): string[] {
  if (base) return [...new Set(base.roles.flatMap((r) => r.units.map((u) => u.type)))];
  return [...DEFAULT_UNIT_TYPES];
}

// ---------------------------------------------------------------------------------------------------------------

function fileStem(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.split(/[/\\]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, "");
}

/** Which sheet row a validator path (`injects[3].to[0]`, `phases[1].start`) comes from. */
function rowOfPath(path: string, injectRows: readonly number[], phaseRows: readonly (number | undefined)[]): number | undefined {
  const inject = /^injects\[(\d+)\]/.exec(path);
  if (inject) return injectRows[Number(inject[1])];
  const phase = /^phases\[(\d+)\]/.exec(path);
  if (phase) return phaseRows[Number(phase[1])];
  return undefined;
}

function siteContext(base: ScenarioType | undefined, languages: readonly string[]): Pick<ExpectedActionContext, "zones" | "roads" | "defaultZone" | "defaultRoad"> {
  if (!base) {
    return { ...placeholderPlaces(languages), defaultZone: INCIDENT_ZONE, defaultRoad: ACCESS_ROAD };
  }
  const zones: NamedPlace[] = base.site.zones.map((z) => ({ id: z.id, names: Object.values(z.name) }));
  // Any route can be closed (a tram line too), but a closure that names none is of the first road.
  const roads: NamedPlace[] = base.site.routes.map((r) => ({ id: r.id, names: Object.values(r.name) }));
  const context: Pick<ExpectedActionContext, "zones" | "roads" | "defaultZone" | "defaultRoad"> = { zones, roads };
  const zone = base.site.zones.find((z) => z.state === "incident") ?? base.site.zones[0];
  if (zone) context.defaultZone = zone.id;
  const road = base.site.routes.find((r) => r.kind === "road");
  if (road) context.defaultRoad = road.id;
  return context;
}

/** Problems with the whole file first, then by row (the sort is stable, so a row's problems keep their order). */
function byRow(a: MselProblem, b: MselProblem): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

export function importMsel(text: string, options: MselImportOptions = {}): MselImportResult {
  const result = importSheet(text, options);
  result.problems.sort(byRow);
  return result;
}

function importSheet(text: string, options: MselImportOptions): MselImportResult {
  const problems: MselProblem[] = [];
  const parsed = parseCsv(text);
  problems.push(...parsed.problems.map((p): MselProblem => ({ severity: "error", row: p.row, message: p.message })));
  const rows = parsed.table.rows;
  if (rows.length === 0) return { problems: [...problems, { severity: "error", message: "the file is empty" }] };
  const headerIndex = findHeaderRow(rows);
  if (headerIndex === undefined) {
    problems.push({
      severity: "error",
      row: 1,
      message: "no header row found: the first rows must name the columns (e.g. #, Time, From, To, Method, Subject, Message, Expected action)"
    });
    return { problems };
  }
  for (let r = 0; r < headerIndex; r++) problems.push({ severity: "note", row: r + 1, message: "above the header row: ignored" });
  const headers = rows[headerIndex] as string[];
  const recognised = recogniseColumns(headers, headerIndex + 1);
  problems.push(...recognised.problems);
  const dataRows: SheetRow[] = rows.slice(headerIndex + 1).map((cells, k) => ({ row: headerIndex + 2 + k, cells }));

  // A bare "Time"/"Heure" column holding times of day is a clock.
  const columns = recognised.columns.map((c) =>
    c.field === "time" &&
    !recognised.columns.some((o) => o.field === "clock") &&
    isAmbiguousTimeHeader(c.header) &&
    looksLikeClockColumn(dataRows.map((r) => r.cells[c.index] ?? ""))
      ? { ...c, field: "clock" as const }
      : c
  );
  const sheet = new Sheet(columns);
  if (!sheet.has("message") && !sheet.has("subject")) {
    problems.push({ severity: "error", row: headerIndex + 1, message: "no message column (Message, Inject, Description, Subject...)" });
  }
  if (!sheet.has("to") && !sheet.has("recipientIds")) {
    problems.push({ severity: "error", row: headerIndex + 1, message: "no recipient column (To, Recipient, Player, Destinataire...)" });
  }
  const chosen = chooseLanguages(columns, options, problems);
  if (hasErrors(problems) || !chosen) return { problems };

  const mapping = options.mapping ?? EMPTY_ROLE_MAPPING;
  const base = options.base;
  const catalogue = base ? closedCatalogue(base.roles, mapping) : openCatalogue(mapping);
  const imp: MselImport = {
    sheet,
    options,
    mapping,
    problems,
    ...chosen,
    catalogue,
    reading: { catalogue, ...siteContext(base, chosen.languages), unitTypes: knownUnitTypes(base) },
    exported: MACHINE_FIELDS.some((f) => sheet.has(f))
  };
  if (!imp.exported && sheet.has("notes")) {
    report(imp, "note", headerIndex + 1, sheet.column("notes"), "controller notes are not part of a scenario and were not imported");
  }

  const classified = classifyRows(imp, dataRows);
  const times = new Map<SheetRow, RowTime | undefined>(classified.map((c) => [c.row, rowTime(imp, c.row)]));
  const timeline = buildTimeline(imp, classified, times);
  const at = (row: SheetRow): number | undefined => {
    const time = times.get(row);
    return time === undefined ? undefined : timeline.minutes(time);
  };

  const markers = { startex: classified.filter((c) => c.kind === "startex"), endex: classified.filter((c) => c.kind === "endex") };
  for (const extra of [...markers.startex.slice(1), ...markers.endex.slice(1)]) {
    report(imp, "warning", extra.row.row, imp.sheet.column("type"), `another ${extra.kind.toUpperCase()} row: only the first counts`);
  }
  for (const marker of [...markers.startex.slice(0, 1), ...markers.endex.slice(0, 1)]) {
    if (hasRecipient(imp, marker.row)) {
      report(imp, "note", marker.row.row, undefined, `${marker.kind.toUpperCase()} row: sets the exercise's ${marker.kind === "startex" ? "start" : "end"}, not imported as an inject`);
    }
  }

  const ids: Ids = { injects: new Set(), expectations: new Set() };
  const injects: BuiltInject[] = [];
  const phases: BuiltPhase[] = [];
  const phaseIds = new Set<string>();
  for (const c of classified) {
    if (c.kind === "inject" || c.kind === "contingency") {
      const built = buildInject(imp, c, at(c.row), ids);
      if (built) injects.push(built);
    } else if (c.kind === "milestone") {
      const built = buildPhase(imp, c.row, at(c.row), phaseIds);
      if (built) phases.push(built);
    }
  }
  if (injects.length === 0 && !hasErrors(problems)) problems.push({ severity: "error", message: "no inject rows: nothing to import" });
  if (hasErrors(problems)) return { problems };

  // Roles: the base's, or every role addressed plus the missing core kinds. "All players" means all of them.
  const allRoleIds = (base ? base.roles : catalogue.roles).map((r) => r.id);
  const expand = (list: readonly string[]): string[] => [...new Set(list.flatMap((id) => (id === ALL_ROLES ? allRoleIds : [id])))];
  for (const inject of injects) {
    const to = expand(inject.to);
    inject.value.to = to;
    for (const e of inject.fromText) if (e.lead === ALL_ROLES) e.lead = to[0];
    if (Array.isArray(inject.value.needs)) {
      const needs = expand(inject.value.needs as string[]).filter((r) => !to.includes(r));
      if (needs.length > 0) inject.value.needs = needs;
      else delete inject.value.needs;
    }
  }
  if (base) dropUnownedUnitTypes(imp, injects, base);
  const roles = base ? base.roles : buildCast(catalogue.roles, imp.languages, mapping, { unitTypes: unitNeeds(injects) });

  // Phases: milestone rows, else the base's, else one phase; the first must start at STARTEX.
  phases.sort((a, b) => a.value.start - b.value.start);
  let phaseList: { row?: number; value: unknown }[] = phases;
  if (phases.length > 0 && base) {
    for (const phase of phases) {
      const same = base.phases.find((p) => p.id === phase.value.id);
      if (same && phase.value.questions === undefined && same.questions.length > 0) phase.value.questions = same.questions;
    }
  }
  if (phases.length === 0) {
    phaseList = base
      ? base.phases.map((value) => ({ value }))
      : [{ value: { id: "response", title: Object.fromEntries(imp.languages.map((l) => [l, word(l, "response")])), start: 0 } }];
  } else if ((phases[0] as BuiltPhase).value.start > 0) {
    const openingId = phaseIds.has("opening") ? uniqueId("opening", phaseIds) : "opening";
    phaseList = [{ value: { id: openingId, title: Object.fromEntries(imp.languages.map((l) => [l, word(l, "opening")])), start: 0 } }, ...phases];
    report(imp, "note", phases[0]?.row, undefined, `the first milestone is after STARTEX: a phase "${openingId}" covers the start`);
  }

  // Duration: ENDEX, else the base's, else half an hour after the last timed row.
  const endexRow = markers.endex[0]?.row;
  const endexAt = endexRow ? at(endexRow) : undefined;
  let duration: number;
  if (endexAt !== undefined && endexAt > 0) duration = endexAt;
  else if (base) duration = base.duration;
  else {
    const last = Math.max(0, ...injects.map((i) => (typeof i.value.at === "number" ? i.value.at : 0)), ...phases.map((p) => p.value.start));
    duration = Math.min(600, Math.ceil((last + 30) / 5) * 5);
    report(imp, "warning", endexRow?.row, undefined, `${endexRow ? "ENDEX has no usable time" : "no ENDEX row"}: the exercise lasts ${duration} min`);
  }

  const stem = fileStem(options.sourceName);
  const title: LocalisedText =
    options.title !== undefined
      ? Object.fromEntries(imp.languages.map((l) => [l, options.title as string]))
      : (base?.title ?? Object.fromEntries(imp.languages.map((l) => [l, stem ? humaniseId(slugify(stem) || stem) : word(l, "untitled")])));
  const id = options.id ?? base?.id ?? (slugify(stem ?? "") || "imported-msel");
  if (!ID_PATTERN.test(id)) {
    problems.push({ severity: "error", message: `--id ${id}: a scenario id is lower-case letters, digits and dashes` });
    return { problems };
  }
  const injectValues = injects.map((i) => i.value);
  const needs = collectSiteNeeds(injectValues);
  const siteNeeds: SiteNeeds = { zones: needs.zones, roads: needs.roads, points: needs.points };

  const document: Record<string, unknown> = {
    id,
    title,
    summary: base?.summary ?? Object.fromEntries(imp.languages.map((l) => [l, word(l, "summary").replace("{file}", options.sourceName ?? "")])),
    languages: imp.languages,
    duration
  };
  if (base && base.objectives.length > 0) document.objectives = base.objectives;
  if (base && base.capabilities.length > 0) document.capabilities = base.capabilities;
  document.site = base ? base.site : placeholderSite(undefined, imp.languages, siteNeeds);
  document.roles = roles;
  document.phases = phaseList.map((p) => p.value);
  document.injects = injectValues;
  const branches = base ? keptBranches(imp, base, injects) : [];
  if (branches.length > 0) document.branches = branches;
  if (base) document.scoring = base.scoring;

  const injectRows = injects.map((i) => i.row);
  const phaseRows = phaseList.map((p) => p.row);
  const validation = validateScenarioObject(document, options.sourceName ?? "msel");
  for (const problem of validation.problems) {
    problems.push({
      severity: "error",
      ...(rowOfPath(problem.path, injectRows, phaseRows) === undefined ? {} : { row: rowOfPath(problem.path, injectRows, phaseRows) }),
      message: `${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`
    } as MselProblem);
  }
  if (!validation.scenario || hasErrors(problems)) return { problems };
  return { scenario: validation.scenario, document, problems };
}

