/**
 * The client's pure parts, without a browser: the view model built from exactly what the room replicates (the
 * server's own StateMirror, encoded to JSON the way the SDK decodes it), the exercise clock, the map helpers, the
 * replay of a simulated log, the map's text alternative, routes, problem lines and the two language catalogues.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Command, CommandBody, ExerciseEvent } from "../../server/src/core/engine/index.ts";
import { ExerciseRunner, fold, MINUTE, serialiseLog } from "../../server/src/core/engine/index.ts";
import type { Scenario } from "../../server/src/core/scenario/schema.ts";
import { parseScenarioText } from "../../server/src/core/scenario/validate.ts";
import { simulate } from "../../server/src/core/simulation/simulate.ts";
import { publicScenario } from "../../server/src/room/public-scenario.ts";
import { StateMirror } from "../../server/src/room/state-mirror.ts";
import { buildView, roleIds, unacknowledged } from "../../client/src/model/view-model.ts";
import type { RoomView } from "../../client/src/model/view-model.ts";
import { exerciseTimeAt, ServerTimeEstimate } from "../../client/src/model/clock.ts";
import { crowdAt, unitPositionAt, zoneAtPoint, zoneGeometry } from "../../client/src/model/map-model.ts";
import type { MapZone } from "../../client/src/model/map-model.ts";
import { mapText } from "../../client/src/model/map-text.ts";
import { topicId } from "../../client/src/model/vocabulary.ts";
import { taskAsks } from "../../client/src/model/task-asks.ts";
import { Replay, mapFromEngine } from "../../client/src/debrief/replay.ts";
import { describeForReplay } from "../../client/src/debrief/describe.ts";
import { parseProblem } from "../../client/src/net/api.ts";
import { parseRoute } from "../../client/src/ui/app.ts";
import type { PublicScenario, WireState } from "../../client/src/net/wire.ts";
import { detectLanguage, formatClock, formatList, t } from "../../client/src/i18n/i18n.ts";
import { en } from "../../client/src/i18n/en.ts";
import { fr } from "../../client/src/i18n/fr.ts";

const REPO = resolve(import.meta.dirname, "../..");
const T0 = 1_700_000_000_000;

function minimalScenario(): Scenario {
  const result = parseScenarioText(readFileSync(join(REPO, "test/fixtures/scenarios/minimal.yaml"), "utf8"), "minimal.yaml");
  if (!result.scenario) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.scenario;
}

/** An exercise run through the engine with the room's mirror alongside, as the server does it. */
class Drill {
  readonly runner: ExerciseRunner;
  readonly mirror: StateMirror;
  readonly events: ExerciseEvent[];
  readonly scenario: Scenario;
  readonly public: PublicScenario;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    const { runner, events } = ExerciseRunner.create({ exerciseId: "drill", scenario, language: "en", seed: 7, wallMs: T0 });
    this.runner = runner;
    this.events = [...events];
    this.mirror = new StateMirror(runner.state, "drill");
    this.public = publicScenario(scenario, "en") as PublicScenario;
  }

  act(body: CommandBody, actor: Command["actor"], atMs: number): void {
    const result = this.runner.handle({ ...body, actor, wallMs: T0 + atMs } as Command);
    if (!result.ok) throw new Error(`${body.type} refused: ${result.reason}`);
    this.events.push(...result.events);
    this.mirror.apply(result.events);
  }

  player(role: string, body: CommandBody, atMs: number): void {
    this.act(body, { kind: "player", role, name: `${role}-player` }, atMs);
  }

  /** The replicated state as a client decodes it. */
  wire(): WireState {
    return JSON.parse(JSON.stringify((this.mirror.state as unknown as { toJSON(): unknown }).toJSON())) as WireState;
  }

  view(kind: "player" | "facilitator", role: string): RoomView {
    return buildView(this.public, { id: `${role}:x`, kind, role, name: "x" }, this.wire());
  }
}

