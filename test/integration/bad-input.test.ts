/**
 * Bad input of every kind, sent by real SDK clients to a running exercise: each is answered with an `error`
 * message naming what was wrong, the sender stays connected, and nothing is added to the log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, Created, Player, ServerProcess, WireErrorMessage } from "./harness.ts";
import { createExercise, join, logLines, startServer, tempDb, waitFor, leave } from "./harness.ts";

let server: ServerProcess;
let cleanup: () => void;
let ex: Created;
let facilitator: Player;
let police: Player;
let evaluator: Player;
let observer: Player;
let screen: Player;
let logLength = 0;

beforeAll(async () => {
  const db = tempDb();
  cleanup = db.cleanup;
  server = await startServer({ dbPath: db.dbPath });
  ex = await createExercise(server.url);
  facilitator = await join(server.url, { joinCode: ex.joinCode, facilitatorSecret: ex.facilitatorSecret });
  police = await join(server.url, { joinCode: ex.joinCode, name: "Paula", role: "police" });
  evaluator = await join(server.url, { joinCode: ex.joinCode, name: "Eve", role: "evaluator" });
  observer = await join(server.url, { joinCode: ex.joinCode, name: "Otto", role: "observer" });
  screen = await join(server.url, { joinCode: ex.joinCode, role: "screen" });
  expect(await facilitator.room.request("start")).toEqual({ ok: true });
  // Nothing falls due for minutes at speed 1: from here on, only an accepted command can grow the log.
  logLength = (await logLines(server.url, ex.exerciseId)).length;
});

afterAll(async () => {
  for (const p of [facilitator, police, evaluator, observer, screen]) await leave(p);
  await server?.stop();
  cleanup?.();
});

/** Sends a request and returns both answers: the request's and the `error` message. */
async function refused(player: Player, type: string, payload?: unknown): Promise<{ answer: Json; error: WireErrorMessage }> {
  const before = player.errors.length;
  const answer = await player.room.request(type, payload);
  const error = await waitFor(`an error message for "${type}"`, () => player.errors[before]);
  return { answer, error };
}

async function expectNothingChanged(player: Player): Promise<void> {
  expect(player.room.connection.isOpen).toBe(true);
  expect((await logLines(server.url, ex.exerciseId)).length).toBe(logLength);
}

