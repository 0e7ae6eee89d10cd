/**
 * The HTML after-action report: one self-contained document (inline CSS and SVG, no script, no external asset)
 * in the exercise's language, that reads on screen and prints to PDF a section per page. Sections: summary
 * scores, improvement plan, strengths, timeline, response times, coordination, division of labour, breakdowns
 * by phase / JESIP principle / role, and the facilitator's and evaluators' notes.
 */
import type { Dimension, GroupScore, Score } from "../core/scoring/scorecard.ts";
import { localise } from "../core/scenario/localise.ts";
import type { ActionRow } from "./action-rows.ts";
import { coordinationSection } from "./coordination-section.ts";
import { divisionSection } from "./division-section.ts";
import { evidenceList } from "./evidence.ts";
import { findingText } from "./finding-text.ts";
import type { ReportModel } from "./report-model.ts";
import { responseChart, responseTable } from "./response-times.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html, raw } from "./safe-html.ts";
import { REPORT_CSS } from "./style.ts";
import { timelineLegend, timelineSvg, timelineTable } from "./timeline.ts";

const DIMENSIONS: readonly Dimension[] = ["speed", "coordination", "division"];
/** Wall-clock times before this are not real dates (simulations start their clock at 0). */
const YEAR_2000_MS = 946_684_800_000;

export function renderHtml(model: ReportModel, actions: readonly ActionRow[]): string {
  const { strings, scenario, language } = model;
  const s = strings.sections;
  const sections: [id: string, title: string, body: SafeHtml][] = [
    ["summary", s.summary, summaryBody(model)],
    ["improvement-plan", s.improvementPlan, planBody(model)],
    ["strengths", s.strengths, strengthsBody(model)],
    ["timeline", s.timeline, timelineBody(model, actions)],
    ["response-times", s.responseTimes, responseBody(model)],
    ["coordination", s.coordination, coordinationSection(model)],
    ["division", s.division, divisionSection(model)],
    ["breakdowns", s.breakdowns, breakdownsBody(model)],
    ["notes", s.notes, notesBody(model)]
  ];
  const scenarioTitle = localise(scenario.title, language);
  const doc = html`<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Cordon">
<title>${strings.title} — ${scenarioTitle}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
${header(model)}
<nav class="toc" aria-label="${strings.contents}"><strong>${strings.contents}</strong><ol>${sections.map(
    ([id, title]) => html`<li><a href="#${id}">${title}</a></li>`
  )}</ol></nav>
${sections.map(([id, title, body]) => html`<section id="${id}"><h2>${title}</h2>${body}</section>\n`)}
<footer>Cordon · ${strings.title} · ${scenario.id}${model.exercise.id ? html` · ${model.exercise.id}` : ""}</footer>
</body>
</html>
`;
  return doc.value;
}

function header(model: ReportModel): SafeHtml {
  const { strings, scenario, language, card, format } = model;
  const m = strings.meta;
  const created = model.exercise.createdAt;
  const date = created >= YEAR_2000_MS ? `${new Date(created).toISOString().slice(0, 16).replace("T", " ")} UTC` : null;
  return html`<header class="report-header"><h1>${strings.title}</h1><p class="subtitle">${localise(scenario.title, language)}</p><p class="scenario-summary">${localise(scenario.summary, language)}</p><dl class="meta"><dt>${m.scenario}</dt><dd>${scenario.id}</dd>${
    model.exercise.id ? html`<dt>${m.exercise}</dt><dd>${model.exercise.id}</dd>` : ""
  }${date ? html`<dt>${m.date}</dt><dd>${date}</dd>` : ""}<dt>${m.language}</dt><dd>${language.toUpperCase()}</dd><dt>${m.duration}</dt><dd>${format.clock(card.asOf)} / ${format.clock(scenario.duration * 60_000)}</dd><dt>${m.status}</dt><dd>${
    card.final ? m.final : m.inProgress(format.clock(card.asOf))
  }</dd><dt>${m.events}</dt><dd>${card.eventCount}</dd>${model.exercise.seed !== null ? html`<dt>${m.seed}</dt><dd>${model.exercise.seed}</dd>` : ""}</dl></header>`;
}

