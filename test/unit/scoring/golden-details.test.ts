/**
 * More hand-worked logs, each aimed at measures the main golden exercise leaves at their easy values: expectations
 * met by a support or another role, workload imbalance, a duplicate whose first doer acted before the task was
 * expected, relays along a chain of holders, solo / never-joint / pending decisions, METHANE expected but never
 * sent, the contradiction window — and bad input.
 */
import { describe, expect, it } from "vitest";
import { score, scoreLog } from "../../../server/src/core/scoring/score.ts";
import { ScoringInputError } from "../../../server/src/core/scoring/scoring-input-error.ts";
import { buildScenario, LogBuilder, MIN } from "./builders.ts";

const methane = {
  majorIncident: true,
  exactLocation: "market",
  typeOfIncident: "attack",
  hazards: "none",
  access: "north",
  numberOfCasualties: "unknown",
  emergencyServices: "all"
};

describe("division: who carried the work", () => {
  // j1 @0 → alpha. x1 alpha (support bravo) cordon market w1; x2 alpha evacuate market w1; x3 bravo close ring w2.
  const scenario = buildScenario({
    roles: [{ id: "alpha" }, { id: "bravo" }, { id: "charlie" }],
    roads: ["ring"],
    injects: [
      {
        id: "j1",
        at: 0,
        to: ["alpha"],
        expectations: [
          { id: "x1", lead: "alpha", support: ["bravo"], action: { action: "set-cordon", zone: "market" }, target: 5, jesip: "co-ordinate" },
          { id: "x2", lead: "alpha", action: { action: "evacuate", zone: "market" }, target: 5, jesip: "co-ordinate" },
          { id: "x3", lead: "bravo", action: { action: "close-road", road: "ring" }, target: 5, weight: 2, jesip: "co-ordinate" }
        ]
      }
    ]
  });
  const log = new LogBuilder(scenario);
  log.release(0, "j1", ["alpha"]);
  log.act(1, { type: "road-closed", road: "ring", role: "charlie", by: "c" }); // before anyone expected it: meets nothing
  log.act(2, { type: "cordon-set", zone: "market", level: "outer", role: "bravo", by: "b" }, { expectation: "x1", inject: "j1" });
  log.act(3, { type: "evacuation-ordered", zone: "market", role: "charlie", by: "c", complete: 20 * MIN }, { expectation: "x2", inject: "j1" });
  log.act(4, { type: "road-closed", road: "ring", role: "bravo", by: "b" }, { expectation: "x3", inject: "j1" });
  log.act(6, { type: "evacuation-ordered", zone: "market", role: "alpha", by: "a", complete: 20 * MIN });
  log.act(7, { type: "methane-sent", id: "mt1", role: "charlie", by: "c", to: ["alpha"], report: methane });
  log.act(8, { type: "methane-sent", id: "mt2", role: "bravo", by: "b", to: ["charlie"], report: methane });
  const card = score(scenario, log.events);

  it("ownership: lead 1, support 0.5, another role 0, weighted: (0.5·1 + 0·1 + 1·2) / 4", () => {
    expect(card.division.ownership).toEqual({ met: 3, byLead: 1, bySupport: 1, byOther: 1, wrongRole: ["x1", "x2"] });
    expect(card.speed.expectations.map((e) => e.owner)).toEqual(["support", "other", "lead"]);
    expect(card.division.components.ownership).toBe(0.625);
    expect(card.findings.filter((f) => f.code === "wrong-role").map((f) => f.owner)).toEqual(["alpha", "alpha"]);
  });

  it("balance: carried [0, 3, 1] is more concentrated (Gini* 0.75) than planned [2, 2, 0] (Gini* 0.5): 1 − 0.25/0.5", () => {
    expect(card.division.workload.roles.map((r) => [r.expectedWeight, r.carriedWeight])).toEqual([
      [2, 0],
      [2, 3],
      [0, 1]
    ]);
    expect(card.division.workload.giniExpected).toBe(0.5);
    expect(card.division.workload.giniCarried).toBe(0.75);
    expect(card.division.components.balance).toBe(0.5);
  });

  it("duplicates: charlie's early ring closure makes bravo's expected one a duplicate; alpha's evacuation duplicates charlie's; METHANE never does", () => {
    expect(card.division.duplicates.items.map((d) => [d.task, d.first.role, d.second.role])).toEqual([
      ["x3", "charlie", "bravo"],
      ["x2", "charlie", "alpha"]
    ]);
    expect(card.division.duplicates.roleTasks).toBe(7);
    expect(card.division.components.duplication).toBeCloseTo(1 - 2 / 7, 4);
  });

  it("specialisation: H(R|T) = 6/7 bit (methane, x2, x3 each split between two roles)", () => {
    expect(card.division.matrix.tasks).toEqual(["methane", "x1", "x2", "x3"]);
    expect(card.division.matrix.counts).toEqual([
      [0, 0, 1, 0],
      [1, 1, 0, 1],
      [1, 0, 1, 1]
    ]);
    const hR = -((1 / 7) * Math.log2(1 / 7) + 2 * (3 / 7) * Math.log2(3 / 7));
    const specialisation = 1 - 6 / 7 / hR;
    expect(card.division.matrix.specialisation).toBeCloseTo(specialisation, 4);
    const division = 0.3 * 0.625 + 0.3 * 1 + 0.15 * (5 / 7) + 0.1 * 0.5 + 0.15 * specialisation;
    expect(card.dimensions.division).toBeCloseTo(division * 100, 2);
  });
});

