/**
 * Dropped connections: within the grace period the SDK reconnects by itself to the same session and seat; after
 * it, joining again with the same code and name gives the player back the same seat.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Created, Player, ServerProcess } from "./harness.ts";
import { createExercise, join, startServer, tempDb, waitFor, leave } from "./harness.ts";

const GRACE_SECONDS = 2;

let server: ServerProcess;
let cleanup: () => void;
let ex: Created;
let facilitator: Player;

beforeAll(async () => {
  const db = tempDb();
  cleanup = db.cleanup;
  server = await startServer({ dbPath: db.dbPath, env: { CORDON_RECONNECT_SECONDS: String(GRACE_SECONDS) } });
  ex = await createExercise(server.url);
  facilitator = await join(server.url, { joinCode: ex.joinCode, facilitatorSecret: ex.facilitatorSecret });
  expect(await facilitator.room.request("start")).toEqual({ ok: true });
});

afterAll(async () => {
  await leave(facilitator);
  await server?.stop();
  cleanup?.();
});

/** Cuts the TCP connection under the SDK without a close frame, as a network drop would. */
function dropNetwork(player: Player): void {
  const transport = player.room.connection.transport as unknown as { ws: { terminate(): void } };
  transport.ws.terminate();
}

function seat(id: string): { connected: number; reconnecting: number } | undefined {
  return facilitator.json().seats[id];
}

describe("a dropped player", () => {
  it("is reconnected by the SDK to the same session and seat within the grace period", async () => {
    const police = await join(server.url, { joinCode: ex.joinCode, name: "Paula", role: "police" });
    const sessionId = police.room.sessionId;
    await waitFor("police seat connected", () => seat("police:paula")?.connected === 1);
    const reconnected = new Promise<void>((res) => police.room.onReconnect(() => res()));
    const dropped = new Promise<void>((res) => police.room.onDrop(() => res()));

    dropNetwork(police);
    await dropped;
    await waitFor("the seat shown as reconnecting", () => seat("police:paula")?.reconnecting === 1);
    await reconnected;

    expect(police.room.sessionId).toBe(sessionId);
    await waitFor("the seat connected again", () => {
      const s = seat("police:paula");
      return s?.connected === 1 && s.reconnecting === 0;
    });
    // Same seat, same view: the police box is still there and actions work.
    expect(await police.room.request("acknowledge", { item: "van-into-crowd" })).toEqual({ ok: true });
    await waitFor("the acknowledgement in the police box", () => police.json().roles.police.inbox["van-into-crowd"].acknowledgedAt >= 0);
    expect(Object.keys(police.json().roles)).toEqual(["police"]);
    await police.room.leave();
  });

  it("gets the same seat back by joining with the code and name after the grace period", async () => {
    const comms = await join(server.url, { joinCode: ex.joinCode, name: "Chris", role: "communication" });
    comms.room.reconnection.enabled = false;
    await waitFor("comms seat connected", () => seat("communication:chris")?.connected === 1);
    const left = new Promise<void>((res) => comms.room.onLeave(() => res()));
    dropNetwork(comms);
    await left;
    await waitFor("the seat given up after the grace period", () => {
      const s = seat("communication:chris");
      return s?.connected === 0 && s.reconnecting === 0;
    }, (GRACE_SECONDS + 4) * 1000);

    // The returning player types the code and their name; the seat remembers the role.
    const back = await join(server.url, { joinCode: ex.joinCode, name: "  chris " });
    expect(back.welcome.seat).toMatchObject({ id: "communication:chris", kind: "player", role: "communication", name: "chris" });
    await waitFor("the same seat connected again", () => seat("communication:chris")?.connected === 1);
    const seats = Object.keys(facilitator.json().seats).filter((id) => id.startsWith("communication:"));
    expect(seats).toEqual(["communication:chris"]);
    expect(Object.keys(back.json().roles)).toEqual(["communication"]);
    await back.room.leave();
  });

  it("cannot come back under a name that holds no seat without choosing a role", async () => {
    await expect(join(server.url, { joinCode: ex.joinCode, name: "Nobody" })).rejects.toThrow(/a "role" is required/);
  });
});
