/**
 * The client's description of the wire (client/src/net/wire.ts) against what the server really sends: the keys
 * of every replicated entity, the welcome message's public scenario, and the closed vocabularies the client copies
 * from the core. A field added, renamed or dropped on either side fails here, before it fails in a browser.
 *
 * The key lists are typed `Record<keyof WireX, true>`, so the compiler checks them against the client's types and
 * this test checks them against the server's output.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Command, CommandBody } from "../../server/src/core/engine/index.ts";
import { ExerciseRunner } from "../../server/src/core/engine/index.ts";
import { PUBLIC_CHANNELS as ENGINE_PUBLIC_CHANNELS } from "../../server/src/core/engine/decide.ts";
import { CHANNELS, CORDON_LEVELS, MARKER_KINDS, ZONE_STATES } from "../../server/src/core/scenario/schema.ts";
import { parseScenarioText } from "../../server/src/core/scenario/validate.ts";
import { publicScenario } from "../../server/src/room/public-scenario.ts";
import { StateMirror } from "../../server/src/room/state-mirror.ts";
import { updateScores } from "../../server/src/room/live-scores.ts";
import * as vocabulary from "../../client/src/model/vocabulary.ts";
import type {
  PublicScenario,
  WireClock,
  WireControl,
  WireDecision,
  WireInboxItem,
  WireInjectStatus,
  WireMarker,
  WireMediaItem,
  WireMethane,
  WireNote,
  WireReleasedInject,
  WireResourceRequest,
  WireRoad,
  WireRoleBox,
  WireRoleStatus,
  WireScores,
  WireState,
  WireTask,
  WireUnit,
  WireZone
} from "../../client/src/net/wire.ts";

const REPO = resolve(import.meta.dirname, "../..");

type Keys<T> = Record<keyof T, true>;

const STATE: Keys<WireState> = {
  scenarioId: true,
  title: true,
  language: true,
  clock: true,
  phase: true,
  releasedCount: true,
  zones: true,
  units: true,
  roads: true,
  markers: true,
  media: true,
  released: true,
  seats: true,
  roles: true,
  control: true
};
const CLOCK: Keys<WireClock> = { status: true, baseX: true, anchorT: true, speed: true, serverNow: true, durationMs: true };
const ZONE: Keys<WireZone> = {
  id: true,
  state: true,
  crowd: true,
  crowdAt: true,
  evacuationStart: true,
  evacuationComplete: true,
  cordon: true,
  cordonRole: true,
  dead: true,
  critical: true,
  serious: true,
  minor: true,
  evacuated: true
};
const UNIT: Keys<WireUnit> = {
  id: true,
  role: true,
  type: true,
  status: true,
  fromX: true,
  fromY: true,
  toX: true,
  toY: true,
  departAt: true,
  arriveAt: true,
  zone: true
};
const ROAD: Keys<WireRoad> = { id: true, open: true, by: true };
const MARKER: Keys<WireMarker> = { id: true, kind: true, x: true, y: true, label: true, inject: true, at: true };
const MEDIA: Keys<WireMediaItem> = { id: true, kind: true, role: true, channel: true, from: true, title: true, text: true, topic: true, at: true };
const RELEASED: Keys<WireReleasedInject> = { id: true, kind: true, title: true, channel: true, to: true, at: true };
const ROLE_BOX: Keys<WireRoleBox> = { id: true, inbox: true, tasks: true, decisions: true, requests: true };
const REQUEST: Keys<WireResourceRequest> = { id: true, role: true, unitType: true, count: true, from: true, note: true, at: true };
const INBOX: Keys<WireInboxItem> = {
  id: true,
  kind: true,
  channel: true,
  from: true,
  title: true,
  text: true,
  about: true,
  at: true,
  acknowledgedAt: true,
  acknowledgedBy: true,
  methane: true
};
const METHANE: Keys<WireMethane> = {
  majorIncident: true,
  exactLocation: true,
  typeOfIncident: true,
  hazards: true,
  access: true,
  numberOfCasualties: true,
  emergencyServices: true
};
const TASK: Keys<WireTask> = {
  id: true,
  inject: true,
  lead: true,
  support: true,
  action: true,
  zone: true,
  road: true,
  unitType: true,
  level: true,
  topic: true,
  to: true,
  description: true,
  status: true,
  activeAt: true,
  targetAt: true,
  dueAt: true,
  claimedBy: true,
  assignedTo: true,
  metBy: true,
  metAt: true
};
const DECISION: Keys<WireDecision> = {
  id: true,
  role: true,
  by: true,
  text: true,
  rationale: true,
  topic: true,
  with: true,
  agreed: true,
  at: true,
  jointAt: true
};
const CONTROL: Keys<WireControl> = { exerciseId: true, scores: true, injects: true, notes: true };
const SCORES: Keys<WireScores> = { overall: true, speed: true, coordination: true, division: true, asOf: true, roles: true };
const ROLE_STATUS: Keys<WireRoleStatus> = { role: true, score: true, unacknowledged: true, overdue: true, met: true, missed: true };
const INJECT: Keys<WireInjectStatus> = {
  id: true,
  title: true,
  channel: true,
  to: true,
  plannedAt: true,
  trigger: true,
  status: true,
  dueAt: true,
  releasedAt: true,
  cause: true
};
const NOTE: Keys<WireNote> = { author: true, authorKind: true, text: true, at: true };
const PUBLIC: Keys<PublicScenario> = {
  id: true,
  title: true,
  summary: true,
  language: true,
  languages: true,
  duration: true,
  site: true,
  roles: true,
  phases: true
};

const keys = (value: unknown): string[] => Object.keys(value as object).sort();
const expected = (record: object, optional: string[] = []): string[] => Object.keys(record).filter((k) => !optional.includes(k)).sort();
const first = <V>(record: Record<string, V> | undefined): V => {
  const value = Object.values(record ?? {})[0];
  if (value === undefined) throw new Error("expected at least one entry");
  return value;
};

describe("the client's wire types against the server's output", () => {
  it("names exactly the fields the room replicates", () => {
    // Given an exercise where every kind of entity exists
    const parsed = parseScenarioText(readFileSync(join(REPO, "test/fixtures/scenarios/minimal.yaml"), "utf8"), "minimal.yaml");
    const { runner, events } = ExerciseRunner.create({ exerciseId: "wire", scenario: parsed.scenario!, language: "en", seed: 1, wallMs: 0 });
    const mirror = new StateMirror(runner.state, "wire");
    const log = [...events];
    const run = (body: CommandBody, actor: Command["actor"], at: number) => {
      const result = runner.handle({ ...body, actor, wallMs: at } as Command);
      if (!result.ok) throw new Error(result.reason);
      log.push(...result.events);
      mirror.apply(result.events);
    };
    const police = { kind: "player", role: "police", name: "P" } as const;
    run({ type: "start" }, { kind: "facilitator" }, 0);
    run({ type: "add-note", text: "note" }, { kind: "facilitator" }, 1000);
    run({ type: "deploy", unit: "arv-1", to: [300, 200] }, police, 2000);
    run({ type: "publish", channel: "press", text: "Statement", topic: "holding-statement" }, { kind: "player", role: "communication", name: "C" }, 3000);
    run(
      {
        type: "send-methane",
        to: ["fire-ems"],
        report: { majorIncident: true, exactLocation: "a", typeOfIncident: "b", hazards: "c", access: "d", numberOfCasualties: "e", emergencyServices: "f" }
      },
      police,
      4000
    );
    run({ type: "log-decision", text: "d", rationale: "r", with: ["fire-ems"] }, police, 5000);
    run({ type: "request-resources", unitType: "ambulance", count: 2, from: "fire-ems", note: "n" }, police, 5500);
    updateScores(mirror.state.control.scores, runner.state, log, 5000);
    const json = JSON.parse(JSON.stringify((mirror.state as unknown as { toJSON(): unknown }).toJSON())) as WireState;

    // Then every entity has exactly the fields the client's types name (the METHANE block only on METHANE items)
    expect(keys(json)).toEqual(expected(STATE));
    expect(keys(json.clock)).toEqual(expected(CLOCK));
    expect(keys(first(json.zones))).toEqual(expected(ZONE));
    expect(keys(first(json.units))).toEqual(expected(UNIT));
    expect(keys(first(json.roads))).toEqual(expected(ROAD));
    expect(keys(first(json.markers))).toEqual(expected(MARKER));
    expect(keys(first(json.media))).toEqual(expected(MEDIA));
    expect(keys(first(json.released))).toEqual(expected(RELEASED));
    expect(keys(json.roles!.police)).toEqual(expected(ROLE_BOX));
    const fireInbox = Object.values(json.roles!["fire-ems"]!.inbox);
    expect(keys(fireInbox.find((i) => i.kind !== "methane"))).toEqual(expected(INBOX, ["methane"]));
    const methaneItem = fireInbox.find((i) => i.kind === "methane")!;
    expect(keys(methaneItem)).toEqual(expected(INBOX));
    expect(keys(methaneItem.methane)).toEqual(expected(METHANE));
    expect(keys(first(json.roles!.police!.tasks))).toEqual(expected(TASK));
    expect(keys(first(json.roles!.police!.decisions))).toEqual(expected(DECISION));
    expect(keys(first(json.roles!.police!.requests))).toEqual(expected(REQUEST));
    expect(keys(json.control)).toEqual(expected(CONTROL));
    expect(keys(json.control!.scores)).toEqual(expected(SCORES));
    expect(keys(first(json.control!.scores.roles))).toEqual(expected(ROLE_STATUS));
    expect(keys(first(json.control!.injects))).toEqual(expected(INJECT));
    expect(keys(json.control!.notes[0])).toEqual(expected(NOTE));
    // And role lists travel as comma-separated text
    expect(typeof first(json.control!.injects).to).toBe("string");
  });

  it("names exactly the fields of the welcome message's public scenario", () => {
    const parsed = parseScenarioText(readFileSync(join(REPO, "test/fixtures/scenarios/minimal.yaml"), "utf8"), "minimal.yaml");
    const sent = JSON.parse(JSON.stringify(publicScenario(parsed.scenario!, "en"))) as PublicScenario;
    expect(keys(sent)).toEqual(expected(PUBLIC));
    expect(keys(sent.site)).toEqual(["height", "name", "pois", "routes", "width", "zones"]);
    expect(keys(sent.site.zones[0])).toEqual(["id", "kind", "name", "shape"]);
    expect(keys(sent.roles[0]!.units[0])).toEqual(["home", "id", "name", "speed", "type"]);
  });

  it("copies the core's vocabularies unchanged", () => {
    expect(vocabulary.CHANNELS).toEqual(CHANNELS);
    expect(vocabulary.CORDON_LEVELS).toEqual(CORDON_LEVELS);
    expect(vocabulary.ZONE_STATES).toEqual(ZONE_STATES);
    expect(vocabulary.MARKER_KINDS).toEqual(MARKER_KINDS);
    expect(vocabulary.PUBLIC_CHANNELS).toEqual(ENGINE_PUBLIC_CHANNELS);
  });
});
