/**
 * Crash recovery: the server process is killed with SIGKILL in the middle of a running exercise, and a new process
 * on the same store brings it back with the same exercise clock (the downtime does not count), the same state and
 * the same score; players rejoin with the same code, name and role.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, Created, Player, ServerProcess } from "./harness.ts";
import { createExercise, exerciseTime, join, logLines, startServer, tempDb, waitFor, leave } from "./harness.ts";

const SPEED = 2;
const DOWNTIME_MS = 2500;

let first: ServerProcess;
let second: ServerProcess | undefined;
let cleanup: () => void;
let dbPath: string;
let ex: Created;

interface Snapshot {
  state: Record<string, Json>;
  xAtKill: number;
  score: Record<string, Json>;
  logLength: number;
}

let before: Snapshot;
let after: { facilitator: Player; police: Player; comms: Player; state: Record<string, Json>; x: number };

/** The parts of the facilitator's state that describe the situation (not seats' live connection counts). */
function situation(state: Record<string, Json>): Record<string, unknown> {
  const { zones, units, roads, markers, media, releasedCount, phase, roles, control, title, scenarioId } = state;
  return { zones, units, roads, markers, media, releasedCount, phase, roles, injects: control.injects, title, scenarioId };
}

async function scoreOf(url: string): Promise<Record<string, Json>> {
  const res = await fetch(`${url}/api/exercises/${ex.exerciseId}/report?format=json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, Json>;
}

beforeAll(async () => {
  const db = tempDb();
  cleanup = db.cleanup;
  dbPath = db.dbPath;
  first = await startServer({ dbPath });
  ex = await createExercise(first.url);
  const facilitator = await join(first.url, { joinCode: ex.joinCode, facilitatorSecret: ex.facilitatorSecret });
  const police = await join(first.url, { joinCode: ex.joinCode, name: "Paula", role: "police" });
  const comms = await join(first.url, { joinCode: ex.joinCode, name: "Chris", role: "communication" });
  for (const p of [facilitator, police, comms]) p.room.reconnection.enabled = false;

  expect(await facilitator.room.request("start")).toEqual({ ok: true });
  expect(await facilitator.room.request("speed", { factor: SPEED })).toEqual({ ok: true });
  expect(await police.room.request("deploy", { unit: "arv-1", to: [300, 250] })).toEqual({ ok: true });
  expect(await police.room.request("set-cordon", { zone: "market-square", level: "warm" })).toEqual({ ok: true });
  expect(await police.room.request("close-road", { road: "ring-road" })).toEqual({ ok: true });
  expect(await police.room.request("share", { to: ["communication"], text: "Stay away from the square" })).toEqual({ ok: true });
  expect(await comms.room.request("publish", { channel: "social-media", text: "Avoid the market square", topic: "holding-statement" })).toEqual({
    ok: true
  });
  await waitFor("the facilitator's state to show every action", () => facilitator.json().media && Object.keys(facilitator.json().media).length === 1);
  await waitFor("the road closed", () => facilitator.json().roads["ring-road"].open === false);
  // Let a heartbeat or two pass, then kill the process without warning.
  await new Promise((r) => setTimeout(r, 1200));
  const score = await scoreOf(first.url);
  const logLength = (await logLines(first.url, ex.exerciseId)).length;
  const state = facilitator.json();
  await first.kill9();
  const xAtKill = exerciseTime(state);
  before = { state, xAtKill, score, logLength };

  await new Promise((r) => setTimeout(r, DOWNTIME_MS));
  second = await startServer({ dbPath });
  const f2 = await join(second.url, { joinCode: ex.joinCode, facilitatorSecret: ex.facilitatorSecret });
  const x = exerciseTime(f2.json());
  const p2 = await join(second.url, { joinCode: ex.joinCode, name: "Paula", role: "police" });
  const c2 = await join(second.url, { joinCode: ex.joinCode, name: "Chris", role: "communication" });
  after = { facilitator: f2, police: p2, comms: c2, state: f2.json(), x };
});

afterAll(async () => {
  for (const p of [after?.facilitator, after?.police, after?.comms]) await leave(p);
  await first?.kill9();
  await second?.stop();
  cleanup?.();
});

describe("restart after kill -9", () => {
  it("restores the unfinished exercise at start-up", () => {
    expect(second!.output()).toMatch(/1 exercise\(s\) restored/);
    expect(second!.output()).toContain(`exercise ${ex.exerciseId} (${ex.joinCode}) resumed after`);
  });

  it("keeps the same exercise clock: the downtime is not exercise time", () => {
    expect(after.state.clock.status).toBe("running");
    expect(after.state.clock.speed).toBe(SPEED);
    // At most a heartbeat interval (1 s of wall time, at speed 2) is lost; the 2.5 s of downtime never counts.
    expect(after.x).toBeLessThanOrEqual(before.xAtKill + 300);
    expect(after.x).toBeGreaterThanOrEqual(before.xAtKill - 1000 * SPEED - 300);
  });

  it("says so in the log: paused at the last heartbeat, resumed on restart, with a note", async () => {
    const log = await logLines(second!.url, ex.exerciseId);
    const added = log.slice(before.logLength).map((e) => e.type);
    expect(added).toEqual(["exercise-paused", "exercise-resumed", "note-added"]);
    const [paused, resumed, note] = log.slice(before.logLength);
    expect(resumed!.t - paused!.t).toBeGreaterThanOrEqual(DOWNTIME_MS);
    expect(resumed!.x).toBe(paused!.x);
    expect(note!.text).toMatch(/^Server restart: the exercise clock was stopped for \d+ s/);
    expect(after.state.control.notes[0].text).toBe(note!.text);
  });

  it("brings back the same state", () => {
    expect(situation(after.state)).toEqual(situation(before.state));
    expect(after.state.zones["market-square"]).toMatchObject({ cordon: "warm", cordonRole: "police" });
    expect(after.state.units["arv-1"]).toMatchObject({ status: "moving", toX: 300, toY: 250 });
  });

  it("gives the same score", async () => {
    const score = await scoreOf(second!.url);
    expect(score.overall).toBe(before.score.overall);
    expect(score.dimensions).toEqual(before.score.dimensions);
    expect(score.speed.expectations).toEqual(before.score.speed.expectations);
  });

  it("lets players rejoin with the same code, name and role and carry on", async () => {
    expect(after.police.welcome.seat).toMatchObject({ id: "police:paula", role: "police" });
    expect(Object.keys(after.police.json().roles)).toEqual(["police"]);
    expect(after.police.json().roles.police.inbox["van-into-crowd"]).toMatchObject({ kind: "inject" });
    expect(Object.values(after.comms.json().roles.communication.inbox).map((i: Json) => i.text)).toContain("Stay away from the square");
    const seats = await waitFor("both players seated again", () => {
      const s = after.facilitator.json().seats;
      return s["police:paula"]?.connected === 1 && s["communication:chris"]?.connected === 1 ? s : undefined;
    });
    expect(Object.keys(seats).sort()).toEqual(["communication:chris", "facilitator:facilitator", "police:paula"]);
    expect(await after.police.room.request("acknowledge", { item: "van-into-crowd" })).toEqual({ ok: true });
  });

  it("also survives a clean stop (SIGTERM): the clock stops at shutdown and goes on at the next start", async () => {
    for (const p of [after.facilitator, after.police, after.comms]) p.room.reconnection.enabled = false;
    const lengthBefore = (await logLines(second!.url, ex.exerciseId)).length;
    const stoppedAt = Date.now();
    expect(await second!.stop()).toBe(0);
    expect(second!.output()).toContain("SIGTERM, closing rooms and the store");
    await new Promise((r) => setTimeout(r, 1000));
    const third = await startServer({ dbPath });
    try {
      const log = await logLines(third.url, ex.exerciseId);
      const [paused, resumed] = log.slice(lengthBefore);
      expect(paused).toMatchObject({ type: "exercise-paused" });
      expect(resumed).toMatchObject({ type: "exercise-resumed" });
      // Paused at the shutdown itself (the last heartbeat was written on the way out), not up to a second before.
      expect(Math.abs(paused!.t - stoppedAt)).toBeLessThan(400);
    } finally {
      await third.stop();
    }
  });
});