function scoreColour(score: Score): string {
  if (score === null) return "#b0bec5";
  return score >= 75 ? "#2e7d32" : score >= 50 ? "#ef8f00" : "#c62828";
}

/** A 0–100 meter as inline SVG (prints even where CSS backgrounds would not). */
function meter(score: Score): SafeHtml {
  const width = score === null ? 0 : Math.round(Math.max(0, Math.min(100, score)) * 2) ;
  return html`<svg class="meter" xmlns="http://www.w3.org/2000/svg" width="200" height="10" viewBox="0 0 200 10" aria-hidden="true"><rect x="0" y="0" width="200" height="10" rx="3" fill="#eceff1"/><rect x="0" y="0" width="${width}" height="10" rx="3" fill="${scoreColour(score)}"/></svg>`;
}

function summaryBody(model: ReportModel): SafeHtml {
  const { card, strings, format } = model;
  const sm = strings.summary;
  const comp = strings.components;
  const componentRows = (dimension: Dimension): SafeHtml[] => {
    const values = card[dimension].components as Record<string, number | null>;
    const labels = comp[dimension] as Record<string, string>;
    return Object.keys(labels).map(
      (key) => html`<tr><td>${labels[key]}</td><td class="num">${format.percent(values[key] ?? null)}</td></tr>`
    );
  };
  const cards = DIMENSIONS.map(
    (d) =>
      html`<div class="score-card dimension-${d}"><h3>${strings.dimensions[d]}</h3><div class="score-value">${format.score(card.dimensions[d])}</div>${meter(card.dimensions[d])}<div class="weight">${sm.weight} ${format.decimal(card.weights[d], 2)}</div><table><tbody>${componentRows(d)}</tbody></table></div>`
  );
  const decided = card.speed.expectations.filter((e) => e.status === "met" || e.status === "missed");
  const onTime = decided.filter((e) => e.onTime === true).length;
  const p = card.parameters;
  const thresholds = sm.thresholds({
    ackTarget: format.minutes(p.ackTargetMs),
    ackDeadline: format.minutes(p.ackDeadlineMs),
    relayTarget: format.minutes(p.relayTargetMs),
    relayDeadline: format.minutes(p.relayDeadlineMs),
    jointTarget: format.minutes(p.jointTargetMs),
    jointDeadline: format.minutes(p.jointDeadlineMs)
  });
  return html`<div class="scores"><div class="score-card overall"><h3>${sm.overall}</h3><div class="score-value" id="overall-score">${format.score(card.overall)}</div>${meter(card.overall)}<div class="weight">${DIMENSIONS.map(
    (d, i) => html`${i > 0 ? " · " : ""}${strings.dimensions[d]} ${format.decimal(card.weights[d], 2)}`
  )}</div></div>${cards}</div><h3>${sm.keyFigures}</h3><ul class="key-figures"><li>${sm.expectationsOnTime(onTime, decided.length)}</li><li>${sm.expectationsMissed(card.division.gaps.missed)}</li><li>${sm.relayed(card.coordination.relays.relayed, card.coordination.relays.needed)}</li><li>${sm.isolated(card.coordination.network.isolated.length)}</li><li>${sm.duplicates(card.division.duplicates.duplicated)}</li></ul><p><small>${sm.howToRead}</small></p><p><small>${thresholds}</small></p>`;
}

function planBody(model: ReportModel): SafeHtml {
  const { card, strings, names, format } = model;
  const pl = strings.plan;
  const items = card.findings.filter((f) => f.kind === "improvement");
  if (items.length === 0) return html`<p>${pl.empty}</p>`;
  return html`<p>${pl.intro}</p><table class="plan"><colgroup><col style="width:4%"><col style="width:31%"><col style="width:29%"><col style="width:26%"><col style="width:10%"></colgroup><thead><tr><th>${pl.number}</th><th>${pl.finding}</th><th>${pl.evidence}</th><th>${pl.action}</th><th>${pl.owner}</th></tr></thead><tbody>${items.map((f, i) => {
    const text = findingText(f, strings, names, format);
    return html`<tr id="finding-${f.id}"><td class="num">${i + 1}</td><td>${text.message}<br><span class="dimension-tag">${strings.dimensions[f.dimension]}</span></td><td>${evidenceList(f.evidence, model)}</td><td>${text.action ?? "—"}</td><td>${f.owner === null ? strings.wholeTeam : names.role(f.owner)}</td></tr>`;
  })}</tbody></table>`;
}

