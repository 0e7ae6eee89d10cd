/**
 * The exercise timeline: an SVG with one lane per role (injects received above the lane, acknowledgements and
 * actions on it, expectations met or missed below it, lines from a message's sender to its recipients, phases as
 * bands), then a compact table of the injects — with who acknowledged them and how fast — and the actions.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import type { ActionRow } from "./action-rows.ts";
import { eventText } from "./event-text.ts";
import type { ReportModel } from "./report-model.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";
import { charsIn, textWidth, truncate } from "./fit-text.ts";

const WIDTH = 1000;
/** The role-name gutter is sized to the longest name, within these bounds. */
const MIN_LEFT = 90;
const MAX_LEFT = 240;
const RIGHT = 16;
const TOP = 44;
const LANE = 40;
const BOTTOM = 34;

const COLOURS = {
  inject: "#1565c0",
  ack: "#546e7a",
  message: "#7b1fa2",
  operation: "#e65100",
  met: "#2e7d32",
  missed: "#c62828"
} as const;

const MESSAGE_TYPES = new Set(["info-shared", "methane-sent", "decision-logged", "decision-agreed", "task-assigned", "task-claimed"]);

type MarkKind = keyof typeof COLOURS;

/** A small symbol per kind of mark, centred on (x, y): the same shapes in the lanes and in the legend. */
export function markSymbol(kind: MarkKind, x: number, y: number): SafeHtml {
  const c = COLOURS[kind];
  const r = (v: number) => Math.round(v * 10) / 10;
  switch (kind) {
    case "inject":
      return html`<path d="M${r(x - 6)} ${r(y - 5)}h12l-6 9z" fill="${c}"/>`;
    case "ack":
      return html`<circle cx="${r(x)}" cy="${r(y)}" r="3.5" fill="#ffffff" stroke="${c}" stroke-width="1.6"/>`;
    case "message":
      return html`<path d="M${r(x)} ${r(y - 5.5)}l5.5 5.5l-5.5 5.5l-5.5-5.5z" fill="${c}"/>`;
    case "operation":
      return html`<rect x="${r(x - 4.5)}" y="${r(y - 4.5)}" width="9" height="9" fill="${c}"/>`;
    case "met":
      return html`<path d="M${r(x - 5)} ${r(y + 4)}h10l-5-8z" fill="${c}"/>`;
    case "missed":
      return html`<path d="M${r(x - 4.5)} ${r(y - 4.5)}l9 9M${r(x + 4.5)} ${r(y - 4.5)}l-9 9" stroke="${c}" stroke-width="2.4" stroke-linecap="round"/>`;
  }
}

function legendItem(kind: MarkKind, label: string): SafeHtml {
  return html`<span class="legend-item"><svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${markSymbol(kind, 8, 8)}</svg>${label}</span>`;
}

/** Tick spacing in minutes so the axis has at most about a dozen labels. */
function tickStep(spanMin: number): number {
  for (const step of [1, 2, 5, 10, 15, 20, 30, 60, 120]) if (spanMin / step <= 12) return step;
  return 240;
}

