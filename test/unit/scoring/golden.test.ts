/**
 * Golden test: one small hand-built exercise whose every measure is worked out by hand below, next to its
 * assertion. Times in the comments are minutes; the card holds milliseconds.
 *
 * Roles (sorted): comms, fire, muni, police. Scenario weights: speed 1, coordination 2, division 1.
 * Injects:
 *   i1 @0  → police; needs fire.   e1 police set-cordon market (w2, target 5, deadline 10, co-ordinate)
 *                                  e2 fire (support police) deploy ambulance→market (w1, target 10, deadline 20,
 *                                     jointly-understand-risk)
 *   i2 @5  → comms.                e3 comms public-message holding-statement (w1, target 5, deadline 10, communicate)
 *   i3 @30 → police; needs comms, muni; confirms all-clear; moves to phase "recovery".
 *                                  e4 muni evacuate station (w1, target 5, deadline 10, co-ordinate)
 * Log:
 *    0 i1 released          1 police acks i1        4 police cordons market (meets e1)
 *    5 i2 released          7 police shares → fire  8 comms publishes holding-statement (meets e3)
 *    9 comms acks i2       12 fire deploys a1 → market (meets e2)
 *   14 fire evacuates market   15 police logs decision d1 (topic cordon-extent) with fire
 *   16 police closes ring      18 muni closes ring      20 fire agrees d1; d1 joint
 *   22 police publishes all-clear      30 i3 released, phase recovery
 *   33 police METHANE → fire, comms    36 police acks i3     40 e4 missed
 *   45 comms publishes all-clear       48 fire publishes run-hide-tell     50 ENDEX
 */
import { describe, expect, it } from "vitest";
import { score } from "../../../server/src/core/scoring/score.ts";
import { buildScenario, LogBuilder, MIN } from "./builders.ts";

const scenario = buildScenario({
  roles: [
    { id: "police", units: [{ id: "p1", type: "patrol" }] },
    { id: "fire", units: [{ id: "a1", type: "ambulance" }] },
    { id: "comms" },
    { id: "muni" }
  ],
  zones: ["market", "station"],
  roads: ["ring"],
  phases: [
    { id: "response", start: 0 },
    { id: "recovery", start: 30 }
  ],
  scoring: { speed: 1, coordination: 2, division: 1 },
  injects: [
    {
      id: "i1",
      at: 0,
      to: ["police"],
      needs: ["fire"],
      expectations: [
        { id: "e1", lead: "police", action: { action: "set-cordon", zone: "market" }, target: 5, deadline: 10, weight: 2, jesip: "co-ordinate" },
        {
          id: "e2",
          lead: "fire",
          support: ["police"],
          action: { action: "deploy", unitType: "ambulance", zone: "market" },
          target: 10,
          jesip: "jointly-understand-risk"
        }
      ]
    },
    {
      id: "i2",
      at: 5,
      to: ["comms"],
      expectations: [
        { id: "e3", lead: "comms", action: { action: "public-message", topic: "holding-statement" }, target: 5, jesip: "communicate" }
      ]
    },
    {
      id: "i3",
      at: 30,
      to: ["police"],
      needs: ["comms", "muni"],
      confirms: ["all-clear"],
      effects: { phase: "recovery" },
      expectations: [{ id: "e4", lead: "muni", action: { action: "evacuate", zone: "station" }, target: 5, jesip: "co-ordinate" }]
    }
  ]
});

const methane = {
  majorIncident: true,
  exactLocation: "market",
  typeOfIncident: "vehicle",
  hazards: "none",
  access: "north",
  numberOfCasualties: "5",
  emergencyServices: "police, fire"
};

