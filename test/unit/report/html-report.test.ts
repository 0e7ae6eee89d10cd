/**
 * The HTML after-action report, read as text: it carries the ScoreCard's numbers, speaks the exercise's language,
 * escapes everything players typed, and is one self-contained, printable file.
 */
import { describe, expect, it } from "vitest";
import { score } from "../../../server/src/core/scoring/score.ts";
import { simulate } from "../../../server/src/core/simulation/simulate.ts";
import { renderReport } from "../../../server/src/report/render.ts";
import { escapeHtml } from "../../../server/src/report/safe-html.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";
import {
  HOSTILE_DECISION,
  HOSTILE_EVALUATOR,
  HOSTILE_LIVE_TITLE,
  HOSTILE_NOTE,
  HOSTILE_PUBLIC,
  HOSTILE_SHARE,
  reportDrill
} from "./exercise-log.ts";
import { section, visibleText } from "./html-text.ts";

const en = (n: number) => String(n);
const fr = (n: number) => String(n).replace(".", ",");
/** The report shows F and other 0–1 values to two decimals. */
const twoDecimals = (n: number) => Math.round(n * 100) / 100;

describe("HTML report: the numbers", () => {
  const log = reportDrill("en");
  const card = score(tinyScenario, log);
  const html = renderReport(log, "html");
  const text = visibleText(html);

  it("shows the overall index, the three dimensions and the scenario's weights", () => {
    // Given the drill's ScoreCard and its HTML report
    const summary = visibleText(section(html, "summary"));
    // Then the summary shows each score as the card has it
    expect(card.overall).not.toBeNull();
    expect(summary).toContain(`Overall index ${en(card.overall!)}`);
    expect(summary).toContain(`Speed ${en(card.dimensions.speed!)}`);
    expect(summary).toContain(`Coordination ${en(card.dimensions.coordination!)}`);
    expect(summary).toContain(`Division of labour ${en(card.dimensions.division!)}`);
    expect(summary).toContain("weight 1");
    // And the thresholds that define "on time"
    expect(summary).toContain(`acknowledgements full credit within ${card.parameters.ackTargetMs / 60_000} min`);
  });

  it("shows each role's response times against the card's medians and p90s", () => {
    const response = visibleText(section(html, "response-times"));
    const police = card.speed.byRole.find((r) => r.role === "police")!;
    expect(police.expectations.medianMs).not.toBeNull();
    const min = (ms: number) => `${Math.round(ms / 6000) / 10} min`;
    expect(response).toContain(
      `Police ${police.acknowledgements.acknowledged}/${police.acknowledgements.count} ` +
        `${min(police.acknowledgements.medianMs!)} ${min(police.acknowledgements.p90Ms!)} ${police.expectations.count} ` +
        `${police.expectations.met} ${police.expectations.metOnTime} ${police.expectations.missed} ` +
        `${police.expectations.pending} ${Math.round(police.expectations.onTimeShare! * 100)}% ${min(police.expectations.medianMs!)} ${min(police.expectations.p90Ms!)} ` +
        `${police.score}`
    );
    // And one bar per released expectation
    const released = card.speed.expectations.filter((e) => e.status !== "not-released").length;
    expect(section(html, "response-times").match(/<g class="bar /g)).toHaveLength(released);
  });

  it("draws the communication network with the card's edges, isolated roles and fragmentation", () => {
    const coordination = section(html, "coordination");
    const network = card.coordination.network;
    expect(network.isolated).toEqual(["communication"]);
    expect(coordination.match(/<g class="edge">/g)).toHaveLength(network.edges.length);
    expect(coordination.match(/<g class="node isolated">/g)).toHaveLength(1);
    expect(visibleText(coordination)).toContain(`Fragmentation F = ${en(twoDecimals(network.fragmentation!))}`);
    expect(visibleText(coordination)).toContain("Comms (isolated)");
    for (const edge of network.edges) expect(coordination).toContain(`>${edge.aToB + edge.bToA}</text></g>`);
  });

  it("draws the role × task matrix with one cell per role and task and the card's total", () => {
    const division = section(html, "division");
    const m = card.division.matrix;
    expect(division.match(/<g class="task-row">/g)).toHaveLength(m.tasks.length);
    expect(division.match(/<g><title>/g)).toHaveLength(m.tasks.length * m.roles.length);
    expect(division).toContain(`font-weight="700" fill="#1a1a1a">${m.total}</text>`);
  });

  it("lists every area for improvement with evidence, action and owner, and every strength", () => {
    const plan = section(html, "improvement-plan");
    const improvements = card.findings.filter((f) => f.kind === "improvement");
    const strengths = card.findings.filter((f) => f.kind === "strength");
    expect(improvements.length).toBeGreaterThan(2);
    expect(plan.match(/<tr id="finding-/g)).toHaveLength(improvements.length);
    for (const f of improvements) {
      const row = plan.slice(plan.indexOf(`<tr id="finding-${f.id}"`));
      const first = f.evidence[0]!;
      const clock = new Date(first.x).toISOString().slice(11, 19);
      expect(visibleText(row.slice(0, row.indexOf("</tr>")))).toContain(`${clock} ·`);
    }
    expect(section(html, "strengths").match(/<li id="finding-/g)).toHaveLength(strengths.length);
    // The duplicated holding statement is owned by the role that did it second
    expect(visibleText(plan)).toContain("Police did “holding” after Comms had, without the two having spoken.");
  });

  it("shows the facilitator's and evaluator's notes and a lane per role on the timeline", () => {
    expect(visibleText(section(html, "notes"))).toContain(HOSTILE_NOTE);
    const timeline = section(html, "timeline");
    for (const role of tinyScenario.roles) {
      const name = escapeHtml(role.name.en!);
      expect(timeline).toContain(`font-weight="600" fill="#1a1a1a"><title>${name}</title>${name}</text>`);
    }
    const recipients = log.reduce((n, e) => n + (e.type === "inject-released" || e.type === "live-inject" ? e.to.length : 0), 0);
    expect(timeline.match(/<g class="mark inject">/g)).toHaveLength(recipients);
    expect(text).toContain("ENDEX");
  });

  it("breaks the scores down by phase, by JESIP principle and by role", () => {
    const breakdowns = visibleText(section(html, "breakdowns"));
    const response = card.breakdown.byPhase.find((g) => g.key === "response")!;
    expect(breakdowns).toContain(`Response ${en(response.overall!)} ${en(response.speed!)}`);
    const shown = (v: number | null) => (v === null ? "n/a" : en(v));
    const principles: Record<string, string> = {
      communicate: "Communicate",
      "co-ordinate": "Co-ordinate",
      "shared-situational-awareness": "Shared situational awareness"
    };
    expect(card.breakdown.byJesip.map((g) => g.key).sort()).toEqual(Object.keys(principles).sort());
    for (const g of card.breakdown.byJesip) {
      expect(breakdowns).toContain(
        `${principles[g.key]} ${shown(g.overall)} ${shown(g.speed)} ${shown(g.coordination)} ${shown(g.division)} ` +
          `${g.counts.expectations} ${g.counts.met} ${g.counts.missed}`
      );
    }
  });
});

describe("HTML report: language", () => {
  it("is wholly French for a French exercise, numbers included", () => {
    // Given the same drill run in French
    const log = reportDrill("fr");
    const card = score(tinyScenario, log);
    const html = renderReport(log, "html");
    const text = visibleText(html);
    // Then the page says so and uses the French labels and scenario texts
    expect(html).toContain('<html lang="fr">');
    for (const label of ["Synthèse", "Plan d'amélioration", "Points forts", "Chronologie", "Délais de réponse",
      "Réseau de communication", "Matrice rôles × tâches", "Notes de l'animateur et des évaluateurs", "Indice global",
      "Rapidité", "Répartition des tâches", "Par principe JESIP", "Partager la connaissance de la situation",
      "Action corrective suggérée", "Responsable", "toute l'équipe"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("Vehicle in the square (fr)");
    expect(text).toContain(`Indice global ${fr(card.overall!)}`);
    expect(text).toContain(`Fragmentation F = ${fr(twoDecimals(card.coordination.network.fragmentation!))}`);
    // And none of the English labels
    for (const label of ["Summary", "Improvement plan", "Strengths", "Timeline", "Response times", "Overall index",
      "Suggested corrective action", "whole team", "inject released", "acknowledgements", "Fragmentation F = 0."]) {
      expect(text).not.toContain(label);
    }
  });

  it("can be asked in another of the scenario's languages, and refuses one the scenario lacks", () => {
    const log = reportDrill("fr");
    expect(renderReport(log, "html", { language: "en" })).toContain('<html lang="en">');
    expect(() => renderReport(log, "html", { language: "de" })).toThrow(/"de" is not one of scenario "tiny"'s languages \(en, fr\)/);
  });
});

describe("HTML report: escaping and self-containment", () => {
  const html = renderReport(reportDrill("en"), "html");

  it("escapes everything players and evaluators typed", () => {
    // Given players who typed markup into a share, a decision, a public message, a note and a name
    // Then none of it is markup in the report
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>late/);
    expect(html).not.toMatch(/"><img/);
    expect(html).not.toMatch(/<svg onload/);
    // And all of it is there as text
    const text = visibleText(html);
    for (const typed of [HOSTILE_SHARE, HOSTILE_PUBLIC, HOSTILE_NOTE, HOSTILE_DECISION, HOSTILE_EVALUATOR, HOSTILE_LIVE_TITLE]) {
      expect(text).toContain(typed);
    }
    expect(html).toContain("&lt;script&gt;window.__xss = 1&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=&quot;window.__xss = 2&quot;&gt;");
  });

  it("needs nothing from outside: no script, link, external URL or font", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<link|<script|<iframe|@import|url\(|@font-face/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("prints: A4 pages, a section per page, rows and figures unbroken, light colours", () => {
    expect(html).toContain("@media print");
    expect(html).toContain("@page { size: A4");
    expect(html).toMatch(/section \{ break-before: page/);
    expect(html).toMatch(/tr, figure, .score-card, svg, li \{ break-inside: avoid/);
    expect(html).not.toMatch(/background: #[0-3]/);
    expect(html.match(/<section id=/g)).toHaveLength(9);
  });
});

describe("HTML report: live and simulated exercises", () => {
  it("reports an exercise that has only been created, saying there is nothing yet", () => {
    const created = reportDrill("en").slice(0, 1);
    const card = score(tinyScenario, created);
    const text = visibleText(renderReport(created, "html"));
    expect(text).toContain(`Overall index ${card.overall === null ? "n/a" : en(card.overall)}`);
    expect(text).toContain("Speed n/a");
    expect(text).toContain("Nothing happened yet.");
    expect(text).toContain("No expected action has been released yet.");
    expect(text).toContain("No task action yet.");
    expect(text).toContain("No note was taken during the exercise.");
  });

  it("refuses events that do not start with the exercise's creation", () => {
    expect(() => renderReport(reportDrill("en").slice(1), "html")).toThrow(/does not start with an "exercise-created" event/);
  });

  it("says a report of an exercise still running is provisional", () => {
    const html = renderReport(reportDrill("en", { end: false }), "html");
    expect(visibleText(html)).toContain("in progress (score as of 00:12:30)");
  });

  it("names the siloed team's unshared information and missed expectations in its improvement plan", () => {
    // Given the tiny scenario played by the siloed bots
    const { events } = simulate(tinyScenario, { seed: 3, team: "siloed", language: "en" });
    const card = score(tinyScenario, events);
    const plan = visibleText(section(renderReport(events, "html"), "improvement-plan"));
    // Then every area for improvement of the card is in the plan, in the report's words
    const codes = new Set(card.findings.filter((f) => f.kind === "improvement").map((f) => f.code));
    expect(codes.has("expectation-missed")).toBe(true);
    expect(plan).toContain("Nobody took the expected action “relay-impact” (inject “Vehicle in the square”, led by Police)");
    expect(plan).not.toContain("undefined");
  });
});