describe("the view model, from what the room replicates", () => {
  let drill: Drill;
  beforeAll(() => {
    // Given an exercise started, with the police acting on the first inject
    drill = new Drill(minimalScenario());
    const facilitator = { kind: "facilitator" } as const;
    drill.act({ type: "start" }, facilitator, 0);
    drill.player("police", { type: "acknowledge", item: "van-into-crowd" }, 10_000);
    drill.player("police", { type: "share", to: ["fire-ems", "communication"], text: "Van in the crowd", about: "van-into-crowd" }, 20_000);
    drill.player("police", { type: "deploy", unit: "arv-1", to: [320, 240] }, 30_000);
    drill.player("police", { type: "log-decision", text: "One rendezvous point: North", rationale: "Away from the scene", topic: "rendezvous-point", with: ["fire-ems", "municipality"] }, 40_000);
    drill.player("fire-ems", { type: "agree-decision", decision: [...drill.runner.state.decisions.keys()][0]! }, 50_000);
  });

  it("gives a player their own inbox, newest first, with the inject's words and its acknowledgement", () => {
    const police = drill.view("player", "police");
    const inject = police.own.inbox.find((i) => i.id === "van-into-crowd")!;
    expect(inject.title).toBe("Van driven into the market crowd");
    expect(inject.channel).toBe("radio");
    expect(inject.acknowledgedAt).toBe(10_000);
    expect(unacknowledged(police.own)).toEqual([]);
    const municipality = drill.view("player", "municipality");
    expect(unacknowledged(municipality.own).map((i) => i.id)).toEqual(["van-into-crowd"]);
    const fire = drill.view("player", "fire-ems");
    const times = fire.own.inbox.map((i) => i.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(fire.own.inbox.some((i) => i.kind === "message" && i.text === "Van in the crowd")).toBe(true);
  });

  it("turns the comma-separated role lists into arrays", () => {
    expect(roleIds("police,fire-ems")).toEqual(["police", "fire-ems"]);
    expect(roleIds("")).toEqual([]);
    expect(roleIds(["a", ""])).toEqual(["a"]);
    const fire = drill.view("player", "fire-ems");
    const decision = fire.own.decisions[0]!;
    expect(decision.with).toEqual(["fire-ems", "municipality"]);
    expect(decision.agreed).toEqual(["fire-ems"]);
    const police = drill.view("player", "police");
    const methane = police.own.tasks.find((task) => task.id === "police-methane")!;
    expect(methane.support).toEqual(["municipality"]);
    expect(methane.status).toBe("active");
  });

  it("puts units on the map with their dispatch line, and zones with their state and casualties", () => {
    const view = drill.view("player", "municipality");
    const arv = view.map.units.find((u) => u.id === "arv-1")!;
    expect(arv.roleKind).toBe("police");
    expect(arv.from).toEqual([20, 580]);
    expect(arv.to).toEqual([320, 240]);
    const halfway = (arv.departAt + arv.arriveAt) / 2;
    const [x, y] = unitPositionAt(arv, halfway);
    expect(x).toBeCloseTo(170, 0);
    expect(y).toBeCloseTo(410, 0);
    expect(unitPositionAt(arv, arv.arriveAt + 1)).toEqual([320, 240]);
    const square = view.map.zones.find((z) => z.id === "market-square")!;
    expect(square.state).toBe("incident");
    expect(square.casualties).toMatchObject({ critical: 3, serious: 5, minor: 12 });
    expect(view.map.markers.map((m) => [m.id, m.label])).toEqual([["van", "White van"]]);
  });

  it("gives control seats the injects to come in time order, the released ones, and every role box", () => {
    const view = drill.view("facilitator", "facilitator");
    expect(view.control?.exerciseId).toBe("drill");
    const coming = view.control!.coming;
    const timed = coming.filter((i) => i.plannedAt >= 0).map((i) => i.plannedAt);
    expect(timed).toEqual([...timed].sort((a, b) => a - b));
    expect(view.control!.released.map((i) => i.id)).toContain("van-into-crowd");
    expect(view.control!.released.find((i) => i.id === "van-into-crowd")!.to).toEqual(["police", "municipality"]);
    expect(Object.keys(view.boxes).sort()).toEqual(["communication", "fire-ems", "municipality", "police"]);
    expect(view.own.inbox).toEqual([]);
  });

  it("gives every seat the released injects, newest first, without their content", () => {
    // Given a live inject on top of the van inject
    drill.act({ type: "live-inject", to: ["communication"], channel: "phone", title: "Press call", text: "Private line for comms" }, { kind: "facilitator" }, 55_000);
    const wire = drill.wire();
    const screen = buildView(drill.public, { id: "screen", kind: "screen", role: "screen", name: "Screen" }, { ...wire, roles: {}, control: undefined } as WireState);
    // Then the screen's view lists both, latest first, with title, channel, recipients and time only
    expect(screen.released.map((r) => [r.id === "van-into-crowd" ? r.id : r.kind, r.title, r.channel, r.to, r.at])).toEqual([
      ["live", "Press call", "phone", ["communication"], 55_000],
      ["van-into-crowd", "Van driven into the market crowd", "radio", ["police", "municipality"], 0]
    ]);
    expect(JSON.stringify(wire.released)).not.toContain("Private line for comms");
  });

  it("says in words what each task asks", () => {
    const police = drill.view("player", "police");
    const armed = police.own.tasks.find((task) => task.id === "police-armed-response")!;
    expect(armed).toMatchObject({ action: "deploy", zone: "market-square", unitType: "armed-response", topic: "", to: [] });
    expect(taskAsks(armed, police)).toBe("Deploy a unit — zone: Market square, unit type: armed response");
    const methane = police.own.tasks.find((task) => task.id === "police-methane")!;
    expect(methane.to).toEqual(["fire-ems", "municipality"]);
    expect(taskAsks(methane, police)).toBe(`Send METHANE — with: ${formatList(["Fire and ambulance service", "Municipality"])}`);
  });

  it("says in words what the map shows", () => {
    const view = drill.view("player", "municipality");
    const lines = mapText(view.map, 35_000).map((l) => l.text);
    expect(lines).toContain("Market square: incident, 20 casualties, 0 dead");
    expect(lines.some((l) => l.startsWith("arv-1 (Police) moving to Market square"))).toBe(true);
    expect(lines).toContain("Vehicle: White van");
  });
});

describe("the exercise clock on the client", () => {
  it("estimates server time from the least delayed recent sample", () => {
    const estimate = new ServerTimeEstimate(3);
    expect(estimate.serverNow(1000)).toBe(1000);
    estimate.sample(10_000, 1_050); // arrived 50 ms late
    estimate.sample(11_000, 2_010); // 10 ms late: the better one
    expect(estimate.offset()).toBe(11_000 - 2_010);
    expect(estimate.sample(11_000, 2_500)).toBe(false); // the same stamp again is not a new sample
    estimate.sample(12_000, 3_100);
    estimate.sample(13_000, 4_100);
    estimate.sample(14_000, 5_100); // the 10 ms sample has aged out
    expect(estimate.offset()).toBe(8_900);
  });

  it("runs exercise time from the anchor at the set speed, frozen when paused, never past the end", () => {
    const running = { status: "running", baseX: 60_000, anchorT: 1_000, speed: 2, durationMs: 120_000 };
    expect(exerciseTimeAt(running, 1_000)).toBe(60_000);
    expect(exerciseTimeAt(running, 6_000)).toBe(70_000);
    expect(exerciseTimeAt(running, 900)).toBe(60_000);
    expect(exerciseTimeAt(running, 100_000)).toBe(120_000);
    expect(exerciseTimeAt({ ...running, status: "paused" }, 50_000)).toBe(60_000);
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(formatClock(65_000)).toBe("01:05");
  });
});

describe("the map helpers", () => {
  const zone = (id: string, x: number, y: number, w: number, h: number): MapZone => {
    const shape = { rect: { x, y, w, h } };
    return {
      id,
      name: id,
      kind: "square",
      shape,
      ...zoneGeometry({ shape }),
      state: "normal",
      cordon: "",
      crowd: 0,
      evacuationStart: -1,
      evacuationComplete: -1,
      casualties: { dead: 0, critical: 0, serious: 0, minor: 0, evacuated: 0 }
    };
  };

  it("picks the smallest zone under a point, as the engine does for a destination", () => {
    const zones = [zone("square", 0, 0, 100, 100), zone("stage", 40, 40, 20, 20)];
    expect(zoneAtPoint(zones, [50, 50])?.id).toBe("stage");
    expect(zoneAtPoint(zones, [10, 10])?.id).toBe("square");
    expect(zoneAtPoint(zones, [150, 10])).toBeUndefined();
  });

  it("thins a crowd linearly over an evacuation", () => {
    const z = { ...zone("square", 0, 0, 10, 10), crowd: 1000, evacuationStart: 60_000, evacuationComplete: 180_000 };
    expect(crowdAt(z, 0)).toBe(1000);
    expect(crowdAt(z, 120_000)).toBe(500);
    expect(crowdAt(z, 200_000)).toBe(0);
    expect(crowdAt({ ...z, evacuationStart: -1 }, 200_000)).toBe(1000);
  });

  it("turns a typed topic into the id the engine compares", () => {
    expect(topicId("  Rendez-vous Point ")).toBe("rendez-vous-point");
    expect(topicId("Évacuation générale")).toBe("evacuation-generale");
  });
});

describe("the replay of an exercise log", () => {
  it("folds the log to any moment, forwards and backwards, exactly as the engine does", () => {
    // Given the log of a simulated cooperative team on the minimal scenario
    const { events } = simulate(minimalScenario(), { seed: 3, team: "cooperative", language: "en" });
    const replay = new Replay(serialiseLog(events));
    expect(replay.end).toBe(events[events.length - 1]!.x);

    // When it is scrubbed to the end, back to the middle, then forward again
    const middle = Math.round(replay.end / 2);
    const atEnd = replay.mapAt(replay.end);
    const back = JSON.stringify(mapFromEngine(replay.stateAt(middle), "en"));
    replay.stateAt(replay.end);
    const again = JSON.stringify(mapFromEngine(replay.stateAt(middle), "en"));

    // Then each moment shows what the engine's own fold of the events up to it gives
    const upTo = (x: number) => events.filter((e) => e.x <= x);
    expect(back).toBe(JSON.stringify(mapFromEngine(fold(upTo(middle)), "en")));
    expect(again).toBe(back);
    expect(JSON.stringify(atEnd)).toBe(JSON.stringify(mapFromEngine(fold(events), "en")));
    expect(replay.countAt(middle)).toBe(upTo(middle).length);
    expect(atEnd.units.some((u) => u.status !== "home")).toBe(true);

    // And the ticker describes the moments in words, latest first
    const recent = replay.recent(replay.end, 10);
    expect(recent[0]!.seq).toBe(events[events.length - 1]!.seq);
    const started = events.find((e) => e.type === "exercise-started")!;
    expect(describeForReplay(replay.scenario, "en", started)).toBe("STARTEX");
    const methane = events.find((e) => e.type === "methane-sent");
    if (methane) expect(describeForReplay(replay.scenario, "en", methane)).toMatch(/^Police sent a METHANE report to /);
    expect(replay.stateAt(10 * MINUTE).x).toBeLessThanOrEqual(10 * MINUTE);
  });
});

describe("small parsers", () => {
  it("reads the server's positioned problems", () => {
    expect(parseProblem("upload.yaml:85:14: injects[0].channel: must be one of: radio, phone")).toEqual({
      line: 85,
      column: 14,
      path: "injects[0].channel",
      message: "must be one of: radio, phone"
    });
    expect(parseProblem("upload.yaml:1:1: (root): a scenario must be a mapping")).toMatchObject({ line: 1, path: "" });
    expect(parseProblem("something else")).toEqual({ message: "something else" });
  });

  it("reads the address's route", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/join/K7QX-M4TR")).toEqual({ name: "home", code: "K7QX-M4TR" });
    expect(parseRoute("#/screen/K7QX-M4TR")).toEqual({ name: "screen", code: "K7QX-M4TR" });
    expect(parseRoute("#/debrief/abc_123")).toEqual({ name: "debrief", exerciseId: "abc_123" });
    expect(parseRoute("#/bench/map?units=42&renderer=webgl")).toEqual({ name: "bench", units: 42, renderer: "webgl" });
    expect(parseRoute("#/bench/map")).toEqual({ name: "bench", units: 300, renderer: "canvas" });
  });
});

describe("the interface languages", () => {
  it("picks the browser's language when it is one of ours, else English", () => {
    expect(detectLanguage(["fr-CA", "en"])).toBe("fr");
    expect(detectLanguage(["de-DE", "en-GB"])).toBe("en");
    expect(detectLanguage(["it"])).toBe("en");
  });

  it("has every text in both languages, with the same placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
    expect(t("inbox.unread", { count: 3 }, "fr")).toBe("3 à accuser");
  });
});
