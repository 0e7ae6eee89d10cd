/**
 * Response times per role against targets: a table of acknowledgement and expected-action latencies per role
 * (count, median, p90, on-time share, speed score), and a bar per released expectation showing the time it took
 * against its target (solid tick) and deadline (dashed tick).
 */
import type { ExpectationOutcome, LatencyStats } from "../core/scoring/scorecard.ts";
import type { ReportModel } from "./report-model.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";
import { charsIn, textWidth, truncate } from "./fit-text.ts";

const WIDTH = 1000;
const RIGHT = 150;
const ROW = 20;
const TOP = 6;
const FONT = 12;
/** Expectation labels are cut to this many pixels (the tooltip has them whole). */
const MAX_LABEL = 380;

const BAR = { onTime: "#2e7d32", late: "#ef8f00", missed: "#c62828", pending: "#9e9e9e" } as const;

export function responseTable(model: ReportModel): SafeHtml {
  const { card, strings, names, format } = model;
  const s = strings.response;
  const row = (label: string, stats: LatencyStats, cls: string) => {
    const a = stats.acknowledgements;
    const e = stats.expectations;
    return html`<tr class="${cls}"><th scope="row">${label}</th><td class="num">${a.acknowledged}/${a.count}</td><td class="num">${format.minutes(a.medianMs)}</td><td class="num">${format.minutes(a.p90Ms)}</td><td class="num">${e.count}</td><td class="num">${e.met}</td><td class="num">${e.metOnTime}</td><td class="num">${e.missed}</td><td class="num">${e.pending}</td><td class="num">${format.percent(e.onTimeShare)}</td><td class="num">${format.minutes(e.medianMs)}</td><td class="num">${format.minutes(e.p90Ms)}</td><td class="num score">${format.score(stats.score)}</td></tr>`;
  };
  return html`<table class="response-table"><thead><tr><th rowspan="2">${s.role}</th><th colspan="3">${s.acknowledgements}</th><th colspan="8">${s.expectationsLed}</th><th rowspan="2">${s.speedScore}</th></tr><tr><th>${s.count}</th><th>${s.median}</th><th>${s.p90}</th><th>${s.count}</th><th>${s.met}</th><th>${s.onTime}</th><th>${s.missed}</th><th>${s.pending}</th><th>${s.onTimeShare}</th><th>${s.median}</th><th>${s.p90}</th></tr></thead><tbody>${card.speed.byRole.map((r) => row(names.role(r.role), r, ""))}${row(s.allRoles, card.speed.overall, "total")}</tbody></table>`;
}

/** Released expectations grouped by lead role (scenario order), by release within a role, as bars. */
export function responseChart(model: ReportModel): SafeHtml {
  const { card, strings, names, scenario } = model;
  const s = strings.response;
  const released = card.speed.expectations.filter((e) => e.status !== "not-released" && e.released !== null);
  if (released.length === 0) return html`<p>${s.noExpectations}</p>`;
  const groups = scenario.roles
    .map((role) => ({
      role: role.id,
      items: released.filter((e) => e.lead === role.id).sort((a, b) => a.released!.seq - b.released!.seq)
    }))
    .filter((g) => g.items.length > 0);
  const elapsed = (e: ExpectationOutcome) =>
    e.status === "met" ? e.latencyMs! : e.status === "missed" ? e.deadlineMs : Math.max(0, card.asOf - e.released!.x);
  const scaleMs = Math.max(1, ...released.map((e) => Math.max(e.deadlineMs, elapsed(e))));
  const labelChars = charsIn(MAX_LABEL, FONT);
  const label = Math.max(120, ...released.map((e) => textWidth(truncate(names.expectation(e.expectation), labelChars), FONT))) + 24;
  const xOf = (ms: number) => Math.round((label + (ms / scaleMs) * (WIDTH - label - RIGHT)) * 10) / 10;

  const parts: SafeHtml[] = [];
  let y = TOP;
  for (const group of groups) {
    parts.push(html`<text class="group" x="4" y="${y + 14}" font-size="13" font-weight="700" fill="#1a237e">${names.role(group.role)}</text>`);
    y += ROW;
    for (const e of group.items) {
      parts.push(bar(model, e, y, label, elapsed(e), xOf, labelChars));
      y += ROW;
    }
  }
  const height = y + 10;

  const legend = html`<p class="legend"><span class="legend-item"><span class="swatch" style="background:${BAR.onTime}"></span>${s.onTime}</span><span class="legend-item"><span class="swatch" style="background:${BAR.late}"></span>${s.chartLate}</span><span class="legend-item"><span class="swatch" style="background:${BAR.missed};opacity:.45"></span>${strings.status.missed}</span><span class="legend-item"><span class="swatch" style="background:${BAR.pending}"></span>${strings.status.pending}</span><span class="legend-item"><svg xmlns="http://www.w3.org/2000/svg" width="10" height="14" aria-hidden="true"><line x1="5" y1="0" x2="5" y2="14" stroke="#1a1a1a" stroke-width="2"/></svg>${s.target}</span><span class="legend-item"><svg xmlns="http://www.w3.org/2000/svg" width="10" height="14" aria-hidden="true"><line x1="5" y1="0" x2="5" y2="14" stroke="#1a1a1a" stroke-width="1.2" stroke-dasharray="3 2"/></svg>${s.deadline}</span></p>`;

  return html`<figure><figcaption>${s.chartTitle}</figcaption><svg class="response-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${s.chartTitle}"><rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts}</svg>${legend}</figure>`;
}

function bar(
  model: ReportModel,
  e: ExpectationOutcome,
  y: number,
  label: number,
  ms: number,
  xOf: (ms: number) => number,
  labelChars: number
): SafeHtml {
  const { strings, names, format } = model;
  const s = strings.response;
  const colour = e.status === "met" ? (e.onTime ? BAR.onTime : BAR.late) : e.status === "missed" ? BAR.missed : BAR.pending;
  const state =
    e.status === "met" ? (e.onTime ? s.onTime : s.chartLate) : e.status === "missed" ? strings.status.missed : strings.status.pending;
  const name = names.expectation(e.expectation);
  const value = e.status === "met" ? format.minutes(ms) : state;
  const tip =
    `${names.role(e.lead)} · ${name} — ${names.inject(e.inject)}${strings.colon}${s.latency} ${format.minutes(e.latencyMs)}, ` +
    `${s.target} ${format.minutes(e.targetMs)}, ${s.deadline} ${format.minutes(e.deadlineMs)} (${state})`;
  return html`<g class="bar ${e.status}"><title>${tip}</title><text x="${label - 8}" y="${y + 14}" text-anchor="end" font-size="${FONT}" fill="#1a1a1a">${truncate(name, labelChars)}</text><rect x="${label}" y="${y + 4}" width="${Math.max(1.5, xOf(ms) - label)}" height="12" fill="${colour}"${e.status === "missed" ? html` fill-opacity="0.45"` : ""}/><line x1="${xOf(e.targetMs)}" y1="${y + 1}" x2="${xOf(e.targetMs)}" y2="${y + 19}" stroke="#1a1a1a" stroke-width="2"/><line x1="${xOf(e.deadlineMs)}" y1="${y + 1}" x2="${xOf(e.deadlineMs)}" y2="${y + 19}" stroke="#1a1a1a" stroke-width="1.2" stroke-dasharray="3 2"/><text x="${WIDTH - RIGHT + 8}" y="${y + 14}" font-size="${FONT}" fill="#1a1a1a">${value} / ${format.minutes(e.targetMs)}</text></g>`;
}