describe("coordination: chains, decisions, METHANE, the contradiction window", () => {
  // k1 @0 → alpha, needs charlie; m1: alpha sends METHANE to bravo within 5 min (never done).
  const scenario = buildScenario({
    roles: [{ id: "alpha" }, { id: "bravo" }, { id: "charlie" }, { id: "delta" }],
    injects: [
      {
        id: "k1",
        at: 0,
        to: ["alpha"],
        needs: ["charlie"],
        expectations: [{ id: "m1", lead: "alpha", action: { action: "methane", to: ["bravo"] }, target: 5, jesip: "communicate" }]
      }
    ]
  });
  const log = new LogBuilder(scenario);
  log.release(0, "k1", ["alpha"]);
  log.share(2, "alpha", ["bravo"]); // bravo now has k1's information
  log.share(4, "bravo", ["charlie"]); // ...and passes it on: the relay charlie needed
  log.act(5, { type: "decision-logged", id: "d1", role: "alpha", by: "a", text: "t", rationale: "r", with: [] });
  log.act(6, { type: "decision-logged", id: "d2", role: "bravo", by: "b", text: "t", rationale: "r", with: ["charlie"] });
  log.missed(10, "m1", "k1");
  log.act(12, { type: "public-message", id: "p1", role: "alpha", by: "a", channel: "press", text: "...", topic: "casualties" });
  log.act(14, { type: "public-message", id: "p2", role: "bravo", by: "b", channel: "press", text: "...", topic: "casualties" });
  log.share(15, "delta", ["alpha", "bravo"]);
  log.act(16, { type: "public-message", id: "p3", role: "delta", by: "d", channel: "press", text: "...", topic: "casualties" });
  log.act(50, { type: "decision-logged", id: "d3", role: "charlie", by: "c", text: "t", rationale: "r", with: ["alpha"] });
  log.add(60, { type: "exercise-ended", reason: "duration" });
  const card = score(scenario, log.events);

  it("a relay may travel along a chain: alpha → bravo → charlie counts as relayed by bravo at 4 min", () => {
    expect(card.coordination.relays.items).toEqual([
      expect.objectContaining({ inject: "k1", role: "charlie", status: "relayed", by: "bravo", latencyMs: 4 * MIN, credit: 1, holders: ["alpha"] })
    ]);
  });

  it("decisions: solo counts 0, never joint after 30 min counts 0, logged 10 min before ENDEX is pending", () => {
    expect(card.coordination.decisions.items.map((d) => [d.id, d.status, d.credit])).toEqual([
      ["d1", "solo", 0],
      ["d2", "not-joint", 0],
      ["d3", "pending", null]
    ]);
    expect(card.coordination.components.decisions).toBe(0);
  });

  it("METHANE expected but never sent scores 0", () => {
    expect(card.coordination.methane).toMatchObject({ sent: 0, expected: true, coverage: 0, rolesReached: [] });
    expect(card.findings.some((f) => f.code === "methane-not-sent" && f.evidence.length > 0)).toBe(true);
  });

  it("contradiction: bravo spoke to alpha 12 min before its message (outside the 10-min window); delta spoke to both 1 min before", () => {
    expect(card.coordination.publicMessages.items.map((p) => [p.id, p.contradicting])).toEqual([
      ["p1", false],
      ["p2", true],
      ["p3", false]
    ]);
    expect(card.coordination.publicMessages.contradictions.map((c) => [c.earlier.role, c.later.role])).toEqual([["alpha", "bravo"]]);
  });

  it("network: every pair but charlie–delta linked directly: Σ1/d = 10 + 2·½ over 12", () => {
    expect(card.coordination.network.edges).toHaveLength(5);
    expect(card.coordination.network.fragmentation).toBeCloseTo(1 / 12, 4);
    const coordination = 0.3 * 1 + 0.2 * (11 / 12) + 0.15 * 0 + 0.15 * 0 + 0.2 * (2 / 3);
    expect(card.dimensions.coordination).toBeCloseTo(coordination * 100, 2);
  });

  it("scoreLog finds the scenario in the log's exercise-created event", () => {
    expect(scoreLog(log.events)).toEqual(card);
  });
});

describe("bad input", () => {
  const scenario = buildScenario({ roles: [{ id: "alpha" }], injects: [{ id: "k1", at: 0, to: ["alpha"] }] });

  it("names an inject the scenario does not define", () => {
    const log = new LogBuilder(scenario);
    log.release(1, "nope", ["alpha"]);
    expect(() => score(scenario, log.events)).toThrow(/event seq 2: inject-released names inject "nope"/);
  });

  it("names a role the scenario does not define", () => {
    const log = new LogBuilder(scenario);
    log.act(1, { type: "road-closed", road: "ring", role: "ghost", by: "g" });
    expect(() => score(scenario, log.events)).toThrow(ScoringInputError);
    expect(() => score(scenario, log.events)).toThrow(/role "ghost"/);
  });

  it("refuses a log of another scenario", () => {
    const other = buildScenario({ id: "other", roles: [{ id: "alpha" }], injects: [{ id: "k1", at: 0, to: ["alpha"] }] });
    expect(() => score(scenario, new LogBuilder(other).events)).toThrow(/scenario "other", not of "golden"/);
  });

  it("refuses time running backwards and a negative asOf", () => {
    const log = new LogBuilder(scenario);
    log.add(5, { type: "exercise-started" });
    log.add(4, { type: "exercise-paused" });
    expect(() => score(scenario, log.events)).toThrow(/seq 3: x \(240000\) is below/);
    expect(() => score(scenario, [], { asOf: -1 })).toThrow(/asOf must be a non-negative/);
  });

  it("an empty log scores nothing but is still a card", () => {
    const card = score(scenario, []);
    expect(card.overall).toBeNull();
    expect(card.eventCount).toBe(0);
  });
});
