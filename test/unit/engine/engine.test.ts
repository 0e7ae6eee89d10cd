import { describe, expect, it } from "vitest";
import { Drill, MIN, facilitator, player } from "./harness.ts";
import { decide } from "../../../server/src/core/engine/decide.ts";
import { fold } from "../../../server/src/core/engine/evolve.ts";
import { parseLog, serialiseLog } from "../../../server/src/core/engine/log.ts";

describe("releasing injects on exercise time", () => {
  it("given a started exercise, when 2 minutes pass, then the impact inject and its effects are released at 2:00", () => {
    const drill = new Drill().started();
    drill.at(1.99);
    expect(drill.released()).toEqual([]);
    const events = drill.at(2.5);
    expect(events.map((e) => e.type)).toEqual([
      "inject-released",
      "casualties-changed",
      "zone-state-changed",
      "marker-placed"
    ]);
    expect(events.every((e) => e.x === 2 * MIN)).toBe(true);
    expect(drill.state.inbox.get("police")?.has("impact")).toBe(true);
    expect(drill.state.inbox.get("fire-ems")?.has("impact")).toBe(false);
    expect(drill.state.zones.get("square")?.casualties).toEqual({ dead: 0, critical: 3, serious: 4, minor: 10, evacuated: 0 });
    expect(drill.state.expectations.get("ack-impact")?.status).toBe("active");
  });

  it("given an exercise not started, when time passes, then nothing is released", () => {
    const drill = new Drill();
    drill.at(30);
    expect(drill.released()).toEqual([]);
  });
});

