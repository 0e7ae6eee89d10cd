/**
 * The after-action report's entry point: an exercise's event log in, the report out as HTML, JSON or CSV. The
 * scenario is the one the log's `exercise-created` event carries, so a log is a report on its own. Pure: no I/O,
 * the same log always gives the same text.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import { actionRows } from "./action-rows.ts";
import { renderCsv } from "./csv.ts";
import { renderHtml } from "./html.ts";
import { renderJson } from "./json.ts";
import { buildReportModel } from "./report-model.ts";
import type { ReportOptions } from "./report-model.ts";

export const REPORT_FORMATS = ["html", "json", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type { ReportOptions } from "./report-model.ts";

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderReport(events: readonly ExerciseEvent[], format: ReportFormat, options: ReportOptions = {}): string {
  const model = buildReportModel(events, options);
  switch (format) {
    case "json":
      return renderJson(model.card);
    case "csv":
      return renderCsv(model.card, actionRows(model.scenario, model.events, model.card.asOf));
    case "html":
      return renderHtml(model, actionRows(model.scenario, model.events, model.card.asOf));
  }
}