export function timelineSvg(model: ReportModel): SafeHtml {
  const { scenario, names, strings, format, events } = model;
  const roles = scenario.roles.map((r) => r.id);
  const laneOf = new Map(roles.map((role, i) => [role, i]));
  const roleChars = charsIn(MAX_LEFT - 20, 12);
  const left = Math.min(MAX_LEFT, Math.max(MIN_LEFT, ...roles.map((role) => textWidth(truncate(names.role(role), roleChars), 12) + 20)));
  const span = model.exercise.spanMs;
  const height = TOP + roles.length * LANE + BOTTOM;
  const xOf = (x: number) => Math.round((left + (x / span) * (WIDTH - left - RIGHT)) * 10) / 10;
  const yOf = (lane: number) => TOP + lane * LANE + LANE / 2;
  const leadOf = new Map<string, string>();
  for (const inject of scenario.injects) for (const e of inject.expectations) leadOf.set(e.id, e.lead);

  // Phases as alternating bands, from the phase changes actually logged.
  const phaseStarts: { phase: string; x: number }[] = [{ phase: scenario.phases[0]?.id ?? "", x: 0 }];
  for (const e of events) if (e.type === "phase-changed") phaseStarts.push({ phase: e.phase, x: e.x });
  const bands = phaseStarts.map((p, i) => {
    const end = phaseStarts[i + 1]?.x ?? span;
    const x1 = xOf(p.x);
    const x2 = xOf(end);
    if (x2 - x1 <= 0) return html``;
    const title = names.phase(p.phase);
    const fits = charsIn(x2 - x1 - 8, 11);
    return html`<g class="phase"><rect x="${x1}" y="${TOP - 20}" width="${Math.round((x2 - x1) * 10) / 10}" height="${roles.length * LANE + 20}" fill="${i % 2 === 0 ? "#f3f6fa" : "#ffffff"}"/>${x2 - x1 >= 30 ? html`<text x="${x1 + 4}" y="${TOP - 6}" font-size="11" fill="#37474f"><title>${title}</title>${truncate(title, fits)}</text>` : ""}</g>`;
  });

  const lanes = roles.map(
    (role, i) =>
      html`<g class="lane"><line x1="${left}" y1="${yOf(i)}" x2="${WIDTH - RIGHT}" y2="${yOf(i)}" stroke="#b0bec5" stroke-width="1"/><text x="${left - 10}" y="${yOf(i) + 4}" text-anchor="end" font-size="12" font-weight="600" fill="#1a1a1a"><title>${names.role(role)}</title>${truncate(names.role(role), roleChars)}</text></g>`
  );

  const step = tickStep(span / 60_000);
  const ticks: SafeHtml[] = [];
  for (let m = 0; m * 60_000 <= span; m += step) {
    const x = xOf(m * 60_000);
    ticks.push(
      html`<line x1="${x}" y1="${TOP + roles.length * LANE}" x2="${x}" y2="${TOP + roles.length * LANE + 5}" stroke="#607d8b"/><text x="${x}" y="${TOP + roles.length * LANE + 17}" text-anchor="middle" font-size="11" fill="#37474f">${m}</text>`
    );
  }
  const axisLabel = html`<text x="${(left + WIDTH - RIGHT) / 2}" y="${height - 3}" text-anchor="middle" font-size="11" fill="#37474f">${strings.timeline.axis}</text>`;

  const links: SafeHtml[] = [];
  const marks: SafeHtml[] = [];
  const mark = (kind: MarkKind, x: number, lane: number | undefined, dy: number, tip: string) => {
    if (lane === undefined) return;
    marks.push(html`<g class="mark ${kind}"><title>${tip}</title>${markSymbol(kind, xOf(x), yOf(lane) + dy)}</g>`);
  };
  for (const e of events) {
    const text = eventText(e, strings, names);
    const tip = `${format.clock(e.x)} ${text ?? strings.eventTypes[e.type]}`;
    const own = "role" in e && typeof e.role === "string" ? laneOf.get(e.role) : undefined;
    switch (e.type) {
      case "inject-released":
      case "live-inject":
        for (const role of e.to) mark("inject", e.x, laneOf.get(role), -11, tip);
        break;
      case "acknowledged":
        mark("ack", e.x, own, 0, `${names.role(e.role)} · ${tip}`);
        break;
      case "expectation-met":
        mark("met", e.x, own, 11, `${names.role(e.role)} · ${tip}`);
        break;
      case "expectation-missed":
        mark("missed", e.x, laneOf.get(leadOf.get(e.expectation) ?? ""), 11, tip);
        break;
      default:
        if (own === undefined || !("by" in e)) break;
        if (MESSAGE_TYPES.has(e.type)) {
          for (const to of recipients(e)) {
            const lane = laneOf.get(to);
            if (lane === undefined || lane === own) continue;
            links.push(
              html`<line x1="${xOf(e.x)}" y1="${yOf(own)}" x2="${xOf(e.x)}" y2="${yOf(lane)}" stroke="${COLOURS.message}" stroke-opacity="0.35" stroke-width="1.2"/>`
            );
          }
          mark("message", e.x, own, 0, `${names.role(e.role)} · ${tip}`);
        } else {
          mark("operation", e.x, own, 0, `${names.role(e.role)} · ${tip}`);
        }
    }
  }
  const now = model.card.final
    ? html``
    : html`<line x1="${xOf(model.card.asOf)}" y1="${TOP - 20}" x2="${xOf(model.card.asOf)}" y2="${TOP + roles.length * LANE}" stroke="#37474f" stroke-dasharray="4 3"/>`;

  return html`<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${strings.sections.timeline}"><rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>${bands}${lanes}${ticks}${axisLabel}${links}${marks}${now}</svg>`;
}

