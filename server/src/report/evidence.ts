/**
 * Evidence as a reader sees it: each EventRef behind a finding as "exercise time · role · inject · what happened",
 * so anyone can find the moment in the log or the timeline. Long lists are cut with a count of the rest.
 */
import type { EventRef } from "../core/scoring/scorecard.ts";
import type { ReportModel } from "./report-model.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";

const SHOWN = 4;

export function evidenceText(ref: EventRef, model: ReportModel): string {
  const { names, strings, format } = model;
  const parts = [format.clock(ref.x)];
  if (ref.role !== undefined) parts.push(names.role(ref.role));
  if (ref.inject !== undefined) {
    const title = names.inject(ref.inject);
    parts.push(strings.language === "fr" ? `« ${title} »` : `“${title}”`);
  }
  parts.push(`${strings.eventTypes[ref.type] ?? ref.type} (#${ref.seq})`);
  return parts.join(" · ");
}

export function evidenceList(refs: readonly EventRef[], model: ReportModel): SafeHtml {
  if (refs.length === 0) return html`—`;
  const shown = refs.slice(0, SHOWN);
  const rest = refs.length - shown.length;
  return html`<ul class="evidence">${shown.map((ref) => html`<li>${evidenceText(ref, model)}</li>`)}${rest > 0 ? html`<li class="more">${model.strings.more(rest)}</li>` : ""}</ul>`;
}