function strengthsBody(model: ReportModel): SafeHtml {
  const { card, strings, names, format } = model;
  const items = card.findings.filter((f) => f.kind === "strength");
  if (items.length === 0) return html`<p>${strings.strengths.empty}</p>`;
  return html`<ol class="strengths">${items.map((f) => {
    const text = findingText(f, strings, names, format);
    return html`<li id="finding-${f.id}">${text.message} <span class="dimension-tag">(${strings.dimensions[f.dimension]}${f.owner === null ? "" : html` · ${names.role(f.owner)}`})</span>${evidenceList(f.evidence, model)}</li>`;
  })}</ol>`;
}

function timelineBody(model: ReportModel, actions: readonly ActionRow[]): SafeHtml {
  const t = model.strings.timeline;
  return html`<p>${t.intro}</p><div class="figure">${timelineSvg(model)}</div>${timelineLegend(model)}<h3>${t.tableTitle}</h3>${timelineTable(model, actions)}`;
}

function responseBody(model: ReportModel): SafeHtml {
  return html`<p>${model.strings.response.intro(model.format.minutes(model.card.parameters.ackTargetMs))}</p>${responseTable(model)}${responseChart(model)}`;
}

function groupTable(model: ReportModel, keyLabel: string, groups: readonly GroupScore[], label: (key: string) => string): SafeHtml {
  const { strings, format } = model;
  const b = strings.breakdowns;
  return html`<table class="compact breakdown"><thead><tr><th>${keyLabel}</th><th>${strings.summary.overall}</th>${DIMENSIONS.map(
    (d) => html`<th>${strings.dimensions[d]}</th>`
  )}<th>${b.expectations}</th><th>${b.met}</th><th>${b.missed}</th><th>${b.pending}</th><th>${b.acknowledgements}</th><th>${b.relays}</th><th>${b.duplicates}</th></tr></thead><tbody>${groups.map(
    (g) =>
      html`<tr><th scope="row">${label(g.key)}</th><td class="num score">${format.score(g.overall)}</td><td class="num">${format.score(g.speed)}</td><td class="num">${format.score(g.coordination)}</td><td class="num">${format.score(g.division)}</td><td class="num">${g.counts.expectations}</td><td class="num">${g.counts.met}</td><td class="num">${g.counts.missed}</td><td class="num">${g.counts.pending}</td><td class="num">${g.counts.acknowledgements}</td><td class="num">${g.counts.relays}</td><td class="num">${g.counts.duplicates}</td></tr>`
  )}</tbody></table>`;
}

function breakdownsBody(model: ReportModel): SafeHtml {
  const { card, strings, names } = model;
  const b = strings.breakdowns;
  const jesip = (key: string) => strings.jesip[key as keyof typeof strings.jesip] ?? key;
  return html`<h3>${b.byPhase}</h3>${groupTable(model, b.phase, card.breakdown.byPhase, (k) => names.phase(k))}<h3>${b.byJesip}</h3>${groupTable(model, b.principle, card.breakdown.byJesip, jesip)}<h3>${b.byRole}</h3>${groupTable(model, b.role, card.breakdown.byRole, (k) => names.role(k))}`;
}

function notesBody(model: ReportModel): SafeHtml {
  const { strings, format } = model;
  const n = strings.notes;
  if (model.notes.length === 0) return html`<p>${n.empty}</p>`;
  return html`<table class="notes"><thead><tr><th>${strings.timeline.time}</th><th>${n.author}</th><th>${n.text}</th></tr></thead><tbody>${model.notes.map(
    (note) =>
      html`<tr><td class="time">${format.clock(note.x)}</td><td>${note.author === note.authorKind ? "" : html`${note.author}<br>`}<span class="notes-kind">${n.kind[note.authorKind] ?? note.authorKind}</span></td><td class="note-text">${note.text}</td></tr>`
  )}</tbody></table>`;
}