function recipients(e: ExerciseEvent): string[] {
  switch (e.type) {
    case "info-shared":
    case "methane-sent":
      return e.to;
    case "decision-logged":
      return e.with;
    case "task-assigned":
      return [e.to];
    default:
      return [];
  }
}

export function timelineLegend(model: ReportModel): SafeHtml {
  const t = model.strings.timeline;
  return html`<p class="legend">${legendItem("inject", t.legendInject)}${legendItem("ack", t.legendAck)}${legendItem("message", t.legendMessage)}${legendItem("operation", t.legendOperation)}${legendItem("met", t.legendMet)}${legendItem("missed", t.legendMissed)}</p>`;
}

/** The compact table: each inject with its acknowledgements, each action with what it met, each missed expectation. */
export function timelineTable(model: ReportModel, actions: readonly ActionRow[]): SafeHtml {
  const { strings, names, format, card } = model;
  const t = strings.timeline;
  const acksByRelease = new Map<number, typeof card.speed.acknowledgements>();
  for (const a of card.speed.acknowledgements) {
    const list = acksByRelease.get(a.released.seq) ?? [];
    list.push(a);
    acksByRelease.set(a.released.seq, list);
  }
  const actionBySeq = new Map(actions.map((a) => [a.event.seq, a]));
  const rows: SafeHtml[] = [];
  for (const e of model.events) {
    if (e.type === "inject-released" || e.type === "live-inject") {
      const acks = (acksByRelease.get(e.seq) ?? []).map((a) =>
        a.status === "acknowledged"
          ? html`<span class="ack ok">${names.role(a.role)} ${format.minutes(a.latencyMs)}</span>`
          : a.status === "unacknowledged"
            ? html`<span class="ack bad">${names.role(a.role)} — ${t.notAcknowledgedBy}</span>`
            : html`<span class="ack">${names.role(a.role)} — ${strings.status.pending}</span>`
      );
      const title = e.type === "inject-released" ? names.inject(e.inject) : e.title;
      rows.push(
        html`<tr class="row-inject"><td class="time">${format.clock(e.x)}</td><td>${names.roles(e.to)}</td><td><strong>${strings.eventTypes[e.type]}</strong>${strings.colon}${title}${acks.length > 0 ? html`<br><small>${t.acknowledgedBy}${strings.colon}${acks.map((a, i) => html`${i > 0 ? ", " : ""}${a}`)}</small>` : ""}</td></tr>`
      );
      continue;
    }
    if (e.type === "expectation-missed") {
      rows.push(
        html`<tr class="row-missed"><td class="time">${format.clock(e.x)}</td><td></td><td>${eventText(e, strings, names)}</td></tr>`
      );
      continue;
    }
    if (e.type === "phase-changed" || e.type === "exercise-started" || e.type === "exercise-ended") {
      rows.push(
        html`<tr class="row-phase"><td class="time">${format.clock(e.x)}</td><td></td><td><em>${eventText(e, strings, names)}</em></td></tr>`
      );
      continue;
    }
    const action = actionBySeq.get(e.seq);
    if (!action || e.type === "acknowledged") continue;
    const met = action.met.map((m) => names.expectation(m.expectation));
    rows.push(
      html`<tr><td class="time">${format.clock(e.x)}</td><td>${names.role(action.event.role)}</td><td>${eventText(e, strings, names)}${met.length > 0 ? html` <span class="met">✓ ${met.join(", ")}</span>` : ""}</td></tr>`
    );
  }
  if (rows.length === 0) return html`<p>${t.noEvents}</p>`;
  return html`<table class="compact timeline-table"><thead><tr><th>${t.time}</th><th>${t.role}</th><th>${t.event}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