describe("bad input from clients", () => {
  it("answers a malformed payload with the field that is wrong", async () => {
    const { answer, error } = await refused(police, "deploy", { unit: "arv-1", to: "the market" });
    expect(error).toMatchObject({ code: "malformed", type: "deploy" });
    expect(error.message).toContain('"to"');
    expect(answer).toEqual({ ok: false, code: "malformed", message: error.message });
    await expectNothingChanged(police);
  });

  it("refuses a payload that is not an object", async () => {
    const { error } = await refused(police, "share", ["police", "hello"]);
    expect(error).toMatchObject({ code: "malformed" });
    expect(error.message).toContain("must be an object");
    await expectNothingChanged(police);
  });

  it("refuses a role named in the payload: the role comes from the seat", async () => {
    const { error } = await refused(police, "publish", { channel: "press", text: "All clear", role: "communication" });
    expect(error.code).toBe("malformed");
    expect(error.message).toContain("your role comes from your seat");
    await expectNothingChanged(police);
  });

  it("refuses an oversized payload", async () => {
    const { error } = await refused(police, "share", { to: ["communication"], text: "x".repeat(20_000) });
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/limit is 8192/);
    await expectNothingChanged(police);
  });

  it("answers an unknown message type sent as a plain message", async () => {
    const before = police.errors.length;
    police.room.send("teleport", { to: [1, 2] });
    const error = await waitFor("the unknown-type error", () => police.errors[before]);
    expect(error).toMatchObject({ code: "unknown-type", type: "teleport" });
    expect(error.message).toContain('"teleport"');
    await expectNothingChanged(police);
  });

  it("rejects a request of an unknown type without dropping the client", async () => {
    await expect(police.room.request("teleport", {})).rejects.toThrow(/teleport/);
    await expectNothingChanged(police);
  });

  it("answers unknown ids with what was not found", async () => {
    const unit = await refused(police, "deploy", { unit: "helicopter-9", to: [100, 100] });
    expect(unit.error).toMatchObject({ code: "unknown", message: 'unknown unit "helicopter-9"' });
    const item = await refused(police, "acknowledge", { item: "no-such-inject" });
    expect(item.error).toMatchObject({ code: "unknown" });
    expect(item.error.message).toContain("no-such-inject");
    const zone = await refused(police, "set-cordon", { zone: "the-moon", level: "hot" });
    expect(zone.error).toMatchObject({ code: "unknown", message: 'unknown zone "the-moon"' });
    await expectNothingChanged(police);
  });

  it("refuses acting with a unit of a role the player does not hold", async () => {
    const { error } = await refused(police, "deploy", { unit: "ambulance-1", to: [300, 250] });
    expect(error).toMatchObject({ code: "forbidden", message: 'unit "ambulance-1" belongs to fire-ems' });
    await expectNothingChanged(police);
  });

  it("refuses facilitator commands from a player, an evaluator, an observer and the screen", async () => {
    for (const [player, seat] of [
      [police, "a player"],
      [evaluator, "an evaluator"],
      [observer, "an observer"],
      [screen, "the big screen"]
    ] as const) {
      const { answer, error } = await refused(player, "pause");
      expect(answer.ok).toBe(false);
      expect(error.code).toBe("forbidden");
      expect(error.message).toBe(`"pause" is a facilitator command; this seat is ${seat}`);
      await expectNothingChanged(player);
    }
    const release = await refused(evaluator, "release", { inject: "crowd-surge" });
    expect(release.error.code).toBe("forbidden");
    expect((facilitator.json().clock as { status: string }).status).toBe("running");
  });

  it("refuses player actions from watchers and notes from players", async () => {
    const fromObserver = await refused(observer, "publish", { channel: "press", text: "Hello" });
    expect(fromObserver.error).toMatchObject({ code: "forbidden" });
    expect(fromObserver.error.message).toContain("only watches");
    const fromEvaluator = await refused(evaluator, "deploy", { unit: "arv-1", to: [300, 250] });
    expect(fromEvaluator.error.message).toBe('"deploy" is a player action; this seat is an evaluator');
    const note = await refused(police, "note", { text: "I am an evaluator now" });
    expect(note.error.message).toBe("only the facilitator and evaluators write notes; this seat is a player");
    await expectNothingChanged(police);
  });

  it("rate-limits a flood and keeps the client connected", async () => {
    const flooder = await join(server.url, { joinCode: ex.joinCode, name: "Pete", role: "police" });
    for (let i = 0; i < 40; i++) flooder.room.send("acknowledge", { item: `flood-${i}` });
    await waitFor("40 answers", () => flooder.errors.length >= 40);
    const answers = flooder.errors;
    const limited = answers.filter((e) => e.code === "rate-limited");
    expect(limited.length).toBeGreaterThanOrEqual(15);
    expect(answers.filter((e) => e.code === "unknown").length).toBeGreaterThanOrEqual(19);
    expect(limited[0]!.message).toMatch(/at most 10 per second/);
    await expectNothingChanged(flooder);
    // Other clients have their own budget, and the flooder's refills: after a pause it is served again.
    expect((await refused(police, "acknowledge", { item: "not-flooding" })).error.code).toBe("unknown");
    await new Promise((r) => setTimeout(r, 500));
    expect((await refused(flooder, "acknowledge", { item: "still-unknown" })).error.code).toBe("unknown");
    await flooder.room.leave();
  });

  it("closes only the offending connection on a frame over the transport limit", async () => {
    const rogue = await join(server.url, { joinCode: ex.joinCode, name: "Rogue", role: "municipality" });
    rogue.room.reconnection.enabled = false;
    const closed = new Promise<number>((res) => rogue.room.onLeave((code: number) => res(code)));
    rogue.room.send("share", { to: ["police"], text: "y".repeat(100_000) });
    expect(await closed).toBeGreaterThan(1000);
    expect(police.room.connection.isOpen).toBe(true);
    expect(await police.room.request("acknowledge", { item: "van-into-crowd" })).toEqual({ ok: true });
    expect((await logLines(server.url, ex.exerciseId)).length).toBeGreaterThan(logLength);
  });
});
