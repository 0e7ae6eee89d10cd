/**
 * The CSV report: one row per expectation of the scenario and one row per player action, in one table so a
 * spreadsheet can filter on `record`. Ids rather than display names (this is data for analysis); times as the
 * exercise clock (HH:MM:SS), targets and deadlines in minutes, credits 0–1. Quoting follows RFC 4180: CRLF line
 * ends, fields with a comma, quote or line break in double quotes, quotes doubled.
 */
import { clockLabel } from "../core/engine/describe-event.ts";
import type { ScoreCard } from "../core/scoring/scorecard.ts";
import type { ActionRow } from "./action-rows.ts";

export const CSV_COLUMNS = [
  "record",
  "seq",
  "inject",
  "expectation",
  "lead_role",
  "met_by",
  "owner",
  "released_at",
  "met_at",
  "target_min",
  "deadline_min",
  "latency_min",
  "credit",
  "outcome",
  "time",
  "role",
  "action_type",
  "target",
  "task"
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 600) / 100);

export function renderCsv(card: ScoreCard, actions: readonly ActionRow[]): string {
  const rows: Row[] = [];
  for (const e of card.speed.expectations) {
    rows.push({
      record: "expectation",
      seq: e.outcome?.seq ?? null,
      inject: e.inject,
      expectation: e.expectation,
      lead_role: e.lead,
      met_by: e.metBy,
      owner: e.owner,
      released_at: e.released === null ? null : clockLabel(e.released.x),
      met_at: e.action === null ? null : clockLabel(e.action.x),
      target_min: minutes(e.targetMs),
      deadline_min: minutes(e.deadlineMs),
      latency_min: minutes(e.latencyMs),
      credit: e.credit,
      outcome: e.status
    });
  }
  for (const a of actions) {
    rows.push({
      record: "action",
      seq: a.event.seq,
      inject: a.met.map((m) => m.inject).join(" "),
      expectation: a.met.map((m) => m.expectation).join(" "),
      time: clockLabel(a.event.x),
      role: a.event.role,
      action_type: a.event.type,
      target: a.target,
      task: a.task
    });
  }
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}
