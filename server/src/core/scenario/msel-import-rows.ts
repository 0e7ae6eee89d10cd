/**
 * The rows of an imported sheet: which are injects, milestones, STARTEX, ENDEX or comments, and when each happens
 * in minutes from STARTEX (exercise times less STARTEX's, clock times from STARTEX's clock).
 */
import type { MselImport } from "./msel-import-context.ts";
import { localText, report } from "./msel-import-context.ts";
import type { RowKind, SheetRow } from "./msel-rows.ts";
import { rowKindFromText, rowKindFromType } from "./msel-rows.ts";
import type { ClockResult } from "./msel-time.ts";
import { minutesBetween, parseClockTime, parseScenarioTime } from "./msel-time.ts";

export interface Classified {
  row: SheetRow;
  kind: RowKind;
}

export function hasRecipient(imp: MselImport, row: SheetRow): boolean {
  return imp.sheet.text(row, "to") !== undefined || imp.sheet.text(row, "recipientIds") !== undefined;
}

export function classifyRows(imp: MselImport, rows: readonly SheetRow[]): Classified[] {
  const classified: Classified[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === "")) continue;
    const recipient = hasRecipient(imp, row);
    const type = imp.sheet.cell(row, "type");
    const subject = localText(imp, row, "subject", imp.primary) ?? "";
    const message = localText(imp, row, "message", imp.primary) ?? "";
    let kind: RowKind | undefined;
    if (type) {
      kind = rowKindFromType(type.text);
      if (kind === undefined) {
        kind = recipient ? "inject" : "admin";
        report(imp, "warning", row.row, type.column, `unknown row type "${type.text}" (known: inject, milestone, admin, contingency, STARTEX, ENDEX); read as ${kind === "inject" ? "an inject" : "a comment"}`);
      }
    } else {
      kind = rowKindFromText(subject, message, recipient) ?? "inject";
    }
    if (kind === "admin") {
      report(imp, "note", row.row, type?.column, `${type ? `"${type.text}"` : "admin"} row: not an inject`);
      continue;
    }
    if ((kind === "inject" || kind === "contingency") && !recipient) {
      report(imp, "warning", row.row, imp.sheet.column("to") ?? imp.sheet.column("recipientIds"), "no recipient: this row is not imported as an inject (fill in the To column, or mark it as a milestone or admin row)");
      continue;
    }
    classified.push({ row, kind });
  }
  return classified;
}

export type RowTime = { kind: "scenario"; minutes: number } | { kind: "clock"; clock: Extract<ClockResult, { ok: true }> };

/** The time written on a row, if any; an unreadable time is reported and counts as none. */
export function rowTime(imp: MselImport, row: SheetRow): RowTime | undefined {
  const scenario = imp.sheet.cell(row, "time");
  if (scenario) {
    const parsed = parseScenarioTime(scenario.text);
    if (parsed.ok) return { kind: "scenario", minutes: parsed.minutes };
    report(imp, "error", row.row, scenario.column, parsed.message);
    return undefined;
  }
  const clock = imp.sheet.cell(row, "clock");
  if (clock) {
    const parsed = parseClockTime(clock.text);
    if (parsed.ok) return { kind: "clock", clock: parsed };
    report(imp, "error", row.row, clock.column, parsed.message);
  }
  return undefined;
}

/** Turns row times into minutes from STARTEX: exercise times less STARTEX's, clock times from STARTEX's clock. */
export class Timeline {
  private readonly startMinutes: number;
  private readonly clockReference: { day?: number; minutes: number } | undefined;

  constructor(startMinutes: number, clockReference: { day?: number; minutes: number } | undefined) {
    this.startMinutes = startMinutes;
    this.clockReference = clockReference;
  }

  minutes(time: RowTime): number {
    if (time.kind === "scenario") return time.minutes - this.startMinutes;
    return this.clockReference === undefined ? 0 : minutesBetween(this.clockReference, time.clock);
  }
}

export function buildTimeline(imp: MselImport, classified: readonly Classified[], times: Map<SheetRow, RowTime | undefined>): Timeline {
  const startex = classified.find((c) => c.kind === "startex");
  const startTime = startex ? times.get(startex.row) : undefined;
  const startMinutes = startTime?.kind === "scenario" ? startTime.minutes : 0;
  // The clock at STARTEX: written on the STARTEX row, else worked out from the first row with a clock time (which
  // is STARTEX itself when that row has no exercise time).
  const rows = startex ? [startex, ...classified.filter((c) => c !== startex)] : classified;
  for (const c of rows) {
    const clockCell = imp.sheet.cell(c.row, "clock");
    const clock = clockCell ? parseClockTime(clockCell.text) : undefined;
    if (!clock?.ok) continue;
    const time = times.get(c.row);
    const offset = time?.kind === "scenario" ? time.minutes - startMinutes : 0;
    const reference: { day?: number; minutes: number } = { minutes: clock.minutes - offset };
    if (clock.day !== undefined) reference.day = clock.day;
    return new Timeline(startMinutes, reference);
  }
  return new Timeline(startMinutes, undefined);
}