describe("player actions", () => {
  it("given the impact inject, when police acknowledge it, then the acknowledgement expectation is met by police", () => {
    const drill = new Drill().started();
    drill.at(2.5);
    const events = drill.ok(player("police"), { type: "acknowledge", item: "impact" });
    expect(events.map((e) => e.type)).toEqual(["acknowledged", "expectation-met"]);
    expect(events[1]).toMatchObject({ expectation: "ack-impact", role: "police", action: events[0]!.seq });
    expect(drill.state.inbox.get("police")?.get("impact")?.acknowledgedAt).toBe(2.5 * MIN);
  });

  it("given an acknowledged inject, when it is acknowledged again, then the command is refused and nothing changes", () => {
    const drill = new Drill().started();
    drill.at(3);
    drill.ok(player("police"), { type: "acknowledge", item: "impact" });
    const result = drill.send(player("police"), { type: "acknowledge", item: "impact" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
  });

  it("given a patrol 700 m away at 10 m/s, when deployed to the square, then it arrives 70 s later and meets the deploy expectation", () => {
    const drill = new Drill().started();
    drill.at(3);
    const events = drill.ok(player("police"), { type: "deploy", unit: "p1", to: [200, 200] });
    expect(events[0]).toMatchObject({ type: "unit-dispatched", zone: "square", arrive: 3 * MIN + 70_000 });
    expect(events[1]).toMatchObject({ type: "expectation-met", expectation: "deploy-patrol" });
    drill.at(5);
    expect(drill.ofType("unit-arrived")).toEqual([expect.objectContaining({ unit: "p1", zone: "square", x: 3 * MIN + 70_000 })]);
    expect(drill.state.units.get("p1")?.status).toBe("on-scene");
  });

  it("given a unit of another service, when police deploy it, then the command is refused naming the owner", () => {
    const drill = new Drill().started();
    const result = drill.send(player("police"), { type: "deploy", unit: "a1", to: [200, 200] });
    expect(result).toMatchObject({ ok: false, code: "forbidden", reason: 'unit "a1" belongs to fire-ems' });
  });

  it("given a share to fire-ems, when police relay the impact, then the message lands in the fire-ems inbox and meets the relay", () => {
    const drill = new Drill().started();
    drill.at(3);
    const events = drill.ok(player("police"), { type: "share", to: ["fire-ems"], text: "Van in the square, casualties", about: "impact" });
    expect(events.map((e) => e.type)).toEqual(["info-shared", "expectation-met"]);
    const id = (events[0] as { id: string }).id;
    expect(drill.state.inbox.get("fire-ems")?.get(id)).toMatchObject({ kind: "message", from: "police", about: "impact" });
  });

  it("given a joint decision with two roles, when both invited roles agree, then the decision becomes joint", () => {
    const drill = new Drill().started();
    drill.at(3);
    const [logged] = drill.ok(player("police"), {
      type: "log-decision",
      text: "RVP at the north gate",
      rationale: "Away from the hot zone",
      with: ["fire-ems", "municipality"]
    });
    const id = (logged as { id: string }).id;
    expect(drill.ok(player("fire-ems"), { type: "agree-decision", decision: id }).map((e) => e.type)).toEqual(["decision-agreed"]);
    expect(drill.ok(player("municipality"), { type: "agree-decision", decision: id }).map((e) => e.type)).toEqual([
      "decision-agreed",
      "decision-joint"
    ]);
    expect(drill.state.decisions.get(id)?.jointAt).toBe(3 * MIN);
    expect(drill.send(player("communication"), { type: "agree-decision", decision: id })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("given a public statement, when communication publishes a holding statement, then it is in the media feed and meets the expectation", () => {
    const drill = new Drill().started();
    drill.at(6);
    const events = drill.ok(player("communication"), {
      type: "publish",
      channel: "social-media",
      text: "We are aware of an incident in the square. Avoid the area.",
      topic: "holding-statement"
    });
    expect(events.map((e) => e.type)).toEqual(["public-message", "expectation-met"]);
    expect(drill.state.media).toHaveLength(1);
  });

  it("given a zone, when evacuated, then its crowd empties over time and it is evacuated at the computed time", () => {
    const drill = new Drill().started();
    drill.at(1);
    const [ordered] = drill.ok(player("municipality"), { type: "evacuate", zone: "square" });
    // 800 people at 400 a minute would be 2 minutes; the minimum is 3.
    expect(ordered).toMatchObject({ type: "evacuation-ordered", complete: 4 * MIN });
    drill.at(5);
    expect(drill.ofType("zone-evacuated")).toEqual([expect.objectContaining({ zone: "square", x: 4 * MIN })]);
    expect(drill.state.zones.get("square")).toMatchObject({ crowd: 0, state: "evacuated" });
  });

  it("given a road, when closed twice, then the second is refused; when reopened, then it is open", () => {
    const drill = new Drill().started();
    drill.ok(player("police"), { type: "close-road", road: "high-street" });
    expect(drill.send(player("municipality"), { type: "close-road", road: "high-street" })).toMatchObject({ ok: false, code: "conflict" });
    drill.ok(player("municipality"), { type: "open-road", road: "high-street" });
    expect(drill.state.roads.get("high-street")?.open).toBe(true);
  });
});

describe("triggers, escalations and branches", () => {
  it("given a cordon trigger with a 1-minute delay, when the square is cordoned, then the traders' complaint comes a minute later", () => {
    const drill = new Drill().started();
    drill.at(3);
    const events = drill.ok(player("police"), { type: "set-cordon", zone: "square", level: "outer" });
    expect(events.map((e) => e.type)).toEqual(["cordon-set", "inject-scheduled"]);
    drill.at(3.9);
    expect(drill.released()).not.toContain("cordon-feedback");
    drill.at(4.1);
    expect(drill.ofType("inject-released").find((e) => e.inject === "cordon-feedback")).toMatchObject({
      x: 4 * MIN,
      cause: "action",
      source: String(events[0]!.seq)
    });
  });

  it("given nobody relays the impact, when its deadline passes, then the expectation is missed and the escalation is released", () => {
    const drill = new Drill().started();
    drill.at(9);
    expect(drill.ofType("expectation-missed").map((e) => e.expectation)).toContain("relay-impact");
    const escalation = drill.ofType("inject-released").find((e) => e.inject === "escalation");
    expect(escalation).toMatchObject({ x: 8 * MIN, cause: "missed", source: "relay-impact" });
  });

  it("given untreated critical casualties, when time passes, then they deteriorate and the fatalities condition fires", () => {
    const drill = new Drill().started();
    drill.at(11);
    const steps = drill.ofType("casualties-changed").filter((e) => e.cause === "deterioration");
    expect(steps.map((e) => [e.x / MIN, e.casualties.dead, e.casualties.critical, e.casualties.serious])).toEqual([
      [5, 1, 3, 3],
      [10, 2, 3, 2]
    ]);
    expect(drill.ofType("inject-released").find((e) => e.inject === "many-dead")).toMatchObject({ x: 10 * MIN, cause: "condition" });
  });

  it("given an ambulance on scene, when the casualty step comes, then patients are treated instead of dying", () => {
    const drill = new Drill().started();
    drill.at(2.5);
    drill.ok(player("fire-ems"), { type: "deploy", unit: "a1", to: [200, 200] });
    drill.at(5);
    const step = drill.ofType("casualties-changed").find((e) => e.x === 5 * MIN);
    expect(step).toMatchObject({ cause: "treatment", casualties: { dead: 0, critical: 1, serious: 4, evacuated: 2 } });
  });

  it("given the hall decision, when municipality evacuates the hall in time, then the evacuation branch is taken", () => {
    const drill = new Drill().started();
    drill.at(12);
    drill.ok(player("municipality"), { type: "evacuate", zone: "hall" });
    expect(drill.ofType("branch-resolved")).toEqual([expect.objectContaining({ branch: "hall-decision", option: 0, inject: "evacuated-news" })]);
    drill.at(30);
    expect(drill.released()).toContain("evacuated-news");
    expect(drill.released()).not.toContain("sheltered-news");
  });

  it("given the hall decision, when nobody decides within 10 minutes, then the otherwise inject is released", () => {
    const drill = new Drill().started();
    drill.at(25);
    expect(drill.ofType("branch-resolved")).toEqual([expect.objectContaining({ option: -1, inject: "sheltered-news", x: 20 * MIN })]);
  });
});

describe("facilitator control", () => {
  it("given a paused exercise, when time passes, then nothing is released, and on resume the schedule continues", () => {
    const drill = new Drill().started();
    drill.at(1);
    drill.ok(facilitator, { type: "pause" });
    drill.at(10);
    expect(drill.released()).toEqual([]);
    expect(drill.send(player("police"), { type: "close-road", road: "high-street" })).toMatchObject({ ok: false, code: "paused" });
    drill.ok(facilitator, { type: "resume" });
    // Paused at 1:00 exercise time and resumed at wall 10:00, so 2:00 comes at wall 11:00.
    drill.at(10.99);
    expect(drill.released()).toEqual([]);
    drill.at(11.5);
    expect(drill.ofType("inject-released")[0]).toMatchObject({ inject: "impact", x: 2 * MIN, t: 11.5 * MIN });
  });

  it("given speed 4x, when one wall minute passes, then four exercise minutes pass", () => {
    const drill = new Drill().started();
    drill.ok(facilitator, { type: "set-speed", factor: 4 });
    drill.at(1);
    expect(drill.released()).toEqual(["impact"]);
    expect(drill.send(facilitator, { type: "set-speed", factor: 11 })).toMatchObject({ ok: false, code: "malformed" });
  });

  it("given a jump to the recovery phase, then earlier timed injects are skipped and the clock is at 40 minutes", () => {
    const drill = new Drill().started();
    drill.at(1);
    const events = drill.ok(facilitator, { type: "jump-to-phase", phase: "recovery" });
    expect(events.filter((e) => e.type === "inject-skipped").map((e) => (e as { inject: string }).inject)).toEqual([
      "impact",
      "press-call",
      "crowd-question"
    ]);
    expect(drill.state.phase).toBe("recovery");
    expect(drill.state.x).toBe(40 * MIN);
    drill.at(2);
    expect(drill.released()).toEqual([]);
  });

  it("given a live inject, then it lands in the chosen inboxes only", () => {
    const drill = new Drill().started();
    const [live] = drill.ok(facilitator, { type: "live-inject", to: ["communication"], channel: "social-media", text: "Video of the van trending" });
    const id = (live as { id: string }).id;
    expect(drill.state.inbox.get("communication")?.get(id)).toMatchObject({ kind: "live", text: "Video of the van trending" });
    expect(drill.state.inbox.get("police")?.has(id)).toBe(false);
  });

  it("given a facilitator-only inject, when the facilitator releases it, then it is released once", () => {
    const drill = new Drill().started();
    drill.ok(facilitator, { type: "release-inject", inject: "spare" });
    expect(drill.send(facilitator, { type: "release-inject", inject: "spare" })).toMatchObject({ ok: false, code: "conflict" });
    expect(drill.released()).toEqual(["spare"]);
  });

  it("given the end, then open expectations are missed, the exercise is ended and players are refused", () => {
    const drill = new Drill().started();
    drill.at(3);
    const events = drill.ok(facilitator, { type: "end" });
    expect(events.map((e) => e.type)).toEqual([
      "expectation-missed",
      "expectation-missed",
      "expectation-missed",
      "exercise-ended"
    ]);
    expect(drill.send(player("police"), { type: "acknowledge", item: "impact" })).toMatchObject({ ok: false, code: "ended" });
    drill.at(100);
    expect(drill.ofType("exercise-ended")).toHaveLength(1);
  });

  it("given the duration, when it runs out, then the exercise ends by itself at 60:00", () => {
    const drill = new Drill().started();
    drill.at(200);
    expect(drill.ofType("exercise-ended")).toEqual([expect.objectContaining({ reason: "duration", x: 60 * MIN })]);
  });
});

describe("who may do what", () => {
  it("refuses facilitator commands from players and evaluators, and notes from observers", () => {
    const drill = new Drill();
    expect(drill.send(player("police"), { type: "start" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(drill.send({ kind: "evaluator", name: "Eva" }, { type: "pause" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(drill.send({ kind: "observer", name: "Obi" }, { type: "add-note", text: "hi" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(drill.send({ kind: "evaluator", name: "Eva" }, { type: "add-note", text: "Good start" })).toMatchObject({ ok: true });
    expect(drill.send(player("coastguard"), { type: "close-road", road: "high-street" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("refuses player actions before the start", () => {
    const drill = new Drill();
    expect(drill.send(player("police"), { type: "close-road", road: "high-street" })).toMatchObject({ ok: false, code: "not-started" });
  });

  it("a refused command leaves the state exactly as it was", () => {
    const drill = new Drill().started();
    drill.at(3);
    const before = structuredClone(serialiseLog(drill.log));
    const result = decide(drill.state, { type: "deploy", unit: "p1", to: [5000, 5000], actor: player("police"), wallMs: drill.wall });
    expect(result).toMatchObject({ ok: false, code: "malformed" });
    expect(fold(drill.log)).toEqual(drill.state);
    expect(serialiseLog(drill.log)).toBe(before);
  });
});

describe("the event log", () => {
  it("given a played segment, when its JSON Lines log is parsed and folded, then it rebuilds the same state", () => {
    const drill = new Drill().started();
    drill.at(3);
    drill.ok(player("police"), { type: "deploy", unit: "p1", to: [200, 200] });
    drill.ok(player("police"), { type: "set-cordon", zone: "square", level: "hot" });
    drill.at(15);
    drill.ok(player("municipality"), { type: "evacuate", zone: "hall" });
    drill.at(30);
    const text = serialiseLog(drill.log);
    expect(text.split("\n").filter(Boolean)).toHaveLength(drill.log.length);
    const parsed = parseLog(text);
    expect(parsed).toEqual(drill.log);
    expect(fold(parsed)).toEqual(drill.state);
  });

  it("refuses a log with a gap in seq, naming the line", () => {
    const drill = new Drill().started();
    drill.at(3);
    const lines = serialiseLog(drill.log).split("\n");
    lines.splice(1, 1);
    expect(() => parseLog(lines.join("\n"))).toThrow(/line 2: "seq" should be 2/);
  });
});

describe("expectations the situation already meets", () => {
  it("given a hot cordon already set, when an inject expects that cordon, then it is met at once by the role that set it", async () => {
    const { Scenario } = await import("../../../server/src/core/scenario/schema.ts");
    const { tinyScenario } = await import("../../fixtures/tiny-scenario.ts");
    const scenario = Scenario.parse({
      ...tinyScenario,
      injects: tinyScenario.injects.map((i) =>
        i.id === "press-call"
          ? { ...i, expectations: [...i.expectations, { id: "hot-square", lead: "police", action: { action: "set-cordon", zone: "square", level: "hot" }, target: 5, jesip: "jointly-understand-risk" }] }
          : i
      )
    });
    const drill = new Drill(scenario).started();
    drill.at(1);
    const [cordon] = drill.ok(player("police"), { type: "set-cordon", zone: "square", level: "hot" });
    const events = drill.at(5);
    expect(events.find((e) => e.type === "expectation-met" && e.expectation === "hot-square")).toMatchObject({
      role: "police",
      action: cordon!.seq,
      x: 5 * MIN
    });
    expect(drill.state.expectations.get("hot-square")?.status).toBe("met");
  });
});