function goldenLog() {
  const log = new LogBuilder(scenario);
  log.add(0, { type: "exercise-started" });
  log.add(0, { type: "phase-changed", phase: "response", cause: "time" });
  log.release(0, "i1", ["police"]);
  log.ack(1, "police", "i1");
  log.act(4, { type: "cordon-set", zone: "market", level: "outer", role: "police", by: "p" }, { expectation: "e1", inject: "i1" });
  log.release(5, "i2", ["comms"]);
  log.share(7, "police", ["fire"], "i1");
  log.act(8, { type: "public-message", id: "pm1", role: "comms", by: "c", channel: "social-media", text: "We are aware", topic: "holding-statement" }, { expectation: "e3", inject: "i2" });
  log.ack(9, "comms", "i2");
  log.act(12, { type: "unit-dispatched", unit: "a1", role: "fire", by: "f", from: [500, 900], to: [40, 40], zone: "market", arrive: 13 * MIN }, { expectation: "e2", inject: "i1" });
  log.act(14, { type: "evacuation-ordered", zone: "market", role: "fire", by: "f", complete: 30 * MIN });
  log.act(15, { type: "decision-logged", id: "d1", role: "police", by: "p", text: "Cordon at 100 m", rationale: "blast", topic: "cordon-extent", with: ["fire"] });
  log.act(16, { type: "road-closed", road: "ring", role: "police", by: "p" });
  log.act(18, { type: "road-closed", road: "ring", role: "muni", by: "m" });
  log.act(20, { type: "decision-agreed", decision: "d1", role: "fire", by: "f" });
  log.add(20, { type: "decision-joint", decision: "d1", roles: ["police", "fire"] });
  log.act(22, { type: "public-message", id: "pm2", role: "police", by: "p", channel: "press", text: "All clear", topic: "all-clear" });
  log.release(30, "i3", ["police"]);
  log.add(30, { type: "phase-changed", phase: "recovery", cause: "inject" });
  log.act(33, { type: "methane-sent", id: "mt1", role: "police", by: "p", to: ["fire", "comms"], report: methane });
  log.ack(36, "police", "i3");
  log.missed(40, "e4", "i3");
  log.act(45, { type: "public-message", id: "pm3", role: "comms", by: "c", channel: "social-media", text: "All clear", topic: "all-clear" });
  log.act(48, { type: "public-message", id: "pm4", role: "fire", by: "f", channel: "press", text: "Run, hide, tell", topic: "run-hide-tell" });
  log.add(50, { type: "exercise-ended", reason: "facilitator" });
  return log;
}

// Hand-worked figures shared by several assertions.
const ackComponent = (1 + 0.75 + 0.5) / 3; // i1/police 1 min → 1; i2/comms 4 min → (10−4)/(10−2); i3/police 6 min → 0.5
const expectationComponent = (2 * 1 + 1 * 0.8 + 1 * 1 + 1 * 0) / 5; // e1, e2 (12 min: (20−12)/10), e3, e4 missed
const speed = 0.75 * expectationComponent + 0.25 * ackComponent; // 0.7575
const relayComponent = (0.8 + 1 + 0) / 3; // i1→fire 7 min: (15−7)/10; i3→comms 3 min; i3→muni never
const networkComponent = 5 / 12; // Σ1/d over ordered pairs: p–f 1+1, p–c 1+1, f–c ½+½ = 5; n(n−1) = 12
const coordination = 0.3 * relayComponent + 0.2 * networkComponent + 0.15 * 1 + 0.15 * 0.75 + 0.2 * 0.5;
const hRole = -[2, 3, 1, 5].reduce((s, c) => s + (c / 11) * Math.log2(c / 11), 0); // task actions comms 2, fire 3, muni 1, police 5
const specialisation = 1 - (2 / 11 + 2 / 11) / hRole; // H(R|T): close-road:ring and public-message:all-clear, 1 bit each
const division = 0.3 * 1 + 0.3 * 0.8 + 0.15 * (10 / 11) + 0.1 * 1 + 0.15 * specialisation;
const overall = (1 * speed + 2 * coordination + 1 * division) / 4;

