/**
 * The CSV and JSON reports. JSON is the ScoreCard itself; CSV has one row per expectation and one per action,
 * RFC 4180-quoted, whose task column adds up to the ScoreCard's role × task matrix.
 */
import { describe, expect, it } from "vitest";
import { ACTION_EVENT_TYPES } from "../../../server/src/core/engine/events.ts";
import { score } from "../../../server/src/core/scoring/score.ts";
import { simulate } from "../../../server/src/core/simulation/simulate.ts";
import { CSV_COLUMNS, csvField } from "../../../server/src/report/csv.ts";
import { renderReport } from "../../../server/src/report/render.ts";
import { tinyScenario } from "../../fixtures/tiny-scenario.ts";
import { parseCsv } from "./csv-parse.ts";
import { HOSTILE_PUBLIC, reportDrill } from "./exercise-log.ts";

type Record_ = Record<(typeof CSV_COLUMNS)[number], string>;

function records(csv: string): Record_[] {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  return rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]!])) as Record_);
}

describe("CSV report", () => {
  const log = reportDrill("en");
  const card = score(tinyScenario, log);
  const csv = renderReport(log, "csv");
  const rows = records(csv);

  it("has one row per expectation of the scenario, with the card's outcome", () => {
    // Given the drill, when reported as CSV
    const expectations = rows.filter((r) => r.record === "expectation");
    // Then every expectation of the scenario has its row, in scenario order
    const all = tinyScenario.injects.flatMap((i) => i.expectations.map((e) => e.id));
    expect(expectations.map((r) => r.expectation)).toEqual(all);
    for (const outcome of card.speed.expectations) {
      const row = expectations.find((r) => r.expectation === outcome.expectation)!;
      expect(row.inject).toBe(outcome.inject);
      expect(row.lead_role).toBe(outcome.lead);
      expect(row.met_by).toBe(outcome.metBy ?? "");
      expect(row.outcome).toBe(outcome.status);
      expect(row.credit).toBe(outcome.credit === null ? "" : String(outcome.credit));
      expect(Number(row.target_min) * 60_000).toBe(outcome.targetMs);
      expect(Number(row.deadline_min) * 60_000).toBe(outcome.deadlineMs);
    }
    const deploy = expectations.find((r) => r.expectation === "deploy-patrol")!;
    expect([deploy.released_at, deploy.met_at, deploy.latency_min]).toEqual(["00:02:00", "00:04:00", "2"]);
  });

  it("has one row per player action, with its role, type, target and what it met", () => {
    const actions = rows.filter((r) => r.record === "action");
    const actionEvents = log.filter((e) => ACTION_EVENT_TYPES.has(e.type));
    expect(actions.map((r) => Number(r.seq))).toEqual(actionEvents.map((e) => e.seq));
    const dispatch = actions.find((r) => r.action_type === "unit-dispatched" && r.role === "police")!;
    expect(dispatch).toMatchObject({ time: "00:04:00", target: "p1 -> square", task: "deploy-patrol", expectation: "deploy-patrol", inject: "impact" });
    const cordon = actions.find((r) => r.action_type === "cordon-set")!;
    expect(cordon).toMatchObject({ role: "municipality", target: "square (warm)", task: "set-cordon:square", expectation: "" });
    // Communication that met nothing is no task
    const agreed = actions.find((r) => r.action_type === "decision-agreed")!;
    expect(agreed.task).toBe("");
  });

  it("gives tasks that add up to the ScoreCard's role × task matrix", () => {
    // Given the siloed bots' exercise (duplicates, tasks done by the wrong role)
    const { events } = simulate(tinyScenario, { seed: 5, team: "siloed", language: "en" });
    const siloed = score(tinyScenario, events);
    // When its actions are tallied by role and task from the CSV
    const tally = new Map<string, number>();
    for (const r of records(renderReport(events, "csv"))) {
      if (r.record !== "action" || r.task === "") continue;
      tally.set(`${r.role}|${r.task}`, (tally.get(`${r.role}|${r.task}`) ?? 0) + 1);
    }
    // Then they are the matrix's counts
    const m = siloed.division.matrix;
    const expected = new Map<string, number>();
    m.roles.forEach((role, r) => m.tasks.forEach((task, t) => {
      const n = m.counts[r]![t]!;
      if (n > 0) expected.set(`${role}|${task}`, n);
    }));
    expect(m.total).toBeGreaterThan(3);
    expect(tally).toEqual(expected);
  });

  it("quotes per RFC 4180 and ends every record with CRLF", () => {
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(0.5)).toBe("0.5");
    expect(parseCsv(`${csvField(HOSTILE_PUBLIC)},${csvField("x\r\ny")}\r\n`)).toEqual([[HOSTILE_PUBLIC, "x\r\ny"]]);
  });
});

describe("JSON report", () => {
  it("is the ScoreCard, pretty-printed", () => {
    const log = reportDrill("fr");
    const json = renderReport(log, "json");
    expect(JSON.parse(json)).toEqual(score(tinyScenario, log));
    expect(json).toMatch(/^\{\n {2}"version": 1,\n/);
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("reports a live exercise as of a given time", () => {
    const log = reportDrill("en");
    const card = JSON.parse(renderReport(log, "json", { asOf: 5 * 60_000 })) as { asOf: number; final: boolean };
    expect(card).toMatchObject({ asOf: 300_000, final: false });
  });
});
