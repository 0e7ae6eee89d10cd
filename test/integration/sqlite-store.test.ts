/**
 * The SQLite event store on a real file: logs survive reopening, a duplicate or missing seq is refused without
 * touching the log, seats and heartbeats are kept, and finished exercises are no longer listed as unfinished.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ExerciseRunner } from "../../server/src/core/engine/index.ts";
import type { ExerciseEvent } from "../../server/src/core/engine/index.ts";
import { parseScenarioText } from "../../server/src/core/scenario/validate.ts";
import type { ExerciseRecord } from "../../server/src/store/event-store.ts";
import { StoreError } from "../../server/src/store/event-store.ts";
import { newJoinCode, normaliseJoinCode } from "../../server/src/store/join-code.ts";
import { hashSecret, newSecret, secretMatches } from "../../server/src/store/secret.ts";
import { SqliteEventStore } from "../../server/src/store/sqlite-store.ts";
import { FIXTURES, tempDb } from "./harness.ts";

const scenario = parseScenarioText(readFileSync(`${FIXTURES}/minimal.yaml`, "utf8"), "minimal.yaml").scenario!;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function freshStore(): { store: SqliteEventStore; dbPath: string } {
  const { dbPath, cleanup } = tempDb();
  cleanups.push(cleanup);
  return { store: new SqliteEventStore({ path: dbPath }), dbPath };
}

function newExercise(id: string): { record: ExerciseRecord; runner: ExerciseRunner; events: ExerciseEvent[] } {
  const { runner, events } = ExerciseRunner.create({ exerciseId: id, scenario, language: "en", seed: 7, wallMs: 1_000 });
  const record: ExerciseRecord = {
    id,
    joinCode: newJoinCode(),
    secretHash: hashSecret("s3cret"),
    scenarioId: scenario.id,
    title: "Minimal",
    language: "en",
    createdAt: 1_000
  };
  return { record, runner, events };
}

describe("SqliteEventStore", () => {
  it("keeps an exercise and its log across reopening the file", () => {
    const { store, dbPath } = freshStore();
    const { record, runner, events } = newExercise("ex-1");
    store.createExercise(record, events);
    const started = runner.handle({ type: "start", actor: { kind: "facilitator" }, wallMs: 2_000 });
    store.append("ex-1", started.events);
    store.close();

    const reopened = new SqliteEventStore({ path: dbPath });
    expect(reopened.getExercise("ex-1")).toEqual(record);
    expect(reopened.findByJoinCode(record.joinCode)?.id).toBe("ex-1");
    const log = reopened.load("ex-1");
    expect(log).toEqual([...events, ...started.events]);
    expect(reopened.readLog("ex-1").trim().split("\n").length).toBe(log.length);
    expect(reopened.eventCount("ex-1")).toBe(log.length);
    reopened.close();
  });

  it("refuses a duplicate seq and a gap, and leaves the log as it was", () => {
    const { store } = freshStore();
    const { record, runner, events } = newExercise("ex-2");
    store.createExercise(record, events);
    const started = runner.handle({ type: "start", actor: { kind: "facilitator" }, wallMs: 2_000 }).events;
    store.append("ex-2", started);
    const count = store.eventCount("ex-2");

    expect(() => store.append("ex-2", started)).toThrow(StoreError);
    expect(() => store.append("ex-2", started)).toThrow(/does not follow/);
    const gap = { ...started[0]!, seq: count + 5 };
    expect(() => store.append("ex-2", [gap])).toThrow(`event seq ${count + 5} does not follow ${count}`);
    // A batch whose second event is bad is refused as a whole.
    const good = { ...started[0]!, seq: count + 1 };
    expect(() => store.append("ex-2", [good, { ...good }])).toThrow(StoreError);
    expect(store.eventCount("ex-2")).toBe(count);
    expect(() => store.append("no-such-exercise", [good])).toThrow(/no exercise no-such-exercise/);
    store.close();
  });

  it("lists unfinished exercises until their end is stored", () => {
    const { store } = freshStore();
    const a = newExercise("ex-a");
    const b = newExercise("ex-b");
    store.createExercise(a.record, a.events);
    store.createExercise(b.record, b.events);
    expect(store.listUnfinished().map((r) => r.id)).toEqual(["ex-a", "ex-b"]);
    store.append("ex-a", a.runner.handle({ type: "start", actor: { kind: "facilitator" }, wallMs: 2_000 }).events);
    store.append("ex-a", a.runner.handle({ type: "end", actor: { kind: "facilitator" }, wallMs: 3_000 }).events);
    expect(store.listUnfinished().map((r) => r.id)).toEqual(["ex-b"]);
    expect(store.getExercise("ex-a")?.endedAt).toBe(3_000);
    store.close();
  });

  it("keeps seats by name and role, and the last heartbeat", () => {
    const { store } = freshStore();
    const { record, events } = newExercise("ex-s");
    store.createExercise(record, events);
    store.saveSeat("ex-s", { name: "Paula", role: "police", kind: "player", createdAt: 5 });
    store.saveSeat("ex-s", { name: " paula ", role: "police", kind: "player", createdAt: 9 });
    store.saveSeat("ex-s", { name: "Paula", role: "observer", kind: "observer", createdAt: 6 });
    expect(store.findSeat("ex-s", "PAULA", "police")).toEqual({ name: "Paula", role: "police", kind: "player", createdAt: 5 });
    expect(store.listSeats("ex-s").map((s) => s.role)).toEqual(["police", "observer"]);
    expect(store.lastHeartbeat("ex-s")).toBe(1_000);
    store.heartbeat("ex-s", 4_321);
    expect(store.lastHeartbeat("ex-s")).toBe(4_321);
    store.close();
  });

  it("records one heartbeat for many exercises at once, leaving ended ones alone", () => {
    const { store } = freshStore();
    const a = newExercise("hb-a");
    const b = newExercise("hb-b");
    const c = newExercise("hb-c");
    for (const x of [a, b, c]) store.createExercise(x.record, x.events);
    store.append("hb-c", c.runner.handle({ type: "start", actor: { kind: "facilitator" }, wallMs: 2_000 }).events);
    store.append("hb-c", c.runner.handle({ type: "end", actor: { kind: "facilitator" }, wallMs: 3_000 }).events);
    store.heartbeatAll(["hb-a", "hb-c"], 9_000);
    expect(store.lastHeartbeat("hb-a")).toBe(9_000);
    expect(store.lastHeartbeat("hb-b")).toBe(1_000);
    expect(store.lastHeartbeat("hb-c")).toBe(1_000);
    store.close();
  });
});

describe("join codes and secrets", () => {
  it("makes readable join codes and reads them back however they are typed", () => {
    const code = newJoinCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(normaliseJoinCode(` ${code.toLowerCase().replace("-", " ")} `)).toBe(code);
    expect(normaliseJoinCode("K7QXM4TR")).toBe("K7QX-M4TR");
    expect(normaliseJoinCode("K0QX-M4TR")).toBeUndefined();
    expect(normaliseJoinCode("K7QX-M4T")).toBeUndefined();
    expect(normaliseJoinCode(42)).toBeUndefined();
  });

  it("stores only a hash of the facilitator secret and checks it", () => {
    const secret = newSecret();
    const hash = hashSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(secret + "x", hash)).toBe(false);
    expect(secretMatches(undefined, hash)).toBe(false);
  });
});