describe("score: golden exercise", () => {
  const card = score(scenario, goldenLog().events);

  it("given the full log, when scored, then it is final and valid at ENDEX", () => {
    expect(card.final).toBe(true);
    expect(card.asOf).toBe(50 * MIN);
    expect(card.eventCount).toBe(goldenLog().events.length);
    expect(card.exerciseId).toBe("ex-1");
    expect(card.weights).toEqual({ speed: 1, coordination: 2, division: 1 });
  });

  describe("speed", () => {
    it("acknowledgement latency and credit per inject and recipient", () => {
      expect(card.speed.acknowledgements.map((a) => [a.inject, a.role, a.status, a.latencyMs, a.credit])).toEqual([
        ["i1", "police", "acknowledged", 1 * MIN, 1],
        ["i2", "comms", "acknowledged", 4 * MIN, 0.75],
        ["i3", "police", "acknowledged", 6 * MIN, 0.5]
      ]);
      expect(card.speed.acknowledgements[1]!.acknowledged?.seq).toBe(12); // the ack event itself (seq 12)
    });

    it("each expectation's latency against its target, credit decaying to the deadline", () => {
      const rows = card.speed.expectations.map((e) => [e.expectation, e.status, e.metBy, e.latencyMs, e.onTime, e.credit]);
      expect(rows).toEqual([
        ["e1", "met", "police", 4 * MIN, true, 1],
        ["e2", "met", "fire", 12 * MIN, false, 0.8],
        ["e3", "met", "comms", 3 * MIN, true, 1],
        ["e4", "missed", null, null, false, 0]
      ]);
      const e2 = card.speed.expectations[1]!;
      expect([e2.targetMs, e2.deadlineMs]).toEqual([10 * MIN, 20 * MIN]); // default deadline 2 × target
      expect(e2.released?.seq).toBe(4); // i1's release
      expect(e2.action?.type).toBe("unit-dispatched");
      expect(e2.outcome?.type).toBe("expectation-met");
    });

    it("met-on-time share, median and p90 (nearest rank) overall", () => {
      const { acknowledgements, expectations } = card.speed.overall;
      // ack latencies 1, 4, 6 min: median = 2nd of 3, p90 = 3rd of 3
      expect(acknowledgements).toEqual({ count: 3, acknowledged: 3, unacknowledged: 0, pending: 0, medianMs: 4 * MIN, p90Ms: 6 * MIN });
      // met latencies 3, 4, 12 min; on time e1, e3 of 4 decided
      expect(expectations).toEqual({ count: 4, met: 3, metOnTime: 2, missed: 1, pending: 0, onTimeShare: 0.5, medianMs: 4 * MIN, p90Ms: 12 * MIN });
    });

    it("per role: police acks 1 and 0.5, leads e1 on time", () => {
      const police = card.speed.byRole.find((r) => r.role === "police")!;
      expect(police.acknowledgements.medianMs).toBe(1 * MIN);
      expect(police.acknowledgements.p90Ms).toBe(6 * MIN);
      expect(police.expectations.onTimeShare).toBe(1);
      expect(police.score).toBe(0.75 * 1 * 100 + 0.25 * 0.75 * 100); // 93.75
      const muni = card.speed.byRole.find((r) => r.role === "muni")!;
      expect(muni.expectations).toMatchObject({ count: 1, missed: 1, onTimeShare: 0, medianMs: null });
      expect(muni.score).toBe(0); // only a missed expectation
    });

    it("speed score = 0.75 × weighted expectation credit + 0.25 × ack credit", () => {
      expect(card.speed.components.expectations).toBeCloseTo(0.76, 4);
      expect(card.speed.components.acknowledgements).toBeCloseTo(0.75, 4);
      expect(card.dimensions.speed).toBeCloseTo(speed * 100, 2); // 75.75
      expect(card.dimensions.speed).toBe(75.75);
    });
  });

  describe("coordination", () => {
    it("relays of needed information: who, how fast, and the one never made", () => {
      expect(card.coordination.relays.items.map((r) => [r.inject, r.role, r.status, r.by, r.latencyMs, r.credit])).toEqual([
        ["i1", "fire", "relayed", "police", 7 * MIN, 0.8],
        ["i3", "comms", "relayed", "police", 3 * MIN, 1],
        ["i3", "muni", "not-relayed", null, null, 0]
      ]);
      expect(card.coordination.relays).toMatchObject({ needed: 3, relayed: 2, relayedOnTime: 1, notRelayed: 1, pending: 0, medianMs: 3 * MIN, p90Ms: 7 * MIN });
      expect(card.coordination.components.relays).toBeCloseTo(relayComponent, 4);
    });

    it("network: edges, isolated role, fragmentation F = 1 − 5/12", () => {
      const { network } = card.coordination;
      expect(network.messages).toBe(4); // share, decision invitation, agreement, METHANE
      expect(network.edges.map((e) => [e.a, e.b, e.aToB, e.bToA, e.seqs.length])).toEqual([
        ["comms", "police", 0, 1, 1],
        ["fire", "police", 1, 3, 4]
      ]);
      expect(network.isolated).toEqual(["muni"]);
      expect(network.fragmentation).toBeCloseTo(7 / 12, 4);
      expect(network.reach.map((r) => r.harmonic)).toEqual([0.5, 0.5, 0, 0.6667]); // comms, fire, muni, police
      expect(card.coordination.components.network).toBeCloseTo(networkComponent, 4);
    });

    it("joint decisions: d1 joint 5 min after logging", () => {
      expect(card.coordination.decisions).toMatchObject({ logged: 1, invited: 1, joint: 1, solo: 0, notJoint: 0, pending: 0, medianTimeToJointMs: 5 * MIN });
      expect(card.coordination.decisions.items[0]).toMatchObject({ status: "joint", timeToJointMs: 5 * MIN, credit: 1, agreedBy: ["fire"] });
      expect(card.coordination.components.decisions).toBe(1);
    });

    it("METHANE sent once, reaching 3 of 4 roles", () => {
      expect(card.coordination.methane).toMatchObject({ sent: 1, expected: false, rolesReached: ["comms", "fire", "police"], coverage: 0.75 });
      expect(card.coordination.components.methane).toBe(0.75);
    });

    it("public messages: all-clear before i3 is premature; run-hide-tell 3 min after comms' all-clear contradicts it", () => {
      expect(card.coordination.publicMessages.items.map((p) => [p.id, p.premature, p.confirmedBy, p.contradicting])).toEqual([
        ["pm1", false, null, false],
        ["pm2", true, null, false],
        ["pm3", false, "i3", false],
        ["pm4", false, null, true] // no inject confirms run-hide-tell
      ]);
      expect(card.coordination.publicMessages.contradictions).toEqual([
        {
          topic: "run-hide-tell",
          otherTopic: "all-clear",
          earlier: expect.objectContaining({ type: "public-message", role: "comms", x: 45 * MIN }),
          later: expect.objectContaining({ role: "fire", x: 48 * MIN })
        }
      ]);
      expect(card.coordination.components.publicMessages).toBe(0.5); // 2 of 4 consistent
    });

    it("coordination score = 0.3 relays + 0.2 network + 0.15 decisions + 0.15 METHANE + 0.2 public", () => {
      expect(card.dimensions.coordination).toBeCloseTo(coordination * 100, 2); // 62.58
      expect(card.dimensions.coordination).toBe(62.58);
    });
  });

  describe("division", () => {
    it("ownership: all three met expectations were met by their lead; gap e4 weighs 1 of 5", () => {
      expect(card.division.ownership).toEqual({ met: 3, byLead: 3, bySupport: 0, byOther: 0, wrongRole: [] });
      expect(card.division.gaps).toEqual({ decided: 4, missed: 1, decidedWeight: 5, missedWeight: 1, items: ["e4"] });
      expect(card.division.components.ownership).toBe(1);
      expect(card.division.components.gaps).toBe(0.8);
    });

    it("duplicates: muni closed the ring road after police without a word between them; comms' all-clear is not one", () => {
      expect(card.division.duplicates.roleTasks).toBe(11);
      expect(card.division.duplicates.items).toEqual([
        { task: "close-road:ring", first: expect.objectContaining({ role: "police", x: 16 * MIN }), second: expect.objectContaining({ role: "muni", x: 18 * MIN }) }
      ]);
      expect(card.division.components.duplication).toBeCloseTo(10 / 11, 4);
    });

    it("workload balance: carried equals planned (Gini* 0.5 each) so balance is 1", () => {
      // weights police 2, fire 1, comms 1, muni 0: Σ|vi−vj| = 12, G = 12/(2·4·4) = 0.375, G* = 0.375·4/3
      expect(card.division.workload.giniExpected).toBe(0.5);
      expect(card.division.workload.giniCarried).toBe(0.5);
      expect(card.division.components.balance).toBe(1);
      expect(card.division.workload.roles.map((r) => [r.role, r.expectedWeight, r.carriedWeight, r.taskActions])).toEqual([
        ["comms", 1, 1, 2],
        ["fire", 1, 1, 3],
        ["muni", 0, 0, 1],
        ["police", 2, 2, 5]
      ]);
    });

    it("specialisation: role × task matrix, I(R;T)/H(R)", () => {
      const { matrix } = card.division;
      expect(matrix.total).toBe(11);
      expect(matrix.tasks).toEqual([
        "close-road:ring",
        "decision:cordon-extent",
        "e1",
        "e2",
        "e3",
        "evacuate:market",
        "methane",
        "public-message:all-clear",
        "public-message:run-hide-tell"
      ]);
      expect(matrix.counts[3]).toEqual([1, 1, 1, 0, 0, 0, 1, 1, 0]); // police
      expect(matrix.entropyRole).toBeCloseTo(hRole, 4);
      expect(matrix.specialisation).toBeCloseTo(specialisation, 4);
      expect(card.division.components.specialisation).toBeCloseTo(specialisation, 4);
    });

    it("division score = 0.3 ownership + 0.3 gaps + 0.15 duplication + 0.1 balance + 0.15 specialisation", () => {
      expect(card.dimensions.division).toBeCloseTo(division * 100, 2);
    });
  });

  it("overall index = (1·speed + 2·coordination + 1·division) / 4", () => {
    expect(card.overall).toBeCloseTo(overall * 100, 2);
    expect(card.overall).toBeGreaterThan(72);
    expect(card.overall).toBeLessThan(73);
  });

  describe("breakdowns", () => {
    it("by phase: i3 belongs to recovery (its release moves the phase there)", () => {
      const recovery = card.breakdown.byPhase.find((p) => p.key === "recovery")!;
      // ack i3 credit 0.5, e4 missed: speed = 0.75·0 + 0.25·0.5
      expect(recovery.speed).toBe(12.5);
      expect(recovery.counts).toMatchObject({ expectations: 1, missed: 1, acknowledgements: 1, relays: 2 });
      expect(card.breakdown.byPhase.map((p) => p.key)).toEqual(["response", "recovery"]);
    });

    it("by JESIP principle: co-ordinate holds e1 (w2, met on time by lead) and e4 (w1, missed)", () => {
      const coordinate = card.breakdown.byJesip.find((j) => j.key === "co-ordinate")!;
      expect(coordinate.speed).toBeCloseTo((2 / 3) * 100, 2);
      expect(coordinate.division).toBeCloseTo(((0.3 * 1 + 0.3 * (2 / 3)) / 0.6) * 100, 2);
      expect(coordinate.coordination).toBeNull();
      expect(coordinate.overall).toBeCloseTo(75, 2);
      expect(card.breakdown.byJesip.map((j) => j.key)).toEqual(["communicate", "co-ordinate", "jointly-understand-risk"]);
    });

    it("by role: muni is isolated, missed its only expectation and duplicated a task", () => {
      const muni = card.breakdown.byRole.find((r) => r.key === "muni")!;
      expect(muni.speed).toBe(0);
      expect(muni.counts).toMatchObject({ expectations: 1, missed: 1, duplicates: 1 });
      // coordination: network reach 0, not reached by METHANE → 0
      expect(muni.coordination).toBe(0);
      // division: gaps 0 (its only expectation missed), duplication 1 − 1/1 = 0; no ownership (nothing met)
      expect(muni.division).toBe(0);
    });
  });

  it("findings name the gap, the late expectation, the unrelayed information, the isolated role and the duplicate, with evidence", () => {
    const codes = card.findings.map((f) => `${f.kind}:${f.id}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "strength:clear-ownership",
        "strength:joint-decisions",
        "improvement:expectation-missed:e4",
        "improvement:expectation-late:e2",
        "improvement:not-relayed:i3:muni",
        "improvement:relay-late:i1:fire",
        "improvement:isolated-role:muni",
        "improvement:fragmented-network",
        "improvement:premature-public-message:police:all-clear",
        "improvement:methane-not-shared"
      ])
    );
    expect(codes.some((c) => c.startsWith("improvement:duplicated-task:close-road:ring"))).toBe(true);
    expect(codes.some((c) => c.startsWith("improvement:contradicting-public-messages"))).toBe(true);
    const kinds = card.findings.map((f) => f.kind);
    expect(kinds.indexOf("improvement")).toBeGreaterThan(kinds.lastIndexOf("strength"));
    const gap = card.findings.find((f) => f.id === "expectation-missed:e4")!;
    expect(gap.owner).toBe("muni");
    expect(gap.evidence.map((e) => [e.seq, e.type])).toEqual([
      [gap.evidence[0]!.seq, "inject-released"],
      [gap.evidence[1]!.seq, "expectation-missed"]
    ]);
    expect(gap.evidence[1]!.x).toBe(40 * MIN);
    for (const finding of card.findings) expect(finding.evidence.length).toBeGreaterThan(0);
  });

  it("the card is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe("score: live, part-way through", () => {
  it("given asOf 10 min, when scored, then e2 is pending, e4 not released and only decided items score", () => {
    const card = score(scenario, goldenLog().events, { asOf: 10 * MIN });
    expect(card.final).toBe(false);
    expect(card.speed.expectations.map((e) => e.status)).toEqual(["met", "pending", "met", "not-released"]);
    // e1 (w2) and e3 met on time → 1; acks i1 1, i2 0.75 → 0.875; 0.75·1 + 0.25·0.875 = 0.96875
    expect(card.dimensions.speed).toBe(96.88);
    // e2 is pending, nothing missed yet: no gap
    expect(card.division.components.gaps).toBe(1);
    expect(card.coordination.relays.items.map((r) => r.status)).toEqual(["relayed"]);
  });

  it("given asOf 3 min, when the i1 relay is still owed, then it is pending and not counted", () => {
    const card = score(scenario, goldenLog().events, { asOf: 3 * MIN });
    expect(card.coordination.relays).toMatchObject({ needed: 1, pending: 1, relayed: 0 });
    expect(card.coordination.components.relays).toBeNull();
  });

  it("given an inject not acknowledged past the ack deadline, then it is unacknowledged with credit 0", () => {
    const log = new LogBuilder(scenario);
    log.release(0, "i1", ["police"]);
    log.add(11, { type: "exercise-paused" });
    const card = score(scenario, log.events);
    expect(card.speed.acknowledgements[0]).toMatchObject({ status: "unacknowledged", credit: 0, latencyMs: null });
    expect(card.speed.components.acknowledgements).toBe(0);
    expect(card.findings.some((f) => f.id === "unacknowledged:police")).toBe(true);
  });
});
